"""The groups of staff: editors, who moderate and translate the catalogue, and
translators, who translate it into their languages (portal.models.TranslatorProfile)."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS, TRANSLATORS = "editors", "translators"
CATALOGUE_APPS = ["practices", "trainings"]
# What translators change (only their languages' fields: portal.translating.TrackedTranslations).
TRANSLATED = ["practice", "recommendation", "trainingprogramme"]


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
    moderate = Q(content_type__app_label="practices", codename="moderate_practice")
    group.permissions.set(permission_model.objects.filter(catalogue | emails_and_pages | moderate))
    return group


def ensure_translators_group(group_model=Group, permission_model=Permission):
    """The translators group, allowed to view and change the texts of practices,
    recommendations and training programmes, not to add, delete or moderate them."""
    group, _created = group_model.objects.get_or_create(name=TRANSLATORS)
    codenames = [f"{action}_{model}" for model in TRANSLATED for action in ("view", "change")]
    texts = Q(content_type__app_label__in=CATALOGUE_APPS, codename__in=codenames)
    group.permissions.set(permission_model.objects.filter(texts))
    return group


def refresh_editors_group(apps, schema_editor):
    """A data migration's step: the editors and translators groups with the permissions
    of every model migrated so far (Django makes permissions only after all migrations
    ran)."""
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    models = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    ensure_editors_group(*models)
    ensure_translators_group(*models)
