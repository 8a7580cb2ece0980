"""The abstract content both catalogues are made of: texts written in one language and
translated into the others, and the named entries of their vocabulary.

Saving content a reader sees makes cached pages and counts afresh (portal.version)."""

import itertools
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import DEFERRED
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import tracking, version
from .models import Translation


@dataclass(frozen=True)
class Localized:
    """A text in the reader's language, or in the original one when it is missing."""

    text: str
    lang: str
    is_fallback: bool


class Translatable:
    """Texts in each language (modeltranslation's `<field>_<lang>`) and an
    `original_language` they were written in."""

    def text_in(self, field, lang):
        return getattr(self, build_localized_fieldname(field, lang)) or ""

    def localized(self, field):
        lang = get_language()
        if text := self.text_in(field, lang):
            return Localized(text, lang, False)
        original = self.original_language
        return Localized(self.text_in(field, original), original, True)


class WrittenContent(Translatable, models.Model):
    """Content written in one language and translated into the others by editors, each
    translation recorded as it is made (portal.tracking)."""

    language = models.CharField(
        _("original language"), max_length=2, choices=settings.LANGUAGES, default="nl"
    )
    translations = GenericRelation(Translation)

    class Meta:
        abstract = True

    def save(self, *args, machine=(), checked=(), **kwargs):
        """Save, and record its translations (portal.tracking.Record): `machine`, the
        languages a machine just filled; `checked`, those a person confirmed."""
        self.record = tracking.Record(self, machine, checked)
        self.recorded()
        super().save(*args, **kwargs)
        self.record.write()

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        """As Django's, with the place of each loaded column among the model's columns
        worked out once per set of columns: content with its texts in five languages
        has a hundred columns or more, a list's cards load some twenty, and checking
        each column against those loaded took 40 µs a practice."""
        if len(values) != len(cls._meta.concrete_fields):
            values = loaded_layout(cls, tuple(field_names))((*values, DEFERRED))
        return super().from_db(db, field_names, values, **kwargs)

    @property
    def original_language(self):
        return self.language

    def recorded(self):
        """What the content keeps of its record, before it is saved."""

    def state_in(self, lang):
        """The portal.tracking.State of `lang`: its records read only where it has a
        text in that language."""
        if lang == self.original_language:
            return tracking.State.ORIGINAL
        if not any(tracking.texts(self, lang).values()):
            return tracking.State.MISSING
        return self.translation_states()[lang]

    def translation_states(self):
        """{lang: portal.tracking.State} of every language."""
        made = {t.language: t for t in self.translations.all()} if self.pk else {}
        return {lang: tracking.state(self, lang, made) for lang, _name in settings.LANGUAGES}

    def is_translated(self, lang=None):
        """Whether every text written in the original language exists in `lang`
        (the reader's language by default)."""
        lang = lang or get_language()
        return all(
            self.text_in(field, lang) or not self.text_in(field, self.language)
            for field in translator.get_options_for_model(type(self)).fields
        )

    def available_languages(self):
        """The languages a reader reads it all in: its original, and each translation a
        person checked against the original as it is now."""
        states = self.translation_states().items()
        return [lang for lang, state in states if state in tracking.CHECKED]

    def is_complete_in(self, lang=None):
        """Whether a reader of `lang` (the reader's language by default) reads it all in
        that language: what its card says."""
        return self.is_translated(lang)

    def clean(self):
        super().clean()
        errors = {
            build_localized_fieldname(field, self.language): _(
                "Write this in the original language."
            )
            for field in ("title", "summary")
            if not self.text_in(field, self.language)
        }
        if errors:
            raise ValidationError(errors)


# "Written in <language>", as a list of files says it of each document.
IN_LANGUAGE = {
    "nl": _("in Dutch"),
    "fr": _("in French"),
    "de": _("in German"),
    "en": _("in English"),
    "sv": _("in Swedish"),
}


@lru_cache(maxsize=256)
def loaded_layout(model, field_names):
    """What picks a row's values of `field_names` in the order of `model`'s concrete
    fields, from the values followed by DEFERRED (for the fields not loaded)."""
    place = {name: index for index, name in enumerate(field_names)}
    fields = model._meta.concrete_fields
    return itemgetter(*(place.get(field.attname, len(field_names)) for field in fields))


class PublicContact(models.Model):
    """Someone readers may write to about the content, through the portal (portal.relay):
    shown by name or role and organisation, never by address, and only once they agreed,
    on the date recorded."""

    contact_name = models.CharField(
        _("contact: name or role"), max_length=200, blank=True, help_text=_("Shown to readers.")
    )
    contact_organisation = models.CharField(
        _("contact: service or organisation"), max_length=200, blank=True
    )
    contact_email = models.EmailField(
        _("contact: e-mail address"),
        blank=True,
        help_text=_("Never shown: readers write through the portal."),
    )
    contact_agreed_at = models.DateTimeField(
        _("contact agreed to be shown on"), null=True, blank=True
    )

    class Meta:
        abstract = True

    def has_contact(self):
        return bool(self.contact_name and self.contact_email and self.contact_agreed_at)

    def forget_contact(self):
        self.contact_name = self.contact_organisation = self.contact_email = ""
        self.contact_agreed_at = None


class ContentQuerySet(models.QuerySet):
    def available_in(self, lang):
        return self.filter(languages__contains=lang)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def refresh_languages(self):
        """Recompute `languages` for rows written without save() (loaddata, bulk_create)."""
        every = self.prefetch_related("translations").iterator(chunk_size=500)
        for batch in itertools.batched(every, 500):
            for item in batch:
                item.languages = " ".join(item.available_languages())
            self.model.objects.bulk_update(batch, ["languages"])


class TranslatedContent(WrittenContent):
    """Written content that records, on save, when it changed and the languages it is
    complete in: the "available in your language" filter and the editors' missing
    translations."""

    languages = models.CharField(
        _("available in"),
        max_length=14,
        blank=True,
        editable=False,
        help_text=_("The languages it is complete in, kept current on save."),
    )
    # Set by save(), not auto_now: a restore (loaddata) keeps the times it was given.
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "languages", "updated_at"}
        super().save(*args, **kwargs)
        if self.changes_public_pages():
            version.changed()  # cached pages and counts are made afresh

    def recorded(self):
        self.languages = " ".join(self.record.checked_languages())

    def state_in(self, lang):
        """As `languages` recorded it where it is checked: the records are read only for
        a language that is not."""
        if lang in self.languages.split() and lang != self.language:
            return tracking.State.TRANSLATED
        return super().state_in(lang)

    def changes_public_pages(self):
        """Whether saving it now changes what readers see."""
        return True

    def is_complete_in(self, lang=None):
        """As `languages` recorded it on save: a card need not read every text."""
        return (lang or get_language()) in self.languages.split()

    def delete(self, *args, **kwargs):
        version.changed()
        return super().delete(*args, **kwargs)


class Taxon(models.Model):
    """A named, ordered entry of the catalogue's vocabulary."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        version.changed()  # its name shows in cached pages and counts
