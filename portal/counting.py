"""Counting the facets of a list in memory, whatever the number of matches.

A FacetIndex holds, for every value of every facet of a catalogue's list, the set of
objects that have it: the bits of a Python int, bit k for the object whose key is k. Each
process reads it once per catalogue version (`known_index`): whole the first time, then
only the objects that changed since the version before.
A list's counts are then a few ANDs and bit counts: each facet's values under the
chosen values of every other facet (disjunctive counts), among the matches of the
search words, the only thing the database is asked for on the way (`fetch`).
"""

from collections import defaultdict, deque
from datetime import timedelta
from itertools import compress, islice, repeat

from django.db import connections
from django.db.models import F, StringAgg, TextField, Value
from django.db.models.functions import Cast
from django.utils import timezone

from .version import Remembered

# Put around a statement on PostgreSQL, for that statement only: see `fetch`.
INDEXES_FIRST, AS_BEFORE = "SET LOCAL enable_seqscan = off", "RESET enable_seqscan"


def fetch(connection, sql, params, indexes_first=False):
    """All rows of a query. With `indexes_first`, PostgreSQL reads a search index even
    for a word most rows contain: its planner would rather scan the narrow table, not
    counting the cost of reading each search document from where it is kept outside
    the row (at 100,000 practices 450 ms, against 25 through the index). The setting and
    the query go in one message, which PostgreSQL runs as one transaction; the setting
    is reset after it, for the rest of a transaction the query may be part of."""
    with connection.cursor() as cursor:
        if indexes_first and connection.vendor == "postgresql":
            cursor.execute(f"{INDEXES_FIRST}; {sql}; {AS_BEFORE}", params)
            cursor.nextset()
        else:
            cursor.execute(sql, params)
        return cursor.fetchall()


def bits_of(queryset, size, indexes_first=False):
    """The int with bit k set for each object of `queryset` whose (integer) key is k,
    below `size` (see `fetch` for `indexes_first`). Tried and left: letting PostgreSQL
    gather the keys into bytes (`bit_or` by `key >> 3`) sent 11,000 rows for 87,000
    keys, but its grouping took longer than the Python it spared."""
    keys = queryset.order_by().values_list("pk", flat=True)
    sql, params = keys.query.sql_with_params()
    found = (key for (key,) in fetch(connections[keys.db], sql, params, indexes_first))
    return to_bits(filter(size.__gt__, found), size)


