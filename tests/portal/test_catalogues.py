"""The committed interface catalogues: complete, and compiled from their current .po files.

The portal runs from the committed .mo files (a fresh machine may lack GNU gettext),
so a .po edited without compiling would silently not show.
"""

import ast
import gettext

import pytest
from django.conf import settings

LOCALES = ["nl", "fr", "de", "sv"]


def read_po(path):
    """The entries of a .po file as (flags, msgid, {msgstr key: text}), header excluded."""
    entries, flags, fields, key = [], set(), {}, None
    for line in [*path.read_text().splitlines(), ""]:
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith(("msgid", "msgstr")):
            key, _space, text = line.partition(" ")
            fields[key] = ast.literal_eval(text)
        elif line.startswith('"') and key:
            fields[key] += ast.literal_eval(line)
        elif not line.strip() and fields:
            if fields.get("msgid"):
                strings = {k: v for k, v in fields.items() if k.startswith("msgstr")}
                entries.append((flags, fields["msgid"], strings))
            flags, fields, key = set(), {}, None
    return entries


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_is_translated_and_none_is_fuzzy(locale):
    entries = read_po(settings.BASE_DIR / "locale" / locale / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    for flags, msgid, strings in entries:
        assert "fuzzy" not in flags, msgid
        assert all(strings.values()), msgid


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_its_po_file(locale):
    folder = settings.BASE_DIR / "locale" / locale / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for _flags, msgid, strings in read_po(folder / "django.po"):
        if "msgstr" in strings:
            assert compiled.gettext(msgid) == strings["msgstr"], msgid
        else:
            assert compiled.ngettext(msgid, "", 1) == strings["msgstr[0]"], msgid
