"""Moderating is a permission of its own, which editors have; translators, a group of
their own, change texts without it."""

from django.db import migrations

from practices.editors import refresh_editors_group


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_translatorprofile"),
        ("practices", "0025_editors_change_pages"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="practice",
            options={
                "ordering": ["-published_at", "-pk"],
                "permissions": [
                    ("moderate_practice", "Can publish, reject and archive practices")
                ],
                "verbose_name": "practice",
                "verbose_name_plural": "practices",
            },
        ),
        migrations.RunPython(refresh_editors_group, migrations.RunPython.noop),
    ]
