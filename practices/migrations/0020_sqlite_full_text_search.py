"""On SQLite, an FTS5 index of the practices' search documents (practices.search),
kept current by triggers whenever a search document changes. Nothing on PostgreSQL, and
nothing where SQLite was built without FTS5 (searches then match substrings)."""

from django.db import migrations

LANGUAGES = ["nl", "fr", "de", "en", "sv"]
COLUMNS = ", ".join(f"search_{lang}" for lang in LANGUAGES)
NEW = ", ".join(f"new.search_{lang}" for lang in LANGUAGES)
OLD = ", ".join(f"old.search_{lang}" for lang in LANGUAGES)
DELETE_OLD = (
    f"INSERT INTO practices_fts(practices_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});"
)
INSERT_NEW = f"INSERT INTO practices_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW});"
CREATE = [
    f"CREATE VIRTUAL TABLE practices_fts USING fts5({COLUMNS}, content='practices_practice', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER practices_fts_insert AFTER INSERT ON practices_practice BEGIN {INSERT_NEW} END",
    f"CREATE TRIGGER practices_fts_delete AFTER DELETE ON practices_practice BEGIN {DELETE_OLD} END",
    f"CREATE TRIGGER practices_fts_update AFTER UPDATE OF {COLUMNS} ON practices_practice "
    f"BEGIN {DELETE_OLD} {INSERT_NEW} END",
    "INSERT INTO practices_fts(practices_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS practices_fts_insert",
    "DROP TRIGGER IF EXISTS practices_fts_delete",
    "DROP TRIGGER IF EXISTS practices_fts_update",
    "DROP TABLE IF EXISTS practices_fts",
]


def has_fts5(connection):
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def run(statements):
    def migrate(apps, schema_editor):
        if has_fts5(schema_editor.connection):
            for statement in statements:
                schema_editor.execute(statement)

    return migrate


class Migration(migrations.Migration):
    dependencies = [("practices", "0019_documents_of_drafts")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
