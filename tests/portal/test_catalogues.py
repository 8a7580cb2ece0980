"""The committed interface catalogues: complete, current with the source, and compiled.

The portal runs from the committed .mo files (a fresh machine may lack GNU gettext), so a
.po edited without compiling would silently not show. The gate on currency extracts the
messages again, as `makemessages` does (it needs GNU gettext: .ci/run installs it), in a
copy of the project, and fails when that would change the set of messages.
"""

import ast
import gettext
import re
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

LOCALES = ["nl", "fr", "de", "sv"]
MAKEMESSAGES = ["makemessages", *(f"--locale={code}" for code in LOCALES), "--no-obsolete"]
NOT_SOURCE = shutil.ignore_patterns(".*", "*.sqlite3*", "__pycache__", "node_modules")


def read_entries(path):
    """The entries of a .po file as (flags, {field: text}), header excluded."""
    entries, flags, fields, key = [], set(), {}, None
    for line in [*path.read_text().splitlines(), ""]:
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith(("msgctxt", "msgid", "msgstr")):
            key, _space, text = line.partition(" ")
            fields[key] = ast.literal_eval(text)
        elif line.startswith('"') and key:
            fields[key] += ast.literal_eval(line)
        elif not line.strip() and fields:
            if fields.get("msgid"):
                entries.append((flags, fields))
            flags, fields, key = set(), {}, None
    return entries


def read_po(path):
    """(flags, msgid, {msgstr key: text}) of each entry."""
    return [
        (flags, fields["msgid"], {k: v for k, v in fields.items() if k.startswith("msgstr")})
        for flags, fields in read_entries(path)
    ]


def catalogue(project, locale):
    return project / "locale" / locale / "LC_MESSAGES" / "django.po"


def messages(path):
    """What a catalogue translates: (context, message, plural) of every entry."""
    return {
        (fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"))
        for _flags, fields in read_entries(path)
    }


def untranslated(path):
    """Entries fuzzy, empty, or without every plural form the language has."""
    forms = int(re.search(r"nplurals=(\d+)", path.read_text())[1])
    return [
        msgid
        for flags, msgid, strings in read_po(path)
        if "fuzzy" in flags
        or not all(strings.values())
        or ("msgstr" not in strings and len(strings) != forms)
    ]


def extracted(project):
    """Run makemessages in `project` (a copy) and return its catalogues' paths."""
    if not shutil.which("xgettext"):
        pytest.fail("The catalogue gate needs GNU gettext: apt-get install gettext")
    command = [sys.executable, "manage.py", *MAKEMESSAGES]
    subprocess.run(command, cwd=project, check=True, capture_output=True)
    return {locale: catalogue(project, locale) for locale in LOCALES}


def stale(committed, current):
    """Messages the source has and the catalogue lacks, and the other way round."""
    new, gone = messages(current) - messages(committed), messages(committed) - messages(current)
    return sorted(new, key=str), sorted(gone, key=str)


@pytest.fixture
def project_copy(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(settings.BASE_DIR, copy, ignore=NOT_SOURCE)
    return copy


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_is_translated_and_none_is_fuzzy(locale):
    path = catalogue(settings.BASE_DIR, locale)
    assert len(read_po(path)) > 100
    assert untranslated(path) == []


def test_catalogues_are_current_with_the_source(project_copy):
    for locale, current in extracted(project_copy).items():
        assert stale(catalogue(settings.BASE_DIR, locale), current) == ([], []), locale


def test_the_gate_fails_on_a_new_untranslated_string(project_copy):
    """The gate at work on a copy: a template gains a string nobody translated."""
    (project_copy / "templates" / "gate_check.html").write_text(
        '{% load i18n %}{% translate "A sentence nobody has translated yet" %}'
    )
    for locale, current in extracted(project_copy).items():
        new, gone = stale(catalogue(settings.BASE_DIR, locale), current)
        assert new == [(None, "A sentence nobody has translated yet", None)] and gone == []
        assert untranslated(current) == ["A sentence nobody has translated yet"]


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_its_po_file(locale):
    folder = settings.BASE_DIR / "locale" / locale / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for _flags, fields in read_entries(folder / "django.po"):
        context, msgid = fields.get("msgctxt"), fields["msgid"]
        if "msgstr" in fields:
            found = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            assert found == fields["msgstr"], msgid
        else:
            plural = fields["msgid_plural"]
            found = (
                compiled.npgettext(context, msgid, plural, 1)
                if context
                else compiled.ngettext(msgid, plural, 1)
            )
            assert found == fields["msgstr[0]"], msgid
