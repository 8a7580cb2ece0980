"""Counting what one address (or an account from one address) does in a time window, in
Django's cache: the brakes on sharing initiatives and on guessing admin passwords.

Each attempt is counted before it is let through, with the cache's atomic add and incr,
so that parallel attempts cannot slip past the limit together. While the cache is down
the brakes let everything through (portal.cache logs each such call)."""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache


def key(purpose, value):
    """A cache key for `value` (an address, an account name) that does not show it."""
    return f"limit:{purpose}:{hashlib.sha256(value.encode()).hexdigest()}"


def address(request):
    """The client's address: behind the portal's own proxy (TRUST_X_FORWARDED_FOR), the
    last one in X-Forwarded-For, which that proxy wrote; else the connection's."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.TRUST_X_FORWARDED_FOR and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def take(keys, limit, window):
    """Count one more attempt for each key (each forgotten `window` seconds after its
    first): whether every key is still within `limit` with it."""
    within = True
    for name in keys:
        cache.add(name, 0, window)
        try:
            counted = cache.incr(name)
        except ValueError:  # expired in between
            counted = 1 if cache.add(name, 1, window) else None
        within = within and (counted is None or counted <= limit)  # None: the cache is down
    return within


def give_back(keys):
    """Take back an attempt that turned out well (a right password)."""
    for name in keys:
        with contextlib.suppress(ValueError):  # expired meanwhile
            cache.decr(name)
