"""Counting the facets of a list in memory, whatever the number of matches.

A FacetIndex holds, for every value of every facet of a catalogue's list, the set of
objects that have it: the bits of a Python int, bit i for the i-th object by key. It is
read from the database once per catalogue version in each process (`known_index`).
A list's counts are then a few ANDs and bit counts: each facet's values under the
chosen values of every other facet (disjunctive counts), among the matches of the
search words, the only thing the database is asked for on the way (`fetch`).
"""

from collections import defaultdict

from django.db import connections
from django.db.models import TextField
from django.db.models.functions import Cast

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


def keys_of(queryset, indexes_first=False):
    """The primary keys of a queryset's objects (see `fetch`)."""
    keys = queryset.order_by().values_list("pk", flat=True)
    sql, params = keys.query.sql_with_params()
    return [key for (key,) in fetch(connections[keys.db], sql, params, indexes_first)]


def to_bits(positions, size):
    """The int whose bits at `positions` (below `size`) are set."""
    found = bytearray((size + 7) // 8)
    for position in positions:
        found[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(found, "little")


def grouped(column, positions):
    """{value: [position]} of the values of a column but None, at their positions."""
    found = defaultdict(list)
    for position, value in zip(positions, column, strict=True):
        found[value].append(position)
    found.pop(None, None)
    return found


class FacetIndex:
    """The objects of `queryset` that have each value of each facet of `facets`
    ({name: portal.facets.Facet}): {name: {value as text: bits}}. One query for the
    facets of one value per object, one for each tag facet."""

    def __init__(self, queryset, facets):
        single = [name for name, facet in facets.items() if not facet.is_tag]
        values = [Cast(facets[name].indexed(), TextField()) for name in single]
        # Fetched whole (a server-side cursor's round trips took a third of the time),
        # then a column at a time.
        rows = list(queryset.order_by("pk").values_list("pk", *values))
        self.keys = [row[0] for row in rows]
        self.positions = {key: position for position, key in enumerate(self.keys)}
        everyone = range(len(rows))
        found = {
            name: grouped([row[column] for row in rows], everyone)
            for column, name in enumerate(single, start=1)
        }
        for name, facet in facets.items():
            if facet.is_tag:
                owner = facet.through()[1]
                tags = list(facet.tags().filter(**{f"{owner}__in": queryset.values("pk")}))
                positions = list(map(self.positions.__getitem__, (key for key, _slug in tags)))
                found[name] = grouped([slug for _key, slug in tags], positions)
        size = len(self.keys)
        self.bits = {
            name: {value: to_bits(positions, size) for value, positions in by_value.items()}
            for name, by_value in found.items()
        }
        self.everything = (1 << size) - 1

    def among(self, keys):
        """The bits of the objects of these keys."""
        found = map(self.positions.get, keys)
        return to_bits((position for position in found if position is not None), len(self.keys))

    def counts(self, matches, chosen, facets):
        """{facet: {value: number}} of the objects of the bits `matches`, each facet under
        the chosen values ({facet: [value]}) of every other facet; values counting
        nothing are left out. `facets` say the value of what the index keeps."""
        within = {}
        for name, values in chosen.items():
            within[name] = 0
            for indexed, bits in self.bits[name].items():
                if facets[name].value_of(indexed) in values:
                    within[name] |= bits
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


def known_index(filterset, version):
    """The FacetIndex of a filterset's base queryset, read once per catalogue version in
    each process (the same in every language)."""
    sql, params = filterset.queryset.query.sql_with_params()
    key = (type(filterset).__name__, version, sql, tuple(map(str, params)))
    return INDEXES.get(key, lambda: FacetIndex(filterset.queryset, filterset.facets))
