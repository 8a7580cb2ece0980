"""The editors group: staff who moderate and translate the catalogue."""

from django.contrib.auth.models import Group, Permission

EDITORS = "editors"


def ensure_editors_group():
    """The editors group, allowed to view, add and change everything in the catalogue."""
    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="practices",
            codename__regex=r"^(view|add|change)_",
        )
    )
    return group
