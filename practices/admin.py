from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import (
    Domain,
    Municipality,
    Partner,
    Practice,
    Recommendation,
    StatusChange,
    TargetGroup,
    Theme,
)


def in_every_language(*fields):
    """Search fields covering each language's translation of the given fields."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class TaxonAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = in_every_language("name")
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Domain)
class DomainAdmin(TaxonAdmin):
    pass


@admin.register(Theme)
class ThemeAdmin(TaxonAdmin):
    pass


@admin.register(TargetGroup)
class TargetGroupAdmin(TaxonAdmin):
    pass


@admin.register(Partner)
class PartnerAdmin(TaxonAdmin):
    list_display = ["name", "slug", "website"]
    list_editable = []


@admin.register(Municipality)
class MunicipalityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "country", "region", "population"]
    list_filter = ["country"]
    search_fields = in_every_language("name", "region")
    prepopulated_fields = {"slug": ["name_en"]}


class StatusChangeInline(admin.TabularInline):
    """The practice's moderation record, newest first: read only."""

    model = StatusChange
    fields = readonly_fields = ["at", "by", "from_status", "to_status", "note"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Practice)
class PracticeAdmin(TabbedTranslationAdmin):
    inlines = [StatusChangeInline]
    list_display = ["__str__", "municipality", "domain", "status", "language", "published_at"]
    list_filter = ["status", "domain", "municipality", "language"]
    list_select_related = ["municipality", "domain"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
    autocomplete_fields = ["municipality", "themes", "target_groups", "partners", "similar"]
    date_hierarchy = "published_at"
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (_("Practice"), {"fields": ["title", "slug", "language", "summary"]}),
        (_("Story"), {"fields": ["what", "who", "why", "description"]}),
        (
            _("Classification"),
            {"fields": ["municipality", "domain", "themes", "target_groups", "partners"]},
        ),
        (
            _("Scale and ratings"),
            {"fields": ["period", "started_in", "effort", "people_reached", "reach", "recurrence"]},
        ),
        (_("Lessons and links"), {"fields": ["results", "difficulties", "links", "similar"]}),
        (_("Moderation"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]


@admin.register(Recommendation)
class RecommendationAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "domain", "language", "position"]
    list_filter = ["domain", "language"]
    list_select_related = ["domain"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
