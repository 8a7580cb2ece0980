"""A counter in the cache that says the catalogue changed. It is raised after the commit
of every change to its content, so every app server that shares the cache sees the change
at once, whatever its clock and in whatever order transactions commit. It starts from
the time in nanoseconds, so that a counter the cache lost never starts again at a value
that pages cached before the loss were made for."""

import time

from django.core.cache import cache
from django.db import transaction

KEY = "catalogue-generation"


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
