"""The stored search documents of practices, one a language, kept current on save.

On PostgreSQL `search_<lang>` is a weighted vector built with that language's
text-search configuration plus `unaccent` (see migration 0002): the texts weigh as
Practice.SEARCHED says (the title most, then the summary and the municipality's name,
then the rest of the story). A text missing in a language is indexed from the original,
so untranslated practices are still found. On SQLite the same column holds the same
texts folded to lower case without accents (the `portal_fold` function, search.fold).
Querying them is practices.search's work.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from .search import CONFIGS, in_language, uses_postgres


def vector(model, lang, text):
    """The weighted search vector of a practice in `lang`; `text(field, lang)` gives
    each text (the "municipality" field being the municipality's name)."""
    parts = [
        SearchVector(*(text(field, lang) for field in fields), config=CONFIGS[lang], weight=w)
        for w, fields in model.SEARCHED.items()
    ]
    return sum(parts[1:], parts[0])


def folded_document(model, lang, text):
    """All the texts of a practice in `lang`, in lower case without accents (SQLite)."""
    fields = [field for fields in model.SEARCHED.values() for field in fields]
    return Func(*(text(field, lang) for field in fields), function="portal_fold")


def search_document(model, lang, text):
    """What `search_<lang>` holds: a weighted vector on PostgreSQL, folded text on SQLite."""
    return (vector if uses_postgres() else folded_document)(model, lang, text)


def update_vectors(queryset):
    """Rebuild the stored search documents of these practices in one UPDATE."""
    model = queryset.model
    municipalities = model._meta.get_field("municipality").related_model

    def column_text(field, lang):
        if field == "municipality":
            names = municipalities.objects.filter(pk=OuterRef("municipality_id"))
            name = Subquery(names.values(f"name_{lang}"))
            return Coalesce(name, Value(""), output_field=TextField())
        return in_language(field, lang)

    queryset.update(
        **{f"search_{lang}": search_document(model, lang, column_text) for lang in CONFIGS}
    )


def update_practice_vectors(practice):
    """Rebuild one practice's search documents from its texts in memory: cheaper to build
    than `update_vectors`, whose SQL finds each text in the row, and the same result."""

    def text(field, lang):
        if field == "municipality":
            return Value(getattr(practice.municipality, f"name_{lang}", ""))
        return Value(practice.text_in(field, lang) or practice.text_in(field, practice.language))

    model = type(practice)
    documents = {f"search_{lang}": search_document(model, lang, text) for lang in CONFIGS}
    model.objects.filter(pk=practice.pk).update(**documents)
