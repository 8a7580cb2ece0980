import gc
import itertools
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence

import pytest
import redis
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone, translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portal.listing import Listing
from portal.management.commands.demo import load_demo_catalogue
from portal.models import TranslatorProfile
from practices.editors import ensure_editors_group, ensure_translators_group
from practices.filters import PracticeFilter
from practices.forms import ShareForm
from practices.models import Domain, ListedPractice, Municipality, Practice, Status, Theme
from practices.sharing import share
from tests.helpers import FRENCH_ANSWERS

LANGUAGES = ["nl", "fr", "de", "en", "sv"]
_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run_worker():
    """What `manage.py db_worker` does, until no task is due: each task is claimed and
    run as the worker runs it (only without the worker's closing of connections, which
    would end the test's transaction)."""
    worker = Worker(
        queue_names=["default"], excluded_queue_names=[], backend_name="default",
        interval=0, batch=True, startup_delay=False, max_tasks=None, worker_id="tests",
    )  # fmt: skip
    while True:
        with transaction.atomic():
            task = DBTaskResult.objects.ready().select_for_update(skip_locked=True).first()
            if task is None:
                return
            task.claim(worker.worker_id)
        worker.run_task(task)


class Outbox(Sequence):
    """What the mail server received, read after the worker has sent every due e-mail:
    the e-mails go through the task queue, as in production."""

    def sent(self):
        run_worker()
        return mail.outbox

    def __getitem__(self, index):
        return self.sent()[index]

    def __len__(self):
        return len(self.sent())

    def clear(self):
        self.sent().clear()


@pytest.fixture
def as_served():
    """The test process's objects frozen out of garbage collection, as portal.wsgi
    freezes a served process's once the portal is loaded. For tests that time a request:
    a full collection of what hundreds of tests before left took 0.3 to 0.6 s, and
    falling inside a timed request it measured the test runner, not the portal."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture
def mailoutbox(mailoutbox):
    return Outbox()


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Files people attach go to a folder of the session's own (the demo catalogue's
    files, drawn once, stay there for every test)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test counts its facets afresh: no test sees another's cached counts."""
    cache.clear()


# The demo catalogue, loaded once for the session ----------------------------------------
#
# Loading the demo catalogue into every test that asks for it cost a quarter to half a
# second each time. It is now committed to the test database once and kept there, outside
# the tests' transactions, for as long as the tests that run need it:
#
# - a test that asks for `catalogue` (directly or through another fixture) finds it there,
#   and its own changes are rolled back with its transaction as before;
# - a test that uses the database without asking for it finds the catalogue's tables empty,
#   as it always did: they are emptied before it runs (a few DELETEs);
# - a transactional test (transactional_db, live_server, django_db(transaction=True))
#   sees the committed catalogue too; Django flushes every table after it, so the next
#   test that needs the catalogue writes it again (its rows as first loaded, restored
#   with a bulk INSERT a table: loaddata and the re-index are not run twice).
#
# The tests are ordered (pytest_collection_modifyitems below) so that this happens rarely:
# the tests without the catalogue first, then those with it, then the transactional ones.
# The bookkeeping does not depend on that order: any order, or one file, gives each test
# the database it expects.


