"""The editors group, with its permissions, exists from the first migrate on."""

from django.db import migrations

from practices.editors import refresh_editors_group


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("practices", "0005_status_changes"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
