"""Django's Redis cache, for which a Redis that is down, hangs or refuses writes is a miss.

Every call gives up after the socket timeouts of the cache's OPTIONS, logs one line and
answers as an empty cache would: `get` its default, `add` False, `set` nothing. After a
failure the cache counts as down for RETRY_AFTER seconds, in every thread of the process:
calls then give up at once, so no request waits for Redis twice. What the cache holds is
only ever a copy or a brake: pages and counts are made afresh, and the rate limits let
requests through while it is down (each such call is logged)."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    RETRY_AFTER = 5.0
    down_until = {}  # {servers: monotonic time}, shared by the threads' cache objects

    def guarded(self, call, fallback, *args):
        servers = tuple(self._servers)
        if time.monotonic() < self.down_until.get(servers, 0):
            return fallback
        try:
            return getattr(super(), call)(*args)
        except RedisError as error:
            self.down_until[servers] = time.monotonic() + self.RETRY_AFTER
            logger.warning(
                "Cache unavailable (%s in %s): answered as a miss for %s s",
                type(error).__name__,
                call,
                self.RETRY_AFTER,
            )
            return fallback

    def get(self, key, default=None, version=None):
        return self.guarded("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self.guarded("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self.guarded("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded("touch", False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self.guarded("incr", None, key, delta, version)

    def delete(self, key, version=None):
        return self.guarded("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self.guarded("delete_many", None, keys, version)

    def clear(self):
        return self.guarded("clear", False)
