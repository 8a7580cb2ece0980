from django.contrib import admin
from django.db.models import Q
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from portal.admin import (
    TaxonAdmin,
    in_every_language,
)
from portal.translating import MissingTranslations, TrackedTranslations, TranslationFilter

from .models import Format, TrainingModule, TrainingProgramme


@admin.register(Format)
class FormatAdmin(TaxonAdmin):
    pass


class TrainingModuleInline(TranslationStackedInline):
    model = TrainingModule
    fields = ["position", "title", "theme", "hours", "methods", "description"]
    extra = 0


@admin.register(TrainingProgramme)
class TrainingProgrammeAdmin(MissingTranslations, TrackedTranslations, TabbedTranslationAdmin):
    inlines = [TrainingModuleInline]
    list_display = [
        "__str__",
        "municipality",
        "language",
        "missing_translations",
        "is_published",
        "published_at",
    ]
    list_filter = ["is_published", TranslationFilter, "municipality", "formats", "language"]
    list_select_related = ["municipality"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
    autocomplete_fields = ["municipality", "providers", "audience", "themes", "practices"]
    filter_horizontal = ["formats"]
    readonly_fields = ["updated_at"]
    TRANSLATABLE = Q(is_published=True)
