"""What the catalogues' admins share (the vocabulary's admin, the missing translations'
column and filter) and the admin of the portal's e-mails."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import mail, tracking
from .models import Email, Page


def in_every_language(*fields):
    """Search fields covering each language's translation of the given fields."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class TaxonAdmin(TabbedTranslationAdmin):
    """An entry of a vocabulary (portal.content.Taxon), its name in every language."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = in_every_language("name")
    prepopulated_fields = {"slug": ["name_en"]}


# The public contact's fields (portal.content.PublicContact), for a fieldset of their own.
CONTACT_FIELDS = ["contact_name", "contact_organisation", "contact_email", "contact_agreed_at"]


class TranslationFilter(admin.SimpleListFilter):
    """Content by what one language still needs: a translation that is missing, out of
    date, or made by a machine and not yet checked (portal.tracking)."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{state.value}:{code}", f"{name}: {state.label}")
            for state in tracking.WAITING
            for code, name in settings.LANGUAGES
        ]

    def queryset(self, request, queryset):
        state, _colon, code = (self.value() or "").partition(":")
        if state in tracking.WAITING and code in dict(settings.LANGUAGES):
            return tracking.in_state(queryset, state, code)
        return queryset


class MissingTranslations:
    """A column, next to TranslationFilter, of the languages a text still lacks."""

    @admin.display(description=_("translations to do"))
    def missing_translations(self, obj):
        complete = obj.languages.split()
        return ", ".join(code for code, _name in settings.LANGUAGES if code not in complete) or "–"


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    """The e-mails the portal sent or is sending: editors see which could not be sent, and
    send them again. Their text is not shown: it may hold a submitter's private link."""

    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    fields = readonly_fields = [
        "subject", "to", "status", "attempts", "created_at", "next_attempt_at",
        "sent_at", "last_error",
    ]  # fmt: skip
    actions = ["send_again"]

    @admin.display(description=_("recipients"))
    def to(self, email):
        return ", ".join(email.recipients)

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send again"), permissions=["change"])
    def send_again(self, request, queryset):
        count = mail.send_again(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail that could not be sent will be sent again.",
                "%(count)d e-mails that could not be sent will be sent again.",
                count,
            )
            % {"count": count},
        )


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    """The portal's own pages: editors change their texts; the pages themselves are
    fixed (one of each kind, each at its own address)."""

    list_display = ["title", "kind", "updated_at"]
    readonly_fields = ["kind", "updated_at"]
    fields = ["kind", "title", "description", "body", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
