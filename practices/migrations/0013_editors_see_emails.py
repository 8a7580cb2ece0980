"""Editors see the portal's e-mails and send again those that could not be sent."""

from django.db import migrations

from practices.editors import refresh_editors_group


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("practices", "0012_submission_edit_key"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
