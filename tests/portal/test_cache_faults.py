"""A shared cache that fails, for real: a Redis of the test's own that is stopped, paused
or full (refusing writes), and a server that accepts connections and never answers. The
portal answers every page as if nothing were cached, each within a second, stores what a
person sends exactly once, and never answers 500 because of the cache."""

import os
import signal
import time

import pytest
import redis

from portal.cache import ForgivingRedisCache
from practices.models import Submission
from tests import servers
from tests.helpers import FRENCH_ANSWERS, PAGES, send_share

pytestmark = pytest.mark.usefixtures("as_served")  # timed: see tests/conftest.py


@pytest.fixture
def own_redis():
    with servers.own_redis() as running:
        yield running


@pytest.fixture
def silent_server():
    with servers.silent_server() as port:
        yield port


@pytest.fixture
def cache_at(settings):
    """Point the default cache at a Redis on `port`, as production configures it."""

    def use(port):
        ForgivingRedisCache.down_until.clear()
        settings.CACHES = {
            "default": {
                **settings.CACHES["default"],
                "BACKEND": "portal.cache.ForgivingRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }

    return use


def assert_everything_answers(client):
    """Every page without a 5xx, each within a second; a share stored once."""
    for page in PAGES:
        started = time.monotonic()
        response = client.get(page)
        assert response.status_code == 200, page
        assert time.monotonic() - started < 1, page
    started = time.monotonic()
    response = send_share(client, FRENCH_ANSWERS)
    assert response.status_code == 302 and time.monotonic() - started < 1
    assert Submission.objects.count() == 1
    health = client.get("/health/")  # the database answers: 200, naming the cache as down
    assert health.status_code == 200
    assert health.json() | {"oldest_task": None} == {
        "status": "ok",
        "database": True,
        "oldest_task": None,
        "cache": False,
    }  # fmt: skip (the tasks' table is locked by the test's transaction on SQLite)


def test_redis_stopped(client, catalogue, cache_at, own_redis):
    port, server, _client = own_redis
    server.terminate()
    server.wait(timeout=10)
    cache_at(port)
    assert_everything_answers(client)


def test_redis_paused(client, catalogue, cache_at, own_redis):
    port, server, _client = own_redis
    cache_at(port)
    os.kill(server.pid, signal.SIGSTOP)
    assert_everything_answers(client)


def test_a_server_that_never_answers(client, catalogue, cache_at, silent_server):
    cache_at(silent_server)
    assert_everything_answers(client)


def test_redis_full_refuses_writes(client, catalogue, cache_at, own_redis):
    port, _server, redis_client = own_redis
    redis_client.config_set("maxmemory", "1")
    redis_client.config_set("maxmemory-policy", "noeviction")
    cache_at(port)
    with pytest.raises(redis.exceptions.ResponseError, match="maxmemory"):
        redis_client.set("probe", "x")  # the fault is real
    assert_everything_answers(client)


def test_a_working_redis_caches_pages(
    client, catalogue, cache_at, own_redis, django_assert_num_queries
):
    """The same backend, Redis up: the second reader's page comes from it."""
    port, _server, redis_client = own_redis
    cache_at(port)
    client.get("/fr/practices/")
    with django_assert_num_queries(1):
        assert client.get("/fr/practices/").status_code == 200
    assert any(key.startswith(b":1:page:") for key in redis_client.scan_iter())
