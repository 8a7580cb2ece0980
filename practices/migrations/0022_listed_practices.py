"""The practice list's narrow table (practices.indexing): a row per published practice,
with the search documents that were the practice's own columns. On PostgreSQL the
documents are kept out of the row (a TOAST target of 128 bytes), so that the rows the
list scans stay narrow, and each gets a GIN index; on SQLite the FTS5 index of
migration 0020 moves to this table."""

import importlib

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from practices import indexing

fts = importlib.import_module("practices.migrations.0020_sqlite_full_text_search")
LANGUAGES = fts.LANGUAGES
TABLE = "practices_listedpractice"
POSTGRES = [
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    *(
        f"CREATE INDEX listed_search_{lang}_idx ON {TABLE} USING gin (search_{lang})"
        for lang in LANGUAGES
    ),
]
SQLITE = [
    statement.replace("practices_practice", TABLE)
    .replace("content_rowid='id'", "content_rowid='practice_id'")
    .replace("old.id", "old.practice_id")
    .replace("new.id", "new.practice_id")
    for statement in fts.CREATE
]


def drop_index(apps, schema_editor):
    fts.run(fts.DROP)(apps, schema_editor)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES:
            schema_editor.execute(statement)
    fts.run(SQLITE)(apps, schema_editor)


def relist(apps, schema_editor):
    indexing.relist(apps.get_model("practices", "Practice").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0021_thumbnail_size"),
    ]

    operations = [
        migrations.RunPython(drop_index, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="practice",
            name="search_de",
        ),
        migrations.RemoveField(
            model_name="practice",
            name="search_en",
        ),
        migrations.RemoveField(
            model_name="practice",
            name="search_fr",
        ),
        migrations.RemoveField(
            model_name="practice",
            name="search_nl",
        ),
        migrations.RemoveField(
            model_name="practice",
            name="search_sv",
        ),
        migrations.CreateModel(
            name="ListedPractice",
            fields=[
                (
                    "practice",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="listed",
                        serialize=False,
                        to="practices.practice",
                    ),
                ),
                ("published_at", models.DateTimeField()),
                (
                    "reach",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "one service or a small group of people"),
                            (2, "several services or a large group of people"),
                            (3, "the whole organisation"),
                            (4, "the whole organisation and the wider community"),
                        ]
                    ),
                ),
                (
                    "recurrence",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "a one-off action"),
                            (2, "repeated a few times"),
                            (3, "repeated at regular intervals"),
                            (4, "a permanent part of how the municipality works"),
                        ]
                    ),
                ),
                ("started_in", models.PositiveSmallIntegerField(null=True)),
                ("languages", models.CharField(max_length=14)),
                ("search_nl", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("search_fr", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("search_de", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("search_en", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("search_sv", django.contrib.postgres.search.SearchVectorField(null=True)),
                (
                    "domain",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="practices.domain",
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="practices.municipality",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["-published_at", "-practice"], name="listed_newest_idx")
                ],
            },
        ),
        migrations.RunPython(create_index, migrations.RunPython.noop),
        migrations.RunPython(relist, migrations.RunPython.noop),
    ]