class SessionCatalogue:
    """Whether the demo catalogue is committed to the test database now, and its rows as
    the first load_demo_catalogue() wrote them, to write them again after a flush."""

    loaded = False
    rows = None  # {model: [{column: value}]}, once loaded
    language = None  # the language active at that load (see restore)

    @classmethod
    def prepare(cls, wanted):
        """Commit the catalogue or empty its tables, as the coming test wants. Outside any
        transaction only: pytest-django opens a test's transaction after this."""
        if connection.in_atomic_block:
            if cls.loaded and not wanted:
                pytest.fail("The demo catalogue is committed and this test's transaction is open")
            return  # the `catalogue` fixture loads it inside the test's transaction
        if wanted and not cls.loaded:
            cls.load()
            cls.loaded = True
        elif cls.loaded and not wanted:
            empty_catalogue_tables()
            cls.loaded = False

    @classmethod
    def load(cls):
        if cls.rows is None:
            load_demo_catalogue()
            cls.language = translation.get_language()
            cls.rows = {
                model: list(model.objects.values(*columns(model))) for model in catalogue_models()
            }
        else:
            cls.restore()

    @classmethod
    def restore(cls):
        """Write the rows of the first load again, as they were, a bulk INSERT a table:
        loaddata's fixtures and its re-index took ten times as long. Under the language of
        that load: modeltranslation writes the untranslated column (title, name…) from
        the active language's."""
        with translation.override(cls.language), transaction.atomic():
            for model, rows in cls.rows.items():
                model.objects.bulk_create(model(**row) for row in rows)
            with connection.cursor() as cursor:  # PostgreSQL: ids go on after the rows'
                for sql in connection.ops.sequence_reset_sql(no_style(), list(cls.rows)):
                    cursor.execute(sql)


def catalogue_models():
    """The models of the catalogue's apps (practices and trainings), their many-to-many
    tables included."""
    return [
        model
        for label in ("practices", "trainings")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]


def columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def empty_catalogue_tables():
    """Delete every row of the catalogue's apps: what SessionCatalogue committed and
    nothing else, since tests roll back their own."""
    tables = sorted(model._meta.db_table for model in catalogue_models())
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))


def database_use(item):
    """(uses the database, in a transactional test, wants the demo catalogue)."""
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    transactional = bool(
        {"transactional_db", "live_server", "django_db_reset_sequences"} & set(fixtures)
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )
    uses_db = bool(transactional or marker or "db" in fixtures)
    return uses_db, transactional, "catalogue" in fixtures


def pytest_collection_modifyitems(items):
    """pytest-django runs the database tests first, then the transactional ones, then the
    rest; within the first two, those without the demo catalogue come first (the
    catalogue is then loaded once), and the transactional tests that want it start with
    the catalogue the last database test left. A stable sort: files keep their order."""

    def order(item):
        uses_db, transactional, wants = database_use(item)
        if not uses_db:
            return 4
        if transactional:
            return 2 if wants else 3
        return 1 if wants else 0

    items.sort(key=order)


@pytest.fixture(autouse=True)
def _session_catalogue(request):
    uses_db, transactional, wants = database_use(request.node)
    if not uses_db:
        yield
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        SessionCatalogue.prepare(wants)
    yield
    if transactional:
        SessionCatalogue.loaded = False  # Django flushes every table after the test


@pytest.fixture
def catalogue(db):
    """The demo catalogue, as `manage.py demo` loads it (committed once for the session,
    see above; loaded in the test's transaction only when that was open already)."""
    if not SessionCatalogue.loaded:
        SessionCatalogue.load()


# Small catalogues of the tests' own ------------------------------------------------------


def practice_listing(data, lang):
    """The practice list under the filters of `data` (a QueryDict), as its page makes it."""
    return Listing(PracticeFilter, ListedPractice.objects.all(), data, lang)


def translated(field, text):
    return {f"{field}_{code}": f"{text} [{code}]" for code in LANGUAGES}


@pytest.fixture
def domain(db):
    return Domain.objects.create(slug="hr-policy", **translated("name", "HR policy"))


@pytest.fixture
def municipality(db):
    names = translated("name", "Hasselt")
    return Municipality.objects.create(slug="hasselt", country="BE", **names)


def practice_values(number, status, **fields):
    """make_practice's columns: published and written in Dutch only unless told otherwise."""
    values = {
        "slug": f"practice-{number}",
        "title_nl": f"Voorbeeld {number}",
        "summary_nl": f"Samenvatting van voorbeeld {number}",
        "language": "nl",
        "reach": 2,
        "recurrence": 3,
        "status": status,
        "published_at": timezone.now() if status == Status.PUBLISHED else None,
    }
    values.update(fields)
    return values


