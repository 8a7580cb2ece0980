"""Editors change the portal's own pages (about, contact, privacy, accessibility)."""

from django.db import migrations

from practices.editors import refresh_editors_group


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_page_texts"),
        ("practices", "0024_listed_at"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
