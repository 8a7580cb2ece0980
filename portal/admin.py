"""What the catalogues' admins share (the vocabulary's admin, the missing translations'
column and filter) and the admin of the portal's e-mails."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join, json_script
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import mail, tracking, translating
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


class CheckedTranslationsForm(forms.ModelForm):
    """A translated text's form, with the languages a person confirms still right after
    its original changed, or checked after a machine translated them."""

    checked = forms.MultipleChoiceField(
        label=_("Translations still right"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick each language whose translation says what the original says now: it "
            "counts as checked again."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        states = self.instance.translation_states() if self.instance.pk else {}
        field = self.fields["checked"]
        field.choices = [
            (code, f"{name} ({states[code].label})")
            for code, name in settings.LANGUAGES
            if states.get(code) in (tracking.State.OUT_OF_DATE, tracking.State.MACHINE)
        ]
        if not field.choices:
            field.widget = forms.MultipleHiddenInput()


class TrackedTranslations:
    """The languages of a translated text on its change form: what each is (original,
    translated, machine-translated, out of date or missing), tabs that open on its
    original language and say so (js/admin_translations.js), and the translations a
    person confirms still right."""

    form = CheckedTranslationsForm
    LANGUAGE_FIELDS = ["translation_states", "checked"]

    class Media:
        js = ["js/admin_translations.js"]

    @admin.display(description=_("languages"))
    def translation_states(self, obj):
        states = obj.translation_states()
        shown = [
            format_html(
                '{}: {} (<a href="{}">{}</a>)', name, states[code].label,
                self.translate_url(obj, code), _("side by side"),
            )
            if code != obj.original_language
            else format_html("{}: {}", name, states[code].label)
            for code, name in settings.LANGUAGES
        ]  # fmt: skip
        labels = {code: str(state.label) for code, state in states.items()}
        data = {"original": obj.original_language, "states": states, "labels": labels}
        return format_html(
            '<ul class="translation-states">{}</ul>{}',
            format_html_join("", "<li>{}</li>", ((line,) for line in shown)),
            json_script(data, "translation-states"),
        )

    def translate_url(self, obj, lang):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_translate", args=[obj.pk, lang])

    def get_urls(self):
        meta = self.model._meta
        translate = path(
            "<int:pk>/translate/<str:lang>/",
            self.admin_site.admin_view(self.translate),
            name=f"{meta.app_label}_{meta.model_name}_translate",
        )
        return [translate, *super().get_urls()]

    def translate(self, request, pk, lang):
        """The side-by-side view of one language of a text (portal.translating): saving
        it makes that language translated from the original as it is now."""
        content = get_object_or_404(self.model, pk=pk)
        if not self.has_change_permission(request, content):
            raise PermissionDenied
        if lang not in dict(settings.LANGUAGES) or lang == content.original_language:
            raise Http404
        form = translating.form_class(content, lang)(
            request.POST or None, initial=tracking.texts(content, lang)
        )
        name = dict(settings.LANGUAGES)[lang]
        if request.method == "POST" and form.is_valid():
            for field in form.fields.keys() - {"still_right"}:
                setattr(content, f"{field}_{lang}", form.cleaned_data[field])
            content.save(checked=[lang] if form.cleaned_data["still_right"] else [])
            self.message_user(
                request, _("The translation into %(language)s was saved.") % {"language": name}
            )
            return redirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": _("%(text)s in %(language)s, beside the original")
            % {"text": content, "language": name},
            "opts": self.model._meta,
            "original": content,
            "language": lang,
            "original_language": content.original_language,
            "state": content.state_in(lang),
            "rows": translating.side_by_side(content, lang, form),
            "form": form,
        }
        return TemplateResponse(request, "admin/translate.html", context)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translation_states"]

    def get_fieldsets(self, request, obj=None):
        """Those of the admin, with the languages first (once the text exists)."""
        rest = [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in self.LANGUAGE_FIELDS],
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [(_("Languages"), {"fields": self.LANGUAGE_FIELDS}), *rest] if obj else rest

    def save_model(self, request, obj, form, change):
        obj.save(checked=form.cleaned_data.get("checked") or [])


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
