"""Translations tracked per language (portal.tracking): original, translated, machine-
translated or missing, and out of date once the original changed after them."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.utils import translation

from portal import machine
from portal.models import Translation, TranslatorProfile
from portal.tracking import WAITING, State, in_state
from practices.models import Practice, Recommendation
from tests.conftest import LANGUAGES, translated
from tests.trainings.test_trainings import option_count

OTHERS = ["fr", "de", "en", "sv"]


@pytest.fixture
def everywhere(make_practice):
    """A Dutch practice translated by a person into every other language."""
    return make_practice(**translated("title", "Onthaal"), **translated("summary", "Kort"))


def states(practice):
    return Practice.objects.get(pk=practice.pk).translation_states()


def test_a_translation_made_by_a_person_is_checked(everywhere):
    assert states(everywhere) == {"nl": State.ORIGINAL} | dict.fromkeys(OTHERS, State.TRANSLATED)
    assert everywhere.languages == "nl fr de en sv"
    made = Translation.objects.get(object_id=everywhere.pk, language="fr")
    assert made.made_from == {"title": "Onthaal [nl]", "summary": "Kort [nl]"} | {
        field: "" for field in Practice.TEXTS if field not in ("title", "summary")
    }


def test_editing_the_original_puts_every_translation_out_of_date(client, everywhere):
    everywhere.title_nl = "Onthaal voor iedereen"
    everywhere.save()
    assert states(everywhere) == {"nl": State.ORIGINAL} | dict.fromkeys(OTHERS, State.OUT_OF_DATE)
    assert Practice.objects.get(pk=everywhere.pk).languages == "nl"
    page = client.get(f"/fr/practices/{everywhere.slug}/").content.decode()
    assert "L’original de ce texte a changé après sa traduction" in page
    assert f'<a href="/nl/practices/{everywhere.slug}/" hreflang="nl">' in page
    listing = client.get("/fr/practices/").content.decode()
    assert option_count(listing, "available", "yes") == 0  # no longer counted as French
    assert option_count(listing, "available", "no") == 1


def test_a_translators_edit_brings_one_language_up_to_date(client, everywhere):
    everywhere.title_nl = "Onthaal voor iedereen"
    everywhere.save()
    everywhere.title_fr = "Accueil pour tous"
    everywhere.save()
    assert states(everywhere)["fr"] == State.TRANSLATED
    assert states(everywhere)["de"] == State.OUT_OF_DATE
    assert Practice.objects.get(pk=everywhere.pk).languages == "nl fr"
    page = client.get(f"/fr/practices/{everywhere.slug}/").content.decode()
    assert "Accueil pour tous" in page and 'class="notice"' not in page
    listing = client.get("/fr/practices/").content.decode()
    assert option_count(listing, "available", "yes") == 1


def test_a_person_confirms_a_translation_still_right(everywhere):
    everywhere.title_nl = "Onthaal [nl]."  # a full stop: the translations still hold
    everywhere.save()
    everywhere.save(checked=["de", "sv"])
    assert states(everywhere) == {
        "nl": State.ORIGINAL,
        "fr": State.OUT_OF_DATE,
        "de": State.TRANSLATED,
        "en": State.OUT_OF_DATE,
        "sv": State.TRANSLATED,
    }


def test_a_machine_translation_waits_for_a_person(client, make_practice):
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort")
    practice.title_sv, practice.summary_sv = "Mottagande", "Kort"
    practice.save(machine=["sv"])
    assert states(practice)["sv"] == State.MACHINE and practice.languages == "nl"
    with translation.override("sv"):
        page = client.get(practice.get_absolute_url()).content.decode()
    assert "Mottagande" in page and "En maskin har översatt den här texten" in page
    practice.save(checked=["sv"])
    assert states(practice)["sv"] == State.TRANSLATED and practice.languages == "nl sv"


def test_a_translation_written_before_records_began_is_tracked_on_the_next_save(
    client, make_practices
):
    """Rows written without save() (a restore, a bulk import) have no record: their
    translations count as made by a person from the original as it was."""
    (practice,) = make_practices(1)
    Practice.objects.filter(pk=practice.pk).update(**translated("title", "Onthaal"))
    Practice.objects.filter(pk=practice.pk).refresh_languages()
    practice = Practice.objects.get(pk=practice.pk)
    assert not practice.translations.exists()
    assert practice.translation_states()["fr"] == State.MISSING  # its summary is Dutch only
    practice.summary_fr = "Résumé"
    practice.title_nl = "Nieuwe titel"
    practice.save()
    assert states(practice)["fr"] == State.TRANSLATED  # written by this save
    assert states(practice)["de"] == State.MISSING


def test_emptying_a_language_forgets_its_record(everywhere):
    everywhere.title_en = everywhere.summary_en = ""
    everywhere.save()
    assert states(everywhere)["en"] == State.MISSING
    assert not everywhere.translations.filter(language="en").exists()
    assert sorted(everywhere.translations.values_list("language", flat=True)) == sorted(
        ["fr", "de", "sv"]
    )


def test_every_language_has_a_state(everywhere):
    assert set(states(everywhere)) == set(LANGUAGES)


def recommendation_form(advice, **changes):
    data = {"slug": advice.slug, "domain": advice.domain_id, "language": "nl", "position": 0}
    for field in ("title", "summary", "actions"):
        for lang in LANGUAGES:
            data[f"{field}_{lang}"] = getattr(advice, f"{field}_{lang}") or ""
    return {**data, **changes}


def test_an_editor_sees_each_language_and_confirms_those_still_right(editor_client, domain):
    advice = Recommendation.objects.create(
        slug="advice",
        domain=domain,
        **translated("title", "Advies"),
        **translated("summary", "Kort"),
    )
    url = f"/admin/practices/recommendation/{advice.pk}/change/"
    changed = recommendation_form(advice, title_nl="Beter advies")
    assert editor_client.post(url, changed).status_code == 302
    assert advice.translation_states()["fr"] == State.OUT_OF_DATE
    with translation.override("nl"):
        form = editor_client.get(url).content.decode()
    assert "<li>Nederlands: origineel</li>" in form
    side_by_side = f'<a href="/admin/practices/recommendation/{advice.pk}/translate/fr/">'
    assert f"<li>Frans: verouderd ({side_by_side}naast elkaar</a>)</li>" in form
    assert 'name="checked" value="fr"' in form and 'name="checked" value="nl"' not in form
    assert '"original": "nl"' in form  # for the tabs (js/admin_translations.js)
    assert editor_client.post(url, {**changed, "checked": ["fr", "sv"]}).status_code == 302
    states = advice.translation_states()
    assert (states["fr"], states["sv"], states["de"]) == (
        State.TRANSLATED, State.TRANSLATED, State.OUT_OF_DATE,
    )  # fmt: skip


def test_the_side_by_side_view_shows_what_changed_and_saves_one_language(editor_client, everywhere):
    everywhere.summary_nl = "Kort <b>en</b> duidelijk"
    everywhere.save()
    url = f"/admin/practices/practice/{everywhere.pk}/translate/fr/"
    with translation.override("nl"):
        page = editor_client.get(url).content.decode()
    assert '<div lang="nl"><p>Kort &lt;b&gt;en&lt;/b&gt; duidelijk</p></div>' in page
    assert '<textarea name="summary" cols="40" rows="2" lang="fr"' in page
    assert "<del>[nl]</del> <ins>&lt;b&gt;en&lt;/b&gt; duidelijk</ins>" in page
    assert page.count('class="changed"') == 1  # the title did not change
    form = {"title": "Onthaal [fr]", "summary": "Court et clair"}
    assert editor_client.post(url, form).status_code == 302
    everywhere.refresh_from_db()
    assert everywhere.summary_fr == "Court et clair" and everywhere.summary_de == "Kort [de]"
    assert states(everywhere)["fr"] == State.TRANSLATED
    assert states(everywhere)["de"] == State.OUT_OF_DATE
    german = f"/admin/practices/practice/{everywhere.pk}/translate/de/"
    untouched = {"title": "Onthaal [de]", "summary": "Kort [de]", "still_right": "on"}
    assert editor_client.post(german, untouched).status_code == 302
    assert states(everywhere)["de"] == State.TRANSLATED


def test_the_side_by_side_view_is_for_the_other_languages_only(editor_client, everywhere):
    admin = f"/admin/practices/practice/{everywhere.pk}/translate"
    assert editor_client.get(f"{admin}/nl/").status_code == 404  # the original
    assert editor_client.get(f"{admin}/xx/").status_code == 404
    assert editor_client.get(f"{admin}/sv/").status_code == 200


def test_a_translator_changes_only_their_languages_and_never_moderates(
    german_translator, make_submission
):
    submission = make_submission(language="fr")
    practice = submission.practice
    url = f"/admin/practices/practice/{practice.pk}/change/"
    page = german_translator.get(url).content.decode()
    assert 'name="title_de"' in page and 'name="title_fr"' not in page
    assert practice.title_fr in page  # shown, not editable
    assert submission.email not in page and "Delete" not in page and 'value="publish"' not in page
    side_by_side = re.findall(r'href="/admin/practices/practice/\d+/translate/(\w+)/"', page)
    assert side_by_side == ["de"]  # not the languages they do not write
    form = {name: getattr(practice, name) or "" for name in ("title_de", "summary_de")}
    form |= {"title_de": "Willkommen", "summary_de": "Kurz", "title_fr": "Changé"}
    assert german_translator.post(url, form).status_code == 302
    practice.refresh_from_db()
    assert (practice.title_de, practice.title_fr) == ("Willkommen", submission.practice.title_fr)
    moderate = f"/admin/practices/practice/{practice.pk}/moderate/"
    published = {"step": "publish", "seen": "submitted", "confirmed": "yes"}
    assert german_translator.post(moderate, published).status_code == 403
    assert Practice.objects.get(pk=practice.pk).status == "submitted"
    assert german_translator.get(f"{url.replace('change', 'delete')}").status_code == 403
    side = f"/admin/practices/practice/{practice.pk}/translate"
    assert german_translator.get(f"{side}/nl/").status_code == 403
    assert german_translator.get(f"{side}/de/").status_code == 200


def test_a_translator_works_on_published_and_submitted_texts_only(german_translator, make_practice):
    draft = make_practice(status="draft", published_at=None)
    published = make_practice()
    admin = "/admin/practices/practice/"
    listed = german_translator.get(admin).content.decode()
    assert published.title_nl in listed and draft.title_nl not in listed
    assert german_translator.get(f"{admin}{draft.pk}/change/").status_code == 302  # not found
    assert german_translator.get("/admin/portal/email/").status_code == 403


def test_a_translators_desk_is_their_languages_queue(german_translator, everywhere):
    everywhere.title_nl = "Nieuw"
    everywhere.save()
    with translation.override("nl"):
        html = german_translator.get("/admin/").content.decode()
    queue = re.findall(r'<td><a href="([^"]+)" aria-label="[^"]+">(\d+)</a></td>', html)
    programmes = "/admin/trainings/trainingprogramme/?is_published__exact=1"
    assert [(link.replace("&amp;", "&"), count) for link, count in queue] == [
        (f"/admin/practices/practice/?status__exact=published&translation={state}:de", count)
        for state, count in (("missing", "0"), ("out-of-date", "1"), ("machine", "0"))
    ] + [(f"/admin/practices/recommendation/?translation={state}:de", "0") for state in WAITING] + [
        (f"{programmes}&translation={state}:de", "0") for state in WAITING
    ]
    assert '<th scope="row">Duits</th>' in html and "Wachtende inzendingen" not in html


def test_spaces_and_line_ends_change_nothing(make_practice):
    """A browser sends a text area's lines with CR LF: saving a form unchanged neither
    checks a machine translation nor puts the others out of date."""
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort\nen klaar")
    practice.title_de, practice.summary_de = "Empfang", "Kurz\nund fertig"
    practice.save(machine=["de"])
    practice.summary_de, practice.summary_nl = "Kurz\r\nund fertig ", "Kort\r\nen klaar"
    practice.save()
    assert states(practice)["de"] == State.MACHINE


def test_a_new_original_language_keeps_no_record_of_itself(everywhere):
    everywhere.title_nl = "Nieuw"
    everywhere.save()
    everywhere.language = "de"
    everywhere.save()
    assert not everywhere.translations.filter(language="de").exists()
    assert states(everywhere)["de"] == State.ORIGINAL


def test_a_card_says_when_its_translation_is_not_checked(client, make_practice):
    practice = make_practice(title_nl="Onthaal", summary_nl="Kort")
    practice.title_fr, practice.summary_fr = "Accueil", "Court"
    practice.save(machine=["fr"])
    listing = client.get("/fr/practices/").content.decode()
    assert "Accueil" in listing and '<p class="badge">Traduction à vérifier</p>' in listing


def test_a_translator_reaches_no_draft_and_no_language_without_a_profile(
    german_translator, client, make_practice
):
    draft = make_practice(status="draft", published_at=None)
    admin = f"/admin/practices/practice/{draft.pk}"
    assert german_translator.get(f"{admin}/translate/de/").status_code == 404
    assert german_translator.post(f"{admin}/translate/de/", {"title": "x"}).status_code == 404
    assert german_translator.get(f"{admin}/preview/").status_code == 404
    published = make_practice()
    TranslatorProfile.objects.all().delete()  # in the group, without a profile: no language
    page = german_translator.get(f"/admin/practices/practice/{published.pk}/change/")
    assert page.status_code == 200 and 'name="title_de"' not in page.content.decode()
    translate = f"/admin/practices/practice/{published.pk}/translate/de/"
    assert german_translator.get(translate).status_code == 403


def test_a_text_the_original_gains_puts_its_translations_out_of_date(
    client, editor_client, everywhere
):
    """Not missing: each keeps its record, and the side-by-side view shows the new text."""
    everywhere.hindsight_nl = "Begin <klein>"
    everywhere.save()
    assert states(everywhere) == {"nl": State.ORIGINAL} | dict.fromkeys(OTHERS, State.OUT_OF_DATE)
    assert everywhere.translations.count() == 4 and everywhere.languages == "nl"
    out_of_date = in_state(Practice.objects.all(), State.OUT_OF_DATE, "fr")
    assert list(out_of_date) == [everywhere]
    assert not in_state(Practice.objects.all(), State.MISSING, "fr").exists()
    assert machine.missing(everywhere, OTHERS) == []  # a machine does not write over a person
    page = client.get(f"/fr/practices/{everywhere.slug}/").content.decode()
    assert "L’original de ce texte a changé" in page
    side = f"/admin/practices/practice/{everywhere.pk}/translate/fr/"
    assert "<ins>Begin &lt;klein&gt;</ins>" in editor_client.get(side).content.decode()
    form = editor_client.get(f"/admin/practices/practice/{everywhere.pk}/change/").context[
        "adminform"
    ]
    assert form.form.fields["checked"].choices == []  # writing the text it lacks checks it
    texts = {"title": "Onthaal [fr]", "summary": "Kort [fr]", "hindsight": "Commencer petit"}
    assert editor_client.post(side, texts).status_code == 302
    assert (
        states(everywhere)["fr"] == State.TRANSLATED and states(everywhere)["de"] == "out-of-date"
    )


def test_a_language_a_person_leaves_incomplete_is_missing(everywhere):
    everywhere.summary_fr = ""
    everywhere.save()
    assert states(everywhere)["fr"] == State.MISSING
    assert not everywhere.translations.filter(language="fr").exists()
    everywhere.title_nl = "Onthaal."  # the others out of date, then one left incomplete
    everywhere.save()
    everywhere.summary_de = ""
    everywhere.save()
    assert states(everywhere)["de"] == State.MISSING and states(everywhere)["en"] == "out-of-date"
    assert not everywhere.translations.filter(language="de").exists()


def seen(page):
    return re.search(r'name="original_seen" value="(\w+)"', page.content.decode())[1]


def test_a_translation_sent_after_the_original_changed_is_shown_again(editor_client, everywhere):
    """What was typed is kept, beside the original as it is now; saved again, it counts."""
    side = f"/admin/practices/practice/{everywhere.pk}/translate/fr/"
    shown = seen(editor_client.get(side))
    everywhere.title_nl = "Onthaal voor iedereen"
    everywhere.save()  # by another editor, meanwhile
    typed = {"title": "Accueil <pour> tous", "summary": "Court", "original_seen": shown}
    again = editor_client.post(side, typed)
    page = again.content.decode()
    assert again.status_code == 200 and "Iemand heeft het origineel gewijzigd" in page
    assert ">\nAccueil &lt;pour&gt; tous</textarea>" in page and "Onthaal voor iedereen" in page
    assert Practice.objects.get(pk=everywhere.pk).title_fr == "Onthaal [fr]"
    assert states(everywhere)["fr"] == State.OUT_OF_DATE
    assert editor_client.post(side, {**typed, "original_seen": seen(again)}).status_code == 302
    assert Practice.objects.get(pk=everywhere.pk).title_fr == "Accueil <pour> tous"
    assert states(everywhere)["fr"] == State.TRANSLATED


def test_a_translators_form_sent_after_the_original_changed_is_shown_again(
    german_translator, everywhere
):
    url = f"/admin/practices/practice/{everywhere.pk}/change/"
    shown = seen(german_translator.get(url))
    everywhere.summary_nl = "Kort en klaar"
    everywhere.save()
    typed = {"title_de": "Empfang", "summary_de": "Kurz", "original_seen": shown}
    again = german_translator.post(url, typed, headers={"accept-language": "de"})
    assert again.status_code == 200
    assert "Jemand hat das Original geändert" in again.content.decode()
    assert Practice.objects.get(pk=everywhere.pk).title_de == "Onthaal [de]"
    assert german_translator.post(url, {**typed, "original_seen": seen(again)}).status_code == 302
    assert states(everywhere)["de"] == State.TRANSLATED


def test_a_translation_confirmed_has_every_text(editor_client, everywhere):
    everywhere.title_nl = "Onthaal voor iedereen"
    everywhere.save()
    side = f"/admin/practices/practice/{everywhere.pk}/translate/sv/"
    confirmed = {"title": "Mottagande", "still_right": "on"}
    page = editor_client.post(side, confirmed, headers={"accept-language": "sv"})
    assert page.status_code == 200 and "Skriv alla texter" in page.content.decode()
    assert Practice.objects.get(pk=everywhere.pk).summary_sv == "Kort [sv]"
    assert states(everywhere)["sv"] == State.OUT_OF_DATE


def test_an_editors_form_sent_after_the_original_changed_keeps_the_new_original(
    editor_client, domain
):
    """Shown again, the form holds the original as it is now, so saving it again does
    not put back the one the editor loaded."""
    advice = Recommendation.objects.create(
        slug="advice",
        domain=domain,
        **translated("title", "Advies"),
        **translated("summary", "Kort"),
    )
    url = f"/admin/practices/recommendation/{advice.pk}/change/"
    shown = seen(editor_client.get(url))
    advice.title_nl = "Advies van een collega"
    advice.save()  # meanwhile, by a colleague
    typed = recommendation_form(
        advice, title_nl="Advies [nl]", title_fr="Conseil", original_seen=shown
    )
    again = editor_client.post(url, typed)
    page = again.content.decode()
    assert again.status_code == 200 and "Iemand heeft het origineel gewijzigd" in page
    assert re.search(r'name="title_nl" value="Advies van een collega"', page)
    assert 'name="title_fr" value="Conseil"' in page  # what was typed, kept
    assert Recommendation.objects.get(pk=advice.pk).title_fr == "Advies [fr]"
    resent = {**typed, "title_nl": "Advies van een collega", "original_seen": seen(again)}
    assert editor_client.post(url, resent).status_code == 302
    advice.refresh_from_db()
    assert (advice.title_nl, advice.title_fr) == ("Advies van een collega", "Conseil")


def test_spaces_written_in_the_original_refuse_no_translation(editor_client, everywhere):
    side = f"/admin/practices/practice/{everywhere.pk}/translate/fr/"
    shown = seen(editor_client.get(side))
    everywhere.summary_nl = " Kort [nl]\r\n"
    everywhere.save()
    typed = {"title": "Accueil", "summary": "Court", "original_seen": shown}
    assert editor_client.post(side, typed).status_code == 302


def test_the_migration_records_recommendations_languages_as_tracking_does(domain):
    """Recommendations were saved without `languages` before: migration 0027 writes
    what portal.tracking counts as checked."""
    every = Recommendation.objects.create(
        slug="every",
        domain=domain,
        **translated("title", "Advies"),
        **translated("summary", "Kort"),
    )
    Recommendation.objects.create(
        slug="partly", domain=domain, title_nl="Advies", summary_nl="Kort", title_fr="Conseil"
    )
    stale = Recommendation.objects.create(
        slug="stale",
        domain=domain,
        **translated("title", "Advies"),
        **translated("summary", "Kort"),
    )
    stale.title_nl = "Beter advies"
    stale.save()
    stale.title_sv = "Bättre råd"
    stale.save()  # Swedish current again
    every.save(machine=["de"])
    recorded = {advice.slug: advice.languages for advice in Recommendation.objects.all()}
    assert (recorded["every"], recorded["partly"], recorded["stale"]) == (
        "nl fr en sv", "nl", "nl sv",
    )  # fmt: skip
    Recommendation.objects.update(languages="")
    migration = importlib.import_module("practices.migrations.0027_recommendation_languages")
    migration.record_languages(django_apps, None)
    assert {advice.slug: advice.languages for advice in Recommendation.objects.all()} == recorded
