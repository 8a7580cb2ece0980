"""The admin in five languages: no English left on the pages editors and translators use,
whoever's text it is (the portal's, Django's or a library's)."""

import re
from pathlib import Path

import django
import django_filters
import pytest
from django.conf import settings
from django.utils.translation import trans_real

from portal.models import Page
from practices.models import Practice
from tests.portal.test_catalogues import read_po
from tests.portal.test_languages import visible_text

LANGUAGES = ["nl", "fr", "de", "sv"]


def messages(lang):
    """The texts the running portal translates into `lang` (every catalogue merged)."""
    found = set()
    for key in trans_real.translation(lang)._catalog.keys():  # noqa: SIM118 - no __iter__
        message = key[0] if isinstance(key, tuple) else key
        found.add(message.split("\x04")[-1])
    return found


def sources():
    """Every English text of the catalogues the admin shows: the portal's (its Dutch
    catalogue), Django's (its admin, users, content types and forms: their English
    catalogues list every text) and django-filter's."""
    django_root = Path(django.__file__).parent
    folders = [
        settings.BASE_DIR / "locale",
        django_root / "conf" / "locale",
        *(django_root / "contrib" / app / "locale" for app in ("admin", "auth", "contenttypes")),
        Path(django_filters.__file__).parent / "locale",
    ]
    english = [folder / "en" for folder in folders if (folder / "en").exists()]
    return {
        msgid
        for folder in [*english, settings.BASE_DIR / "locale" / "nl"]
        for _flags, msgid, _strings in read_po(folder / "LC_MESSAGES" / "django.po")
        if msgid
    }


PLACEHOLDER = re.compile(r"%(\([^)]+\))?[sd]")


def pattern(message):
    """A message as the page may show it: its placeholders filled with any words."""
    parts = [re.escape(part) for part in PLACEHOLDER.split(message)[::2] if part is not None]
    return re.compile(r"(?<!\w)" + r"\S.*?".join(parts) + r"(?!\w)")


def untranslated_shown(text, lang, english):
    """The English texts `lang` does not translate and the page shows."""
    missing = english - messages(lang)
    return sorted(
        message
        for message in missing
        if len(PLACEHOLDER.sub("", message).strip()) > 3 and pattern(message).search(text)
    )


def editor_pages(editor_client, german_translator, make_submission):
    """(client, address) of each admin page an editor or translator works on."""
    submission = make_submission(language="fr")
    practice = submission.practice
    published = Practice.objects.published().first()
    published.title_nl += "."
    published.save()  # its translations out of date
    change = f"/admin/practices/practice/{practice.pk}/change/"
    return [
        (editor_client, "/admin/"),
        (editor_client, "/admin/practices/practice/"),
        (editor_client, "/admin/practices/practice/?translation=out-of-date:fr"),
        (editor_client, change),
        (editor_client, f"/admin/practices/practice/{published.pk}/change/"),
        (editor_client, f"/admin/practices/practice/{published.pk}/translate/fr/"),
        (editor_client, "/admin/trainings/trainingprogramme/"),
        (editor_client, f"/admin/portal/page/{Page.objects.get(kind='about').pk}/change/"),
        (german_translator, "/admin/"),
        (german_translator, f"/admin/practices/practice/{published.pk}/change/"),
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_english_left_in_the_admin_editors_use(
    editor_client, german_translator, make_submission, lang
):
    english = sources()
    pages = editor_pages(editor_client, german_translator, make_submission)
    left = {}
    for client, address in pages:
        client.cookies["django_language"] = lang
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        assert f'<html lang="{lang}"' in html, address
        if found := untranslated_shown(visible_text(html, lang), lang, english):
            left[address] = found
    moderate = pages[3][1].replace("change", "moderate")
    editor_client.cookies["django_language"] = lang
    confirm = editor_client.post(moderate, {"step": "publish", "seen": "submitted"})
    text = visible_text(confirm.content.decode(), lang)
    if found := untranslated_shown(text, lang, english):
        left["confirmation page"] = found
    assert left == {}


def test_the_detector_finds_english_where_it_is(editor_client, catalogue):
    """On the English admin, which no catalogue translates, it finds Django's texts."""
    editor_client.cookies["django_language"] = "en"
    html = editor_client.get("/admin/practices/practice/").content.decode()
    found = untranslated_shown(visible_text(html, "en"), "en", sources())
    assert {"- Select an option -", "Filter by %(field_name)s", "Search %(name)s"} <= set(found)
