"""The editors group, with its permissions, exists from the first migrate on."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from practices.editors import ensure_editors_group


def create_editors_group(apps, schema_editor):
    # Permissions are normally made after every migration has run; make them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    ensure_editors_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("practices", "0005_status_changes"),
    ]

    operations = [migrations.RunPython(create_editors_group, migrations.RunPython.noop)]
