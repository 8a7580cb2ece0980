"""Translations tracked per language.

Each language of a text other than the one it was written in is *translated* (by a
person), *machine-translated* (to be checked by a person), *out of date* (its original
changed after it was made) or *missing*. A portal.models.Translation keeps, per
language, the original's texts it was made from; comparing them with the original now
tells whether it is current, and which fields changed since.

Saving content records it (`Record`): a language whose texts the save changed was made
from the original as it is now, by a person unless the save says a machine made it; a
language a person confirmed is checked against the original now; a language written
before this record began gets the original as it was before the save. Readers and the
"available in your language" facet count only checked, current translations.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .models import Translation


class State(models.TextChoices):
    ORIGINAL = "original", _("original")
    TRANSLATED = "translated", _("translated")
    MACHINE = "machine", _("machine-translated, to be checked")
    OUT_OF_DATE = "out-of-date", _("out of date")
    MISSING = "missing", _("missing")


CHECKED = {State.ORIGINAL, State.TRANSLATED}  # what readers and the facet count
WAITING = [State.MISSING, State.OUT_OF_DATE, State.MACHINE]  # what translators have to do
# The recorded translations no person has checked, as `state` tells them: by field.
UNCHECKED = {
    State.OUT_OF_DATE: {"is_current": False},
    State.MACHINE: {"is_current": True, "by_machine": True},
}


def fields(content):
    """The names of the fields of `content` (or of a model) written in every language,
    in the model's order."""
    return in_order(content if isinstance(content, type) else type(content))


@functools.cache
def in_order(model):
    names = translator.get_options_for_model(model).fields
    return sorted(names, key=lambda name: model._meta.get_field(name).creation_counter)


def texts(content, lang):
    return {field: content.text_in(field, lang) for field in fields(content)}


def state(content, lang, made):
    """The State of `lang` for `content`; `made`: its Translations by language."""
    if lang == content.original_language:
        return State.ORIGINAL
    translation = made.get(lang)
    if not content.is_translated(lang):  # recorded only if the original outgrew it
        return State.MISSING if translation is None else State.OUT_OF_DATE
    if translation is None:  # written before translations were recorded: by a person
        return State.TRANSLATED
    if not translation.is_current:
        return State.OUT_OF_DATE
    return State.MACHINE if translation.by_machine else State.TRANSLATED


def same(texts, others):
    """Whether two {field: text} say the same, whatever their spaces and line ends (a
    browser sends a text area's lines with CR LF, a form strips the ends)."""
    return all(
        " ".join((texts.get(name) or "").split()) == " ".join((others.get(name) or "").split())
        for name in {*texts, *others}
    )


def digest(content):
    """A short digest of the original's texts of `content` now, whatever their spaces
    (as `same` compares them): a form carries it to tell whether the original changed
    while a person translated."""
    now = {
        name: " ".join(text.split())
        for name, text in texts(content, content.original_language).items()
    }
    return hashlib.sha256(json.dumps(now, sort_keys=True).encode()).hexdigest()[:16]


def stored_texts(content):
    """{lang: texts} of `content` as stored, before a save; None for new content."""
    if content.pk is None:
        return None
    names = [
        build_localized_fieldname(field, lang)
        for field in fields(content)
        for lang, _name in settings.LANGUAGES
    ]
    row = type(content)._base_manager.filter(pk=content.pk).values(*names).first()
    if row is None:
        return None
    return {
        lang: {
            field: row[build_localized_fieldname(field, lang)] or "" for field in fields(content)
        }
        for lang, _name in settings.LANGUAGES
    }


class Record:
    """The translations of `content` as a save leaves them: read before it, written
    (`write`) after it. `machine`: the languages a machine just filled; `checked`: those
    a person confirmed against the original now."""

    def __init__(self, content, machine=(), checked=()):
        self.content, before = content, stored_texts(content)
        self.made = {t.language: t for t in content.translations.all()} if before else {}
        original = content.original_language
        now = texts(content, original)
        was = before[original] if before else now
        self.gone, self.touched = [], set()  # what `write` deletes, and saves
        for lang, _name in settings.LANGUAGES:
            if lang == original or not content.is_translated(lang):
                self.incomplete(lang, now)
                continue
            changed = before is None or not same(before[lang], texts(content, lang))
            if lang in machine or lang in checked or changed:
                self.make(lang, now, by_machine=lang in machine)
            elif lang not in self.made:
                self.make(lang, was, by_machine=False)
            translation = self.made[lang]
            if translation.is_current != same(translation.made_from, now):
                translation.is_current = not translation.is_current
                self.touched.add(lang)

    def incomplete(self, lang, now):
        """Forget the record of `lang`, the original's own or one that lacks a text,
        unless the original outgrew it: texts it lacks that the original did not have
        when it was made put the translation out of date, not missing."""
        translation, written = self.made.get(lang), texts(self.content, lang)
        lacking = [name for name, text in now.items() if text and not written[name]]
        outgrown = (
            lang != self.content.original_language
            and translation is not None
            and any(written.values())
            and not any(translation.made_from.get(name) for name in lacking)
        )
        if outgrown and translation.is_current:
            translation.is_current = False
            self.touched.add(lang)
        elif not outgrown and self.made.pop(lang, None):
            self.gone.append(lang)

    def make(self, lang, made_from, by_machine):
        translation = self.made.get(lang) or Translation(language=lang)
        translation.made_from, translation.by_machine = made_from, by_machine
        translation.made_at = timezone.now()
        self.made[lang] = translation
        self.touched.add(lang)

    def state(self, lang):
        return state(self.content, lang, self.made)

    def checked_languages(self):
        return [lang for lang, _name in settings.LANGUAGES if self.state(lang) in CHECKED]

    def write(self):
        """Keep what changed of the record, once the content is saved."""
        for lang in self.touched:
            translation = self.made[lang]
            translation.content = self.content
            translation.save()
        if self.gone:
            self.content.translations.filter(language__in=self.gone).delete()


def waiting(queryset, languages):
    """{(state, lang): how many of `queryset` (with `languages`) have their translation
    into each of `languages` in each state of WAITING}, in two queries, as in_state
    chooses them: a language not among the checked `languages` is out of date or to
    check where it has a record, missing where it has none."""
    if not languages:
        return {}
    unchecked = queryset.aggregate(
        **{lang: Count("pk", filter=~Q(languages__contains=lang)) for lang in languages}
    )
    records = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model),
        object_id__in=queryset.values("pk"),
        language__in=languages,
    )
    made = {
        row.pop("language"): row
        for row in records.values("language").annotate(
            **{state: Count("pk", filter=Q(**fields)) for state, fields in UNCHECKED.items()}
        )
    }
    counts = {}
    for lang in languages:
        recorded = made.get(lang, dict.fromkeys(UNCHECKED, 0))
        counts |= {(state, lang): recorded[state] for state in UNCHECKED}
        counts[State.MISSING, lang] = unchecked[lang] - sum(recorded.values())
    return counts


def in_state(queryset, state, lang):
    """The content of `queryset` (with `languages`) whose `lang` is in `state`, one of
    WAITING. Recorded translations have every text or are out of date: a language
    without a record that is not among the checked `languages` is missing."""
    if state == State.MISSING:
        return queryset.exclude(languages__contains=lang).exclude(translations__language=lang)
    fields = {f"translations__{name}": value for name, value in UNCHECKED[state].items()}
    return queryset.filter(translations__language=lang, **fields)
