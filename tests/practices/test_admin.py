import pytest
from django.contrib.auth import get_user_model

from practices import search
from practices.models import Municipality, Practice, StatusChange

ADMIN_PAGES = [
    "/admin/practices/practice/",
    "/admin/practices/practice/?status__exact=published&language__exact=nl",
    "/admin/practices/practice/?q=Voorbeeld",
    "/admin/practices/recommendation/",
    "/admin/practices/municipality/",
    "/admin/practices/domain/",
    "/admin/practices/theme/",
    "/admin/practices/targetgroup/",
    "/admin/practices/partner/",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_editor_opens_admin_lists(editor_client, make_practice, url):
    make_practice()
    assert editor_client.get(url).status_code == 200


def test_editor_edits_a_practice_in_language_tabs(editor_client, make_practice):
    practice = make_practice()
    html = editor_client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    for code in ["nl", "fr", "de", "en", "sv"]:
        assert f'name="title_{code}"' in html
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "tabbed_translation_fields.js" in html


def test_admin_list_queries_stay_flat(editor_client, make_practices, django_assert_max_num_queries):
    """The practice list shows municipality and domain; list_select_related keeps it flat."""
    make_practices(60)
    with django_assert_max_num_queries(12):
        assert editor_client.get("/admin/practices/practice/").status_code == 200


@pytest.mark.parametrize("is_logged_in", [False, True])
def test_outsiders_are_sent_to_the_login(client, db, is_logged_in):
    if is_logged_in:
        client.force_login(get_user_model().objects.create_user("resident", password="x"))
    response = client.get("/admin/practices/practice/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_only_names_are_required_in_every_language(editor_client, catalogue):
    """Hasselt has no vision statement; editing it must not demand one."""
    hasselt = Municipality.objects.get(slug="hasselt")
    form = (
        editor_client.get(f"/admin/practices/municipality/{hasselt.pk}/change/")
        .context["adminform"]
        .form
    )
    assert form.fields["name_fr"].required
    assert not form.fields["vision_fr"].required
    assert not form.fields["region_de"].required


def test_editors_see_the_moderation_record_on_the_practice(editor_client, make_practice):
    from practices import moderation
    from practices.models import Status

    practice = make_practice(status=Status.SUBMITTED)
    moderation.reject(practice, by=get_user_model().objects.get(), reason="Geen gemeente <b>")
    html = editor_client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    assert "Geen gemeente &lt;b&gt;" in html
    assert "Afgewezen" in html and "eda" in html  # the admin speaks Dutch by default


def test_a_submission_is_shown_beside_the_published_practices_it_resembles(
    editor_client, make_submission
):
    """Found by the portal's own search, on the words of its title in its language."""
    title = "De diversiteitsvisie van burgerzaken aan het loket"
    submission = make_submission(language="nl", title=title)
    practice = submission.practice
    assert practice.title_nl == title
    found = search.resembling(practice)
    mechelen = Practice.objects.get(slug="mechelen-civil-affairs-diversity-trajectory")
    assert found[0] == (mechelen, 3)  # burgerzaken, diversiteitsvisie, loket
    assert practice not in [other for other, _shared in found]
    html = editor_client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    assert "Gepubliceerde voorbeelden die erop lijken" in html
    assert f'href="/admin/practices/practice/{mechelen.pk}/change/"' in html


def test_editors_confirm_many_published_practices_at_once(editor_client, make_practices):
    """A safe bulk action: each chosen published practice checked today, as one by one."""
    published = make_practices(3)
    draft = published[2]
    Practice.objects.filter(pk=draft.pk).update(status="draft")
    chosen = {"action": "confirm_current", "_selected_action": [p.pk for p in published]}
    assert editor_client.post("/admin/practices/practice/", chosen).status_code == 302
    checked = dict(Practice.objects.values_list("pk", "checked_at"))
    assert checked[published[0].pk] and checked[published[1].pk] and not checked[draft.pk]
    assert StatusChange.objects.filter(to_status="published").count() == 2
