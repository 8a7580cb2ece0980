"""Which training fields editors translate (see portal/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from portal.translation import VocabularyOptions

from .models import Format, TrainingModule, TrainingProgramme


@register(Format)
class FormatOptions(VocabularyOptions):
    pass


@register(TrainingProgramme)
class TrainingProgrammeOptions(TranslationOptions):
    fields = ("title", "summary", "period", "evaluation", "difficulties")


@register(TrainingModule)
class TrainingModuleOptions(TranslationOptions):
    fields = ("title", "methods", "description")
