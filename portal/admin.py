"""The admin site, with a brake on guessing passwords: after ADMIN_LOGIN_ATTEMPTS failed
logins from one address or for one account within ADMIN_LOGIN_WINDOW seconds, further
attempts are refused (429) until the window has passed."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render

from . import limits


class PortalAdminSite(admin.AdminSite):
    def login(self, request, extra_context=None):
        if request.method != "POST":
            return super().login(request, extra_context)
        username = request.POST.get("username", "").strip().casefold()
        keys = [limits.key("admin-address", limits.address(request))]
        if username:
            keys.append(limits.key("admin-account", username))
        if limits.reached(keys, settings.ADMIN_LOGIN_ATTEMPTS):
            minutes = settings.ADMIN_LOGIN_WINDOW // 60
            context = {**self.each_context(request), "window_minutes": minutes}
            return render(request, "admin/login_limited.html", context, status=429)
        response = super().login(request, extra_context)
        if not request.user.is_authenticated:
            limits.count(keys, settings.ADMIN_LOGIN_WINDOW)
        return response
