"""What the portal's translated vocabularies share (each app registers its own models).

There is no silent fallback to another language (MODELTRANSLATION_ENABLE_FALLBACKS
is off): names are required in every language, and written content shows its original
text, marked with its language (portal.content.Translatable.localized).
"""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Page

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
PAGE_TEXTS = ("title", "description", "body")


class VocabularyOptions(TranslationOptions):
    """Names of the vocabulary are short and required in every language."""

    fields = ("name",)
    required_languages = {code: ("name",) for code in LANGUAGE_CODES}


@register(Page)
class PageOptions(TranslationOptions):
    """The portal's own pages are whole in every language."""

    fields = PAGE_TEXTS
    required_languages = {code: PAGE_TEXTS for code in LANGUAGE_CODES}
