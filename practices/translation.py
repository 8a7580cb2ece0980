"""Which fields editors translate into each of the portal's languages.

There is no silent fallback to another language (MODELTRANSLATION_ENABLE_FALLBACKS
is off): names are required in every language, and practices and recommendations
show their original text, marked with its language (WrittenContent.localized).
"""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Domain, Municipality, Partner, Practice, Recommendation, TargetGroup, Theme

ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]


class VocabularyOptions(TranslationOptions):
    """Names of the vocabulary are short and required in every language."""

    fields = ("name",)
    required_languages = {code: ("name",) for code in ALL_LANGUAGES}


@register(Theme)
class ThemeOptions(VocabularyOptions):
    pass


@register(TargetGroup)
class TargetGroupOptions(VocabularyOptions):
    pass


@register(Partner)
class PartnerOptions(VocabularyOptions):
    pass


@register(Domain)
class DomainOptions(VocabularyOptions):
    fields = ("name", "description")


@register(Municipality)
class MunicipalityOptions(VocabularyOptions):
    fields = ("name", "region", "vision")


@register(Practice)
class PracticeOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "what",
        "who",
        "why",
        "description",
        "goal",
        "involvement",
        "period",
        "effort",
        "people_reached",
        "results",
        "difficulties",
    )


@register(Recommendation)
class RecommendationOptions(TranslationOptions):
    fields = ("title", "summary", "actions")
