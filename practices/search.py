"""Full-text search over practices in the reader's language: querying the search
documents that practices.indexing keeps.

On PostgreSQL a search is a text-search query in the language's own configuration (the
last word may be the start of a word). Ranking looks only at the newest RANK_LIMIT
matches, so a common word never ranks an unbounded set.

SQLite has no text search: there a search is a substring match of each word in the
folded texts (`fold`), shortened by a common plural ending first (`stem`).
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import Lexeme, SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, TextField, Value, When
from django.db.models.functions import Coalesce, NullIf, Replace

# The PostgreSQL text-search configuration behind each language (created in migration 0002).
CONFIGS = {
    "nl": "portal_dutch",
    "fr": "portal_french",
    "de": "portal_german",
    "en": "portal_english",
    "sv": "portal_swedish",
}
PREFIX_CONFIG = "portal_simple"
RANK_LIMIT = 1000
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"
LETTER_MAP = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"})


def words(text):
    """The words of a search, at most MAX_WORDS of at most MAX_WORD_LENGTH characters."""
    found = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text))
    return [word[:MAX_WORD_LENGTH] for word in found[:MAX_WORDS]]


# On SQLite a search word loses one of these endings, so that a plural finds the singular.
ENDINGS = {
    "nl": ("en", "s"),
    "fr": ("es", "s", "x"),
    "de": ("en", "er", "n", "e", "s"),
    "en": ("es", "s"),
    "sv": ("arna", "erna", "orna", "ar", "er", "or", "na"),
}


def stem(word, lang):
    """A crude stem for SQLite's substring search: "medewerkers" → "medewerker"."""
    for ending in ENDINGS[lang]:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def fold(*texts):
    """Lower case without accents: how SQLite compares texts ("Lidköping" → "lidkoping")."""
    text = " ".join(text for text in texts if text)
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LETTER_MAP))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def uses_postgres():
    return connection.vendor == "postgresql"


def in_language(field, lang):
    """A field in `lang`, or in the practice's original language where it is empty."""
    original = Case(
        *(When(language=code, then=F(f"{field}_{code}")) for code, _name in settings.LANGUAGES),
        default=Value(""),
        output_field=TextField(),
    )
    own = NullIf(F(f"{field}_{lang}"), Value(""), output_field=TextField())
    return Coalesce(own, original, output_field=TextField())


def query(terms, lang):
    """Every word must match; the last one may be the start of a word ("vrijwillig…")."""
    *whole, last = terms
    config = CONFIGS[lang]
    prefix = SearchQuery(Lexeme(last, prefix=True), config=config) | SearchQuery(
        Lexeme(last, prefix=True), config=PREFIX_CONFIG
    )
    for word in whole:
        prefix &= SearchQuery(Lexeme(word), config=config)
    return prefix


def matching(queryset, text, lang):
    """The practices matching a search, or the queryset itself when there are no words."""
    terms = words(text)
    if not terms:
        return queryset
    if uses_postgres():
        return queryset.filter(**{f"search_{lang}": query(terms, lang)})
    for term in terms:
        queryset = queryset.filter(**{f"search_{lang}__contains": stem(fold(term), lang)})
    return queryset


def by_relevance(queryset, text, lang):
    """The best matches first, ranked among the newest RANK_LIMIT matches only.

    Without PostgreSQL there is no rank: the newest of those matches come first.
    """
    newest = queryset.order_by("-published_at", "-pk")
    shortlist = queryset.model.objects.filter(pk__in=newest.values("pk")[:RANK_LIMIT])
    terms = words(text)
    if not (terms and uses_postgres()):
        return shortlist.order_by("-published_at", "-pk")
    rank = SearchRank(F(f"search_{lang}"), query(terms, lang))
    return shortlist.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def without_markers(text):
    """The text without the characters that mark highlights, should someone have typed
    them: only the search's own marks may become <mark>."""
    for marker in (HIGHLIGHT_START, HIGHLIGHT_STOP):
        text = Replace(text, Value(marker), Value(""))
    return text


def with_highlights(queryset, text, lang):
    """Annotate `highlighted_summary`: the summary with the matched words marked."""
    terms = words(text)
    if not (terms and uses_postgres()):
        return queryset
    headline = SearchHeadline(
        without_markers(in_language("summary", lang)),
        query(terms, lang),
        config=CONFIGS[lang],
        start_sel=HIGHLIGHT_START,
        stop_sel=HIGHLIGHT_STOP,
        max_words=45,
        min_words=25,
    )
    return queryset.annotate(highlighted_summary=headline)
