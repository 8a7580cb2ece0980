from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from portal.admin import (
    MissingTranslations,
    TaxonAdmin,
    TrackedTranslations,
    TranslationFilter,
    in_every_language,
)

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
