from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the portal's site (portal.admin: a brake on password guessing)."""

    default = False
    default_site = "portal.sites.PortalAdminSite"
