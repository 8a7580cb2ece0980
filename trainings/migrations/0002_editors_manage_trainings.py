"""Editors manage training programmes too (see practices.editors)."""

from django.db import migrations

from practices.editors import refresh_editors_group


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_submissions"),
        ("trainings", "0001_initial"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
