"""What the catalogues' admins share (the vocabulary's admin, the public contact's
fields) and the admin of the portal's e-mails and own pages; translating is in
portal.translating."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import mail
from .models import Email, Page, TranslatorProfile


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


class TranslatorProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("translates into"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = TranslatorProfile
        fields = ["user", "languages"]


@admin.register(TranslatorProfile)
class TranslatorProfileAdmin(admin.ModelAdmin):
    """Which languages each translator writes in (put them in the translators group
    too): they change those languages' texts and nothing else."""

    form = TranslatorProfileForm
    list_display = ["user", "languages"]
    raw_id_fields = ["user"]
