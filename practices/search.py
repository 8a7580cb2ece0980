"""Full-text search over practices in the reader's language: querying the search
documents that practices.indexing keeps.

On PostgreSQL a search is a text-search query in the language's own configuration (the
last word may be the start of a word). Ranking looks only at the newest RANK_LIMIT
matches, so a common word never ranks an unbounded set.

On SQLite a search asks an FTS5 index of the folded texts (`fold`): each word, shortened
by a common plural ending (`stem`), must start a word of the practice's text. Where
SQLite lacks FTS5, each word is matched as a substring of the folded texts instead.
"""

import functools
import re
import unicodedata
from collections import Counter

from django.conf import settings
from django.contrib.postgres.search import Lexeme, SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf, Replace

# Words of a submission's title searched for practices resembling it: of at least this
# length, found in at most a tenth of the catalogue (or this many practices).
RESEMBLING_WORD, RESEMBLING_FEW = 4, 50

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
    if has_fts5():
        return queryset.filter(pk__in=RawSQL(FTS_MATCH, [fts_query(terms, lang)]))
    for term in terms:
        queryset = queryset.filter(**{f"search_{lang}__contains": stem(fold(term), lang)})
    return queryset


# SQLite's full-text index (migration 0020): every word must start a word of the folded
# document in the language, once stemmed ("medewerkers" → medewerker*).
FTS_MATCH = "SELECT rowid FROM practices_fts WHERE practices_fts MATCH %s"


def fts_query(terms, lang):
    return " AND ".join(f'search_{lang} : "{stem(fold(term), lang)}"*' for term in terms)


@functools.cache
def has_fts5():
    """Whether this SQLite has FTS5 (then migration 0020 made the index)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def by_relevance(queryset, text, lang, shortlist=None):
    """The best matches first, ranked among the newest RANK_LIMIT matches only: those of
    `shortlist` (their keys) when the caller knows them, else found in `queryset`.

    Without PostgreSQL there is no rank: the newest of those matches come first.
    """
    model = queryset.model
    if shortlist is None:
        newest = queryset.order_by("-published_at", "-pk").values("pk")[:RANK_LIMIT]
        shortlist = model.objects.filter(pk__in=newest)
    elif uses_postgres():  # one array rather than a parameter per key: 5 ms less
        shortlist = model.objects.filter(pk__in=RawSQL("SELECT unnest(%s)", [shortlist]))
    else:
        shortlist = model.objects.filter(pk__in=shortlist)
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


def resembling(practice, count=5):
    """Published practices that may be the same initiative as `practice` (a submission
    the editors read): those sharing the most words of its title, each word searched as
    a reader searches it, in the practice's language. A word most practices contain
    tells nothing and is left out. [(practice, words shared)], most shared first."""
    from .models import ListedPractice, Practice

    lang, listed = practice.language, ListedPractice.objects.all()
    seldom = max(RESEMBLING_FEW, listed.count() // 10)
    shared = Counter()
    for term in dict.fromkeys(words(practice.text_in("title", lang))):
        if len(term) < RESEMBLING_WORD:
            continue
        keys = list(matching(listed, term, lang).values_list("pk", flat=True)[: seldom + 1])
        if len(keys) <= seldom:
            shared.update(keys)
    shared.pop(practice.pk, None)
    best = [key for key, _n in shared.most_common(count)]
    found = Practice.objects.select_related("municipality").in_bulk(best)
    return [(found[key], shared[key]) for key in best if key in found]
