"""The editors group: staff who moderate and translate the catalogue."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS = "editors"
CATALOGUE_APPS = ["practices", "trainings"]


def ensure_editors_group(group_model=Group, permission_model=Permission):
    """The editors group, allowed to view, add and change everything in the catalogue,
    except the moderation record, which they only read (practices.moderation writes it),
    to see the portal's e-mails and send again those that could not be sent, and to
    change the portal's own pages.
    The models are parameters so that a data migration can pass its historical ones."""
    group, _created = group_model.objects.get_or_create(name=EDITORS)
    catalogue = Q(
        content_type__app_label__in=CATALOGUE_APPS, codename__regex=r"^(view|add|change)_"
    ) & ~Q(codename__in=["add_statuschange", "change_statuschange"])
    portal = ["view_email", "change_email", "view_page", "change_page"]
    emails_and_pages = Q(content_type__app_label="portal", codename__in=portal)
    group.permissions.set(permission_model.objects.filter(catalogue | emails_and_pages))
    return group


def refresh_editors_group(apps, schema_editor):
    """A data migration's step: the editors group with the permissions of every model
    migrated so far (Django makes permissions only after all migrations ran)."""
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    ensure_editors_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
