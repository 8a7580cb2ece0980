"""The catalogue's version: what every cached page and count is made for.

It has two parts. The last changes of the content readers see, one per catalogue that
registered with `register` (practices, training programmes): they serve app servers that
share no cache. And a counter in the cache, raised after the commit of every change to
the content (`changed`): it serves app servers that share a cache, whatever their clocks
and in whatever order transactions commit. The counter starts from the time in
nanoseconds, so that a counter the cache lost never starts again at a value that pages
cached before the loss were made for.
"""

import time
from functools import cache as once

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q

KEY = "catalogue-generation"
CATALOGUES = {}  # {model: condition}: the rows of each catalogue that readers see


def register(model, public=None):
    """Make `model`'s last change part of the version; `public`, a Q, picks the rows
    whose change readers see (all by default)."""
    CATALOGUES[model] = public or Q()
    last_changes_sql.cache_clear()


def current(known=None):
    """The counter: `known` when the caller read it already, else read (or started)."""
    return known if known is not None else cache.get_or_set(KEY, time.time_ns, timeout=None)


def changed():
    """Raise the counter once the current transaction commits (at once outside one)."""

    def raise_counter():
        try:
            cache.incr(KEY)
        except ValueError:  # not in the cache (yet, or any more)
            cache.set(KEY, time.time_ns(), timeout=None)

    transaction.on_commit(raise_counter)


@once
def last_changes_sql():
    """One SELECT of each catalogue's newest `updated_at`, built once: every request for
    a cached page asks it, and building it with the ORM each time took a third of that.
    SQLite uses a partial index only for a condition written out in the query, not for
    parameters: there the conditions' values (the portal's own statuses, no one's input)
    are written in (70 ms less at 10,000 practices)."""
    parts, params = [], []
    for model, public in CATALOGUES.items():
        newest = model._base_manager.filter(public).order_by("-updated_at")
        sql, part_params = newest.values_list("updated_at")[:1].query.sql_with_params()
        if connection.vendor == "sqlite":
            sql, part_params = sql % tuple(map(literal, part_params)), ()
        parts.append(f"({sql})")
        params.extend(part_params)
    return f"SELECT {', '.join(parts)}", params


def literal(value):
    """An SQL literal for a status or a number."""
    return str(value) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"


def last_changes():
    """When the content of each registered catalogue that readers see last changed."""
    if not CATALOGUES:
        return ()
    sql, params = last_changes_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


class Remembered:
    """What a process made for a catalogue version, kept while the version is among the
    newest: at most `limit` entries, all forgotten when one more comes (they are then
    of versions past, or of a cache that keeps no counter and makes a version a request)."""

    def __init__(self, limit):
        self.limit, self.made = limit, {}

    def get(self, key, make):
        """`make()` for `key` (which names the version), made once."""
        if key not in self.made:
            if len(self.made) >= self.limit:
                self.made.clear()
            self.made[key] = make()
        return self.made[key]


def current_version(counter=None):
    """The catalogue's version: its last changes and the counter (`counter` when read
    already)."""
    return (*last_changes(), current(counter))