@pytest.fixture
def make_practice(domain, municipality):
    """Create a practice; published and written in Dutch only unless told otherwise."""

    def make(status=Status.PUBLISHED, **fields):
        fields = {"domain": domain, "municipality": municipality, **fields}
        return Practice.objects.create(**practice_values(next(_serial), status, **fields))

    return make


@pytest.fixture
def make_practices(domain, municipality):
    """Create n published practices, each with two themes, as a catalogue would have: the
    same rows make_practice() would write, in three INSERTs and one UPDATE of the search
    vectors (which save() would compute) instead of n saves."""

    def make(n):
        themes = [Theme.objects.create(slug=f"t{i}", **translated("name", "Theme")) for i in (1, 2)]
        now = timezone.now()
        practices = [
            Practice(
                **practice_values(next(_serial), Status.PUBLISHED),
                domain=domain,
                municipality=municipality,
                updated_at=now,
            )
            for _ in range(n)
        ]
        for practice in practices:  # as save() would
            practice.languages = " ".join(practice.available_languages())
        Practice.objects.bulk_create(practices)
        tagging = Practice.themes.through
        tagging.objects.bulk_create(
            tagging(practice_id=practice.pk, theme_id=theme.pk)
            for practice in practices
            for theme in themes
        )
        Practice.objects.filter(pk__in=[p.pk for p in practices]).relist()
        return practices

    return make


# People and submissions ------------------------------------------------------------------


@pytest.fixture
def editor(db):
    """An editor: staff in the editors group, with an address for the editors' mail."""
    user = get_user_model().objects.create_user("eda", email="eda@example.org", is_staff=True)
    user.groups.add(ensure_editors_group())
    return user


@pytest.fixture
def editor_client(editor):
    """A client of its own, logged in as the editor (`client` stays anonymous)."""
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def german_translator(client, db):
    """A member of the translators group who translates into German."""
    user = get_user_model().objects.create_user("ute", is_staff=True)
    user.groups.add(ensure_translators_group())
    TranslatorProfile.objects.create(user=user, languages=["de"])
    client.force_login(user)
    return client


@pytest.fixture
def make_submission(catalogue):
    """Share an initiative as the form's view does (practices.sharing.share), without the
    request: the French answers (FRENCH_ANSWERS, with `changes`) in `language`."""

    def make(language="fr", **changes):
        form = ShareForm({**FRENCH_ANSWERS, **changes})
        assert form.is_valid(), form.errors
        submission, _new = share(form.cleaned_data, language)
        return submission

    return make


# Redis -----------------------------------------------------------------------------------

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def redis_answers(port):
    try:
        return redis.Redis(host=REDIS_HOST, port=port, socket_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.fixture(scope="session")
def redis_server():
    """The address of a Redis server (add /<database>): the one at 127.0.0.1:6379 when it
    answers, else a redis-server of the session's own on a spare port, without any
    persistence. Missing Redis fails the tests that need it: it is never skipped."""
    if redis_answers(REDIS_PORT):
        yield f"redis://{REDIS_HOST}:{REDIS_PORT}"
        return
    binary = shutil.which("redis-server")
    if not binary:
        pytest.fail(
            f"These tests need Redis: nothing answers at {REDIS_HOST}:{REDIS_PORT} and there "
            "is no redis-server to start (apt-get install redis-server)"
        )
    with socket.socket() as probe:
        probe.bind((REDIS_HOST, 0))
        port = probe.getsockname()[1]
    command = [
        binary,
        "--bind",
        REDIS_HOST,
        "--port",
        str(port),
        "--save",
        "",
        "--appendonly",
        "no",
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            if redis_answers(port):
                break
            if server.poll() is not None:
                pytest.fail(f"redis-server on port {port} stopped at once: {command}")
            time.sleep(0.05)
        else:
            pytest.fail(f"redis-server on port {port} did not answer within 5 s: {command}")
        yield f"redis://{REDIS_HOST}:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
