"""Counting what one address (or account) does in a time window, in Django's cache: the
brakes on sharing initiatives and on guessing admin passwords."""

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


def reached(keys, limit):
    return any(cache.get(name, 0) >= limit for name in keys)


def count(keys, window):
    """One more for each key, each forgotten `window` seconds after its first."""
    for name in keys:
        if not cache.add(name, 1, window):
            try:
                cache.incr(name)
            except ValueError:  # expired in between
                cache.add(name, 1, window)