def to_bits(keys, size):
    """The int whose bits at `keys` (below `size`) are set. Few keys are set a byte at a
    time; many are written as the binary digits of a number, by a loop that runs in C
    (both ways cost about the same at one key in 32)."""
    keys = list(keys)
    if len(keys) * 32 < size:
        found = bytearray((size + 7) // 8)
        for key in keys:
            found[key >> 3] |= 1 << (key & 7)
        return int.from_bytes(found, "little")
    digits = bytearray(b"0") * size  # the first digit is bit size - 1
    deque(map(digits.__setitem__, map((size - 1).__sub__, keys), repeat(ord("1"))), maxlen=0)
    return int(digits, 2) if size else 0


def grouped(parts):
    """{name: [(value as text, [key])]} of each part (name, queryset, value, key): the rows
    of the queryset by `value` (an expression; rows without one are left out). One query:
    the database groups the rows and sends the keys of each value as one text, which
    Python splits in C."""
    if not parts:
        return {}
    sqls, params = [], []
    for name, queryset, value, key in parts:
        query = (
            queryset.order_by()
            .annotate(facet_name=Value(name), facet_value=Cast(value, TextField()))
            .values("facet_name", "facet_value")
            .annotate(facet_keys=StringAgg(Cast(key, TextField()), delimiter=Value(",")))
        ).query
        sql, part_params = query.sql_with_params()
        # Each part's columns by name: Django may put a query's columns in another order.
        sqls.append(f"SELECT facet_name, facet_value, facet_keys FROM ({sql}) AS part")
        params.extend(part_params)
    found = {name: [] for name, *_rest in parts}
    connection = connections[parts[0][1].db]
    for name, value, keys in fetch(connection, " UNION ALL ".join(sqls), params):
        if value is not None and keys:  # (a group of no rows where nothing is grouped)
            found[name].append((value, map(int, keys.split(","))))
    return found


class FacetIndex:
    """The objects of a filterset's base queryset that have each value of each of its
    facets: {facet: {value as text: bits}}, bit k for the object whose key is k (keys are
    integers), so that the keys a search matched need no lookup; and the keys in the
    filterset's NEWEST order, which `first` follows.

    Read whole, it takes two queries: the keys in order, and the keys of each value of
    each facet. Read from a `previous` index (of an earlier catalogue version, with the
    same vocabulary), it reads again only the objects added, changed or removed since:
    those whose CHANGED_AT time is at most CHANGES_OVERLAP before the previous one was
    read (a transaction that wrote a row before then and committed after, or an app
    server whose clock is behind, is covered) and those no longer in the queryset."""

    CHANGES_OVERLAP = timedelta(minutes=5)

    def __init__(self, filterset, previous=None):
        queryset, self.vocabulary = filterset.queryset, vocabulary_keys(filterset)
        self.read_at = timezone.now()
        self.ordered = list(queryset.order_by(*filterset.NEWEST).values_list("pk", flat=True))
        self.size = max(self.ordered, default=-1) + 1
        # The keys read again, or None where everything was read.
        self.read_again = changed = previous and previous.changes(filterset, self.ordered)
        if changed is None:
            self.bits = read(queryset, filterset.facets, self.size)
        else:
            left = ~to_bits(changed, max(self.size, previous.size))
            self.bits = {
                name: {value: bits & left for value, bits in by_value.items()}
                for name, by_value in previous.bits.items()
            }
            if changed:
                again = read(queryset.filter(pk__in=changed), filterset.facets, self.size)
                for name, by_value in again.items():
                    for value, bits in by_value.items():
                        self.bits[name][value] = self.bits[name].get(value, 0) | bits
        self.everything = to_bits(self.ordered, self.size)

    def changes(self, filterset, ordered):
        """The keys of the objects added, changed or removed since this index was read;
        None where it cannot tell (another vocabulary, another database) or where so many
        changed that reading them all is quicker."""
        if vocabulary_keys(filterset) != self.vocabulary:
            return None
        since = self.read_at - self.CHANGES_OVERLAP
        changed = filterset.queryset.filter(**{f"{filterset.CHANGED_AT}__gte": since})
        known, now = set(self.ordered), set(ordered)
        found = set(changed.values_list("pk", flat=True)).union(known - now)
        if not now - known <= found:  # a new key no change explains: a restored database
            return None
        return found if len(found) * 10 <= len(ordered) else None

    def among(self, queryset, indexes_first=False):
        """The bits of the objects of `queryset` that the index has (see `bits_of`)."""
        return bits_of(queryset, self.size, indexes_first) & self.everything

    def first(self, bits, count):
        """The keys of the first `count` objects of the bits, in the index's order."""
        digits = bin(bits)[:1:-1].ljust(self.size, "0")  # digit k for key k
        found = map("1".__eq__, map(digits.__getitem__, self.ordered))
        return list(islice(compress(self.ordered, found), count))

    def within(self, chosen, facets):
        """{facet: bits of the objects with one of its chosen values} ({facet: [value]})."""
        found = {}
        for name, values in chosen.items():
            found[name] = 0
            for indexed, bits in self.bits[name].items():
                if facets[name].value_of(indexed) in values:
                    found[name] |= bits
        return found

    def matching(self, matches, chosen, facets):
        """The bits of the objects of `matches` with the chosen values of every facet."""
        for bits in self.within(chosen, facets).values():
            matches &= bits
        return matches

    def counts(self, matches, chosen, facets):
        """{facet: {value: number}} of the objects of the bits `matches`, each facet under
        the chosen values ({facet: [value]}) of every other facet; values counting
        nothing are left out. `facets` say the value of what the index keeps."""
        within = self.within(chosen, facets)
        found = {}
        for name, by_indexed in self.bits.items():
            mask = matches
            for other, bits in within.items():
                if other != name:
                    mask &= bits
            found[name] = defaultdict(int)
            for indexed, bits in by_indexed.items():
                if count := (mask & bits).bit_count():
                    found[name][facets[name].value_of(indexed)] += count
        return {name: dict(counts) for name, counts in found.items()}


INDEXES = Remembered(limit=4)  # {(list, version, base): index}: some MB each at 100,000


LATEST = {}  # {(list, base): index}: the latest index of each list, to read the next from


def known_index(filterset, version):
    """The FacetIndex of a filterset's base queryset, read once per catalogue version in
    each process (the same in every language), from the one of the version before."""
    sql, params = filterset.queryset.query.sql_with_params()
    base = (type(filterset).__name__, sql, tuple(map(str, params)))

    def make():
        LATEST[base] = FacetIndex(filterset, LATEST.get(base))
        return LATEST[base]

    return INDEXES.get((*base, version), make)


def vocabulary_keys(filterset):
    """The keys (slugs) of the entries of a filterset's vocabulary, in any language."""
    return {
        kind: [key for key, _label in entries] for kind, entries in filterset.vocabulary.items()
    }


def read(queryset, facets, size):
    """{facet: {value as text: bits}} of the objects of `queryset` (see FacetIndex)."""
    parts = []
    for name, facet in facets.items():
        if facet.is_tag:
            through, owner, tag = facet.through()
            tagged = through.objects.filter(**{f"{owner}__in": queryset.values("pk")})
            parts.append((name, tagged, F(f"{tag}__slug"), F(owner)))
        else:
            parts.append((name, queryset, facet.indexed(), F("pk")))
    return {
        name: {value: to_bits(keys, size) for value, keys in by_value}
        for name, by_value in grouped(parts).items()
    }
