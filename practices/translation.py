"""Which practice fields editors translate into each of the portal's languages (see
portal.translation)."""

from modeltranslation.translator import TranslationOptions, register

from portal.translation import VocabularyOptions

from .models import Domain, Municipality, Partner, Practice, Recommendation, TargetGroup, Theme


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
    fields = Practice.TEXTS


@register(Recommendation)
class RecommendationOptions(TranslationOptions):
    fields = ("title", "summary", "actions")
