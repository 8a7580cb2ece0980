"""The admin site, with a brake on guessing passwords: after ADMIN_LOGIN_ATTEMPTS failed
logins from one address, or for one account from one address, within ADMIN_LOGIN_WINDOW
seconds, further attempts from there are refused (429) until the window has passed. An
account is never locked from everywhere: nobody can lock an editor out. And what the
catalogues' admins share: the vocabulary's admin, the missing translations' column and
filter."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from . import limits


class PortalAdminSite(admin.AdminSite):
    def login(self, request, extra_context=None):
        if request.method != "POST":
            return super().login(request, extra_context)
        username = request.POST.get("username", "").strip().casefold()
        address = limits.address(request)
        keys = [limits.key("admin-address", address)]
        if username:
            keys.append(limits.key("admin-account", f"{username} {address}"))
        if not limits.take(keys, settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW):
            minutes = settings.ADMIN_LOGIN_WINDOW // 60
            context = {**self.each_context(request), "window_minutes": minutes}
            return render(request, "admin/login_limited.html", context, status=429)
        response = super().login(request, extra_context)
        if request.user.is_authenticated:
            limits.give_back(keys)
        return response


def in_every_language(*fields):
    """Search fields covering each language's translation of the given fields."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class TaxonAdmin(TabbedTranslationAdmin):
    """An entry of a vocabulary (portal.content.Taxon), its name in every language."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = in_every_language("name")
    prepopulated_fields = {"slug": ["name_en"]}


class MissingTranslationFilter(admin.SimpleListFilter):
    """Content not complete in a language: the translations editors still owe."""

    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            return queryset.exclude(languages__contains=self.value())
        return queryset


class MissingTranslations:
    """A column, next to MissingTranslationFilter, of the languages a text still lacks."""

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        complete = obj.languages.split()
        return ", ".join(code for code, _name in settings.LANGUAGES if code not in complete) or "–"
