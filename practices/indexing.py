"""The practice list's narrow table (ListedPractice): a row per published practice with
what the list filters, counts and sorts by, and its search document in each language,
rebuilt from the practice in the same transaction whenever it is saved.

On PostgreSQL `search_<lang>` is a weighted vector built with that language's
text-search configuration plus `unaccent` (see migration 0002): the texts weigh as
Practice.SEARCHED says (the title most, then the summary and the municipality's name,
then the rest of the story). A text missing in a language is indexed from the original,
so untranslated practices are still found. On SQLite the same column holds the same
texts folded to lower case without accents (the `portal_fold` function, search.fold).
Querying them is practices.search's work.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .search import CONFIGS, in_language, uses_postgres

# The listed columns copied from the practice as they are.
COPIED = (
    "published_at", "domain", "municipality", "reach", "recurrence", "started_in", "languages"
)  # fmt: skip


def text(field, lang):
    """A searched text of the practice in `lang` ("municipality": the municipality's name)."""
    if field == "municipality":
        return Coalesce(F(f"municipality__name_{lang}"), Value(""), output_field=TextField())
    return in_language(field, lang)


def vector(searched, lang):
    """The weighted search vector of a practice in `lang`."""
    parts = [
        SearchVector(*(text(field, lang) for field in fields), config=CONFIGS[lang], weight=w)
        for w, fields in searched.items()
    ]
    return sum(parts[1:], parts[0])


def folded_document(searched, lang):
    """All the texts of a practice in `lang`, in lower case without accents (SQLite)."""
    fields = [field for fields in searched.values() for field in fields]
    return Func(*(text(field, lang) for field in fields), function="portal_fold")


def relist(practices):
    """Rebuild the listed rows of these practices from what is stored: delete them, then
    add those of the published ones, search documents and all, in one INSERT … SELECT.
    `practices` may be a queryset of a migration's historical model."""
    from .models import Practice, Status

    listed = practices.model._meta.get_field("listed").related_model
    listed.objects.filter(pk__in=practices.values("pk")).delete()
    published = practices.filter(status=Status.PUBLISHED).order_by()
    if not published.exists():  # a submission, say: no search documents to make (0.1 s)
        return
    document = vector if uses_postgres() else folded_document
    computed = {
        "listed_practice": F("pk"),  # annotations take names no field of Practice has
        **{f"listed_search_{lang}": document(Practice.SEARCHED, lang) for lang in CONFIGS},
    }
    if any(field.name == "listed_at" for field in listed._meta.fields):  # (since 0024)
        computed["listed_listed_at"] = Value(timezone.now())
    rows = published.values(*COPIED, **computed)
    compiler = rows.query.get_compiler(rows.db)
    sql, params = compiler.as_sql()
    connection = connections[rows.db]
    names = [alias.removeprefix("listed_") for _expr, _sql, alias in compiler.select]
    columns = ", ".join(connection.ops.quote_name(listed._meta.get_field(n).column) for n in names)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {listed._meta.db_table} ({columns}) {sql}", params)
