import pytest
from django.contrib.auth import get_user_model

from practices.models import Municipality

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
