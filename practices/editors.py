"""The editors group: staff who moderate and translate the catalogue."""

from django.contrib.auth.models import Group, Permission

EDITORS = "editors"


def ensure_editors_group(group_model=Group, permission_model=Permission):
    """The editors group, allowed to view, add and change everything in the catalogue,
    except the moderation record, which they only read (practices.moderation writes it).
    The models are parameters so that a data migration can pass its historical ones."""
    group, _created = group_model.objects.get_or_create(name=EDITORS)
    group.permissions.set(
        permission_model.objects.filter(
            content_type__app_label="practices", codename__regex=r"^(view|add|change)_"
        ).exclude(codename__in=["add_statuschange", "change_statuschange"])
    )
    return group
