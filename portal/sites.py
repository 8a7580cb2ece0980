"""The admin site: the portal's own, with the editors' desk on its front page
(portal.desk), and a brake on guessing passwords: after ADMIN_LOGIN_ATTEMPTS failed
logins from one address, or for one account from one address, within ADMIN_LOGIN_WINDOW
seconds, further attempts from there are refused (429) until the window has passed. An
account is never locked from everywhere: nobody can lock an editor out."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import desk, limits
from .translating import translator_languages


class PortalAdminSite(admin.AdminSite):
    site_header = _("Inclusive municipality: editors' desk")
    site_title = _("Inclusive municipality")
    index_title = _("Editors' desk")

    def index(self, request, extra_context=None):
        """The desk first (portal.desk), then the models."""
        waiting = desk.items(translator_languages(request.user))
        context = {
            "desk": [item for item in waiting if not item.language],
            "translations": [item for item in waiting if item.language],
            **(extra_context or {}),
        }
        return super().index(request, context)

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
