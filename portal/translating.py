"""Translating in admin: each language's state on a text's change form, the list's
filter and column of translations waiting, the side-by-side view (portal.side_by_side),
and what translators may do: change the texts of their own languages (their
TranslatorProfile), in published or submitted content, and nothing else."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join, json_script
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname

from practices.editors import TRANSLATORS

from . import machine, side_by_side, tracking

MODERATE = "practices.moderate_practice"  # what makes an editor


def translator_languages(user):
    """The languages a translator (a member of the translators group, or a user with a
    TranslatorProfile, who does not moderate) writes content in: those of their profile,
    none without one. None for everyone else, whom their permissions alone limit.
    (Editors moderate: their permissions are read once a request anyway.)"""
    if not hasattr(user, "translates_into"):
        user.translates_into = None
        if not user.has_perm(MODERATE):
            profile = getattr(user, "translator", None)
            if profile is not None or user.groups.filter(name=TRANSLATORS).exists():
                user.translates_into = list(profile.languages) if profile else []
    return user.translates_into


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


class CheckedTranslationsForm(side_by_side.SeenOriginal, forms.ModelForm):
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

    languages = None  # a translator's (translator_languages): set by TrackedTranslations

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.see(self.instance)
        states = self.instance.translation_states() if self.instance.pk else {}
        field = self.fields["checked"]
        field.choices = [
            (code, f"{name} ({states[code].label})")
            for code, name in settings.LANGUAGES
            if states.get(code) in (tracking.State.OUT_OF_DATE, tracking.State.MACHINE)
            and self.instance.is_translated(code)  # else writing the text it lacks does it
            and (self.languages is None or code in self.languages)
        ]
        if not field.choices:
            field.widget = forms.MultipleHiddenInput()


class TrackedTranslations:
    """The languages of a translated text on its change form: what each is (original,
    translated, machine-translated, out of date or missing), tabs that open on its
    original language and say so (js/admin_translations.js), and the translations a
    person confirms still right.

    A translator sees the content of TRANSLATABLE only, changes the texts of their
    languages only, and none of PRIVATE, the inlines or the actions."""

    form = CheckedTranslationsForm
    LANGUAGE_FIELDS = ["translation_states", "checked", "original_seen"]
    TRANSLATABLE = Q()  # the content translators work on
    PRIVATE = ["contact_email"]  # what translators do not see

    class Media:  # after modeltranslation's tabs, which it names
        js = ["modeltranslation/js/tabbed_translation_fields.js", "js/admin_translations.js"]

    @admin.display(description=_("languages"))
    def translation_states(self, obj):
        states = obj.translation_states()
        shown = [
            format_html(
                '{}: {} (<a href="{}">{}</a>)', name, states[code].label,
                self.translate_url(obj, code), _("side by side"),
            )
            if code != obj.original_language and code in getattr(obj, "writable", [code])
            else format_html("{}: {}", name, states[code].label)
            for code, name in settings.LANGUAGES
        ]  # fmt: skip
        labels = {code: str(state.label) for code, state in states.items()}
        data = {
            "original": obj.original_language,
            "states": states,
            "labels": labels,
            "switch": str(_("Language of the texts shown")),
        }
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
        content = get_object_or_404(self.get_queryset(request), pk=pk)  # a translator's
        if not self.has_change_permission(request, content):
            raise PermissionDenied
        if lang not in dict(settings.LANGUAGES) or lang == content.original_language:
            raise Http404
        languages = translator_languages(request.user)
        if languages is not None and lang not in languages:
            raise PermissionDenied
        form = side_by_side.form_class(content, lang)(
            request.POST or None, initial=tracking.texts(content, lang), content=content
        )
        name = dict(settings.LANGUAGES)[lang]
        if request.method == "POST" and form.is_valid():
            for field in form.fields.keys() - {*side_by_side.EXTRA}:
                setattr(content, build_localized_fieldname(field, lang), form.cleaned_data[field])
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
            "rows": side_by_side.side_by_side(content, lang, form),
            "form": form,
        }
        return TemplateResponse(request, "admin/translate.html", context)

    def get_queryset(self, request):
        content = super().get_queryset(request)
        if translator_languages(request.user) is None:
            return content
        return content.filter(self.TRANSLATABLE)

    def get_object(self, request, object_id, from_field=None):
        """The text, with the languages a translator may write (`writable`): the
        languages list links those alone to their side-by-side view."""
        content = super().get_object(request, object_id, from_field)
        languages = translator_languages(request.user)
        if content is not None and languages is not None:
            content.writable = languages
        return content

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.languages = translator_languages(request.user)
        return form

    def get_readonly_fields(self, request, obj=None):
        fixed = [*super().get_readonly_fields(request, obj), "translation_states"]
        languages = translator_languages(request.user)
        if languages is None:
            return fixed
        written = {
            build_localized_fieldname(name, lang)
            for name in tracking.fields(self.model)
            for lang in languages
        }
        every = [
            field.name
            for field in self.model._meta.get_fields()
            if (field.concrete or field.many_to_many) and field.editable and not field.primary_key
        ]
        kept = written | set(fixed) | set(tracking.fields(self.model))  # (modeltranslation
        # reads a translated field's own name as all of its languages)
        return [*fixed, *(name for name in every if name not in kept)]

    def get_inlines(self, request, obj):
        return (
            []
            if translator_languages(request.user) is not None
            else super().get_inlines(request, obj)
        )

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        """The admin's actions (none for a translator), and machine translation where
        it is configured."""
        actions = {}
        if translator_languages(request.user) is None:
            actions = super().get_actions(request, action_location=action_location)
        offered = machine.configured() and self.has_change_permission(request)
        if offered and (action := self.get_action("fill_by_machine", action_location)):
            actions[action.name] = action
        return actions

    @admin.action(
        description=_("Fill the missing languages by machine"),
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def fill_by_machine(self, request, queryset):
        """Queue the machine translation of the missing languages (a translator's own)
        of the texts chosen (portal.machine)."""
        every = [code for code, _name in settings.LANGUAGES]
        languages = translator_languages(request.user)
        asked = machine.ask(queryset, every if languages is None else languages)
        self.message_user(
            request,
            ngettext(
                "Machine translation asked for %(count)d text: its missing languages will "
                "be filled in a few moments, marked as to be checked.",
                "Machine translation asked for %(count)d texts: their missing languages "
                "will be filled in a few moments, marked as to be checked.",
                asked,
            )
            % {"count": asked},
        )

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
        if translator_languages(request.user) is not None:
            rest = [
                (
                    name,
                    {**options, "fields": [f for f in options["fields"] if f not in self.PRIVATE]},
                )
                for name, options in rest
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
