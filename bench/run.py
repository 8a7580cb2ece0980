"""Server time and SQL queries of the portal's main pages at 1,000, 10,000 and 100,000
practices, on SQLite and on PostgreSQL. From the project folder:

    uv run python -m bench.run                        # everything: about 25 minutes on 2 cores
    uv run python -m bench.run --sizes 1000,10000 --databases postgres --requests 10

For each database it builds a synthetic catalogue step by step in a database of its own,
recreated at the start (bench/bench.sqlite3, the PostgreSQL database "bench"): migrate,
`generate_practices` up to each size, VACUUM ANALYZE on PostgreSQL (ANALYZE on SQLite).
At each size it asks every page for a few warm-up requests, then --requests measured
ones (fewer when a page takes more than --budget seconds in all), through
django.test.Client in the process: middleware, view and templates, no network. One more
request, under CaptureQueriesContext, counts the queries. Then the first readers: 20
list, search and JSON addresses drawn at random (seeded, bench.mix) from the synthetic
vocabulary, each asked once with nothing cached. DEBUG is off (bench.settings).

Each database runs in a subprocess of its own (Django's settings are per process); the
Markdown report goes to stdout, progress to stderr. See docs/performance.md.
"""

import argparse
import json
import math
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import bench

ROOT = Path(__file__).resolve().parent.parent
DATABASES = {
    "sqlite": ("SQLite", "sqlite:///bench/bench.sqlite3"),
    "postgres": ("PostgreSQL", "postgres://postgres@127.0.0.1:5432/bench"),
}
MIN_REQUESTS = 3
MARK = "BENCH "  # starts the worker's lines of results on stdout
# How a cached page is measured besides as it is: None, or how much the cache forgets
# before each request (untimed): NEW_ADDRESS the pages and counts made (the catalogue's
# version stays, as for the first reader of an address), CHANGED everything, after a
# practice was saved (as for the first reader after a change: the process reads the
# vocabulary again, and the facet index of what changed).
NEW_ADDRESS, CHANGED = "nothing cached", "nothing cached, after a change"
COUNTED = ("list", "search", "JSON")  # the cached pages with facet counts, measured cold too
REREAD = ("list", "search, common word")  # measured after a change too
FIRST_READERS, FIRST_READERS_SEED = 20, 2030  # random addresses of each kind, each asked once


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="catalogue sizes, rising")
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite and/or postgres")
    parser.add_argument("--requests", type=int, default=30, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up requests per page")
    parser.add_argument("--budget", type=float, default=60, help="seconds of measuring per page")
    parser.add_argument("--sqlite-url", default=DATABASES["sqlite"][1])
    parser.add_argument("--postgres-url", default=DATABASES["postgres"][1])
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    args.databases = args.databases.split(",")
    return args


def log(message):
    print(message, file=sys.stderr, flush=True)


# The worker: one database, in its own process.


def recreate(url):
    if url.startswith("sqlite"):
        path = ROOT / urlsplit(url).path[1:]
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = sql.Identifier(urlsplit(url).path.lstrip("/"))
    with psycopg.connect(url, dbname="postgres", autocommit=True) as maintenance:
        maintenance.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        maintenance.execute(sql.SQL("CREATE DATABASE {}").format(name))


def pages():
    """The measured pages, with facet values and a practice that exist."""
    from bench.synthetic import COMMON, RARE
    from practices.models import Domain, Practice, Theme

    domain = Domain.objects.order_by("position", "slug").first().slug
    theme = Theme.objects.order_by("position", "slug").first().slug
    practices = Practice.objects.published().order_by("pk")
    middle = practices[practices.count() // 2].slug
    return {
        "floor: a page without queries": "/nl/bench/floor/",
        "list": "/nl/practices/",
        "list, 3 facets": f"/nl/practices/?domain={domain}&theme={theme}&reach=3",
        f"search, common word ({COMMON['nl']})": f"/nl/practices/?q={COMMON['nl']}",
        f"search, rare word ({RARE})": f"/nl/practices/?q={RARE}",
        "detail": f"/nl/practices/{middle}/",
        "JSON listing, 1 facet": f"/api/practices/?lang=nl&domain={domain}",
    }


def get(client, path, cold):
    """The server time of one request in ms; `cold`: what the cache forgets first
    (NEW_ADDRESS, CHANGED or nothing)."""
    from django.core.cache import cache

    from portal import version

    if cold == CHANGED:
        from practices.models import Practice

        Practice.objects.published().order_by("pk").first().save()
    if cold:
        counter = cache.get(version.KEY)
        cache.clear()
        if cold == NEW_ADDRESS and counter is not None:
            cache.set(version.KEY, counter, timeout=None)
    started = time.perf_counter()
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return (time.perf_counter() - started) * 1000


def queries_of(client, path, cold):
    """How many SQL queries one more request runs (untimed)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        get(client, path, cold)
    return len(queries)


def summary(times, queries):
    """Median and p95 (nearest rank) of the times, their number and the query count."""
    times = sorted(times)
    p95 = times[math.ceil(0.95 * len(times)) - 1]
    return {"p50": statistics.median(times), "p95": p95, "n": len(times), "queries": queries}


def measure(client, path, args, cold=None):
    """One page asked --requests times (fewer when they take more than --budget s)."""
    for _ in range(args.warmup):
        if get(client, path, cold) > args.budget * 1000 / 20:
            break  # a slow page: one warm-up is enough
    times, begin = [], time.perf_counter()
    while len(times) < args.requests:
        if len(times) >= MIN_REQUESTS and time.perf_counter() - begin > args.budget:
            break
        times.append(get(client, path, cold))
    return summary(times, queries_of(client, path, cold))


def measure_first_readers(client, paths, args):
    """Each address asked once with nothing cached, as its first reader does (as many as
    fit in --budget s, at least MIN_REQUESTS); the queries are the most any of the first
    three ran."""
    times, begin = [], time.perf_counter()
    for path in paths:
        if len(times) >= MIN_REQUESTS and time.perf_counter() - begin > args.budget:
            break
        times.append(get(client, path, NEW_ADDRESS))
    return summary(times, max(queries_of(client, path, NEW_ADDRESS) for path in paths[:3]))


def first_readers():
    """FIRST_READERS addresses of each kind that nobody asked before: filters of the list,
    search words (sometimes with a filter) and filters of the JSON listing, in the five
    languages, drawn at random (seeded) from the synthetic vocabulary as bench.mix draws
    the load test's."""
    from bench import mix
    from practices.models import Domain, Municipality, Practice, TargetGroup, Theme

    models = {"domain": Domain, "theme": Theme, "target": TargetGroup, "municipality": Municipality}
    vocab = {
        name: sorted(model.objects.values_list("slug", flat=True)) for name, model in models.items()
    }
    vocab["practices"] = list(Practice.objects.order_by("pk").values_list("slug", flat=True)[:10])
    rng = random.Random(FIRST_READERS_SEED)
    pools = mix.addresses(rng, vocab)
    return {kind: rng.sample(pools[kind], FIRST_READERS) for kind in ("list", "search", "JSON")}


def worker(args):
    url = getattr(args, f"{args.worker}_url")
    recreate(url)
    bench.setup_django(url)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from bench.synthetic import COMMON, RARE
    from practices import search
    from practices.models import ListedPractice

    def emit(**result):
        print(MARK + json.dumps({"database": args.worker, **result}), flush=True)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version()"
            if connection.vendor == "postgresql"
            else "SELECT 'SQLite ' || sqlite_version()"
        )
        emit(kind="version", version=cursor.fetchone()[0].split(" on ")[0])
    call_command("migrate", verbosity=0)
    done = 0
    for size in args.sizes:
        log(f"{args.worker}: generating {size - done:,} practices (to {size:,})")
        out, started = StringIO(), time.perf_counter()
        call_command("generate_practices", size - done, stdout=out)
        generated = time.perf_counter() - started
        vectors = float(re.search(r"search vectors ([\d.]+) s", out.getvalue())[1])
        started = time.perf_counter()
        with connection.cursor() as cursor:  # the planner's statistics, on both databases
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        analyzed = time.perf_counter() - started
        # A catalogue listed some time ago, as one that has been running (see
        # portal.counting.FacetIndex: rows written lately are read again at each change).
        ListedPractice.objects.update(listed_at=timezone.now() - timedelta(hours=1))
        emit(
            kind="generation",
            size=size,
            added=size - done,
            seconds=generated,
            vectors=vectors,
            analyze=analyzed,
        )
        done = size
        published = ListedPractice.objects.all()
        matches = {
            word: search.matching(published, word, "nl").count() for word in (COMMON["nl"], RARE)
        }
        emit(kind="matches", size=size, matches=matches)
        client = Client()
        for name, path in pages().items():
            kinds = (None, NEW_ADDRESS) if name.startswith(COUNTED) else (None,)
            for cold in (*kinds, CHANGED) if name.startswith(REREAD) else kinds:
                page = f"{name}, {cold}" if cold else name
                result = measure(client, path, args, cold)
                log(f"{args.worker} {size:>7,} {page}: {result}")
                emit(kind="page", size=size, page=page, path=path, **result)
        for kind, paths in first_readers().items():
            page = f"first readers: {kind}, {FIRST_READERS} addresses at random"
            result = measure_first_readers(client, paths, args)
            log(f"{args.worker} {size:>7,} {page}: {result}")
            emit(kind="page", size=size, page=page, path=paths[0], **result)


# The parent: runs a worker per database, then prints the report.


def run_worker(database, argv):
    command = [sys.executable, "-m", "bench.run", *argv, "--worker", database]
    output = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return [
        json.loads(line[len(MARK) :])
        for line in output.stdout.splitlines()
        if line.startswith(MARK)
    ]


def cpu_model():
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.machine()
    return next((line.split(":", 1)[1].strip() for line in lines if "model name" in line), "?")


def commit():
    git = ["git", "-C", str(ROOT), "describe", "--always", "--dirty"]
    return subprocess.run(git, capture_output=True, text=True).stdout.strip() or "?"


def row(*cells):
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def report(args, results, revision, elapsed):
    """The Markdown report: page timings, search matches, generation times."""
    found = {(r["kind"], r["database"], r.get("size"), r.get("page")): r for r in results}
    dbs = args.databases
    machine = f"{os.cpu_count()} CPUs ({cpu_model()})"
    versions = ", ".join(found["version", db, None, None]["version"] for db in dbs)
    lines = [
        f"Commit {revision}; {machine}, Python {platform.python_version()}, {versions}. "
        f"Server time in ms: median and p95 of {args.requests} requests per page after up "
        f"to {args.warmup} warm-up ones (* fewer: those that fit in {args.budget:.0f} s); "
        f"DEBUG off. Whole run: {elapsed / 60:.0f} min.",
        "",
        row("page", "practices", *(f"{DATABASES[db][0]} p50 | p95 | queries" for db in dbs)),
        row("---", "--:", *["--: | --: | --:"] * len(dbs)),
    ]
    pages = dict.fromkeys(r["page"] for r in results if r["kind"] == "page")
    for page in pages:
        for size in args.sizes:
            cells = []
            for db in dbs:
                r = found.get(("page", db, size, page))
                star = "*" if r and r["n"] < args.requests else ""
                timed = r and [f"{r['p50']:.1f}{star}", f"{r['p95']:.1f}{star}", r["queries"]]
                cells += timed or ["–"] * 3
            lines.append(row(page, f"{size:,}", *cells))
    lines += ["", "Published practices the searches match in Dutch:", ""]
    for db in dbs:
        for size in args.sizes:
            matches = found["matches", db, size, None]["matches"].items()
            words = ", ".join(f"{word}: {n:,}" for word, n in matches)
            lines.append(f"- {DATABASES[db][0]}, {size:,} practices: {words}")
    lines += [
        "",
        "Building the catalogue (seconds): generate_practices, then VACUUM ANALYZE on PostgreSQL "
        "and ANALYZE on SQLite.",
        "",
        row("database", "added", "total", "generate_practices", "of which vectors", "ANALYZE"),
        row("---", *["--:"] * 5),
    ]
    for db in dbs:
        for size in args.sizes:
            g = found["generation", db, size, None]
            times = (f"{g[key]:.1f}" for key in ("seconds", "vectors", "analyze"))
            lines.append(row(DATABASES[db][0], f"{g['added']:,}", f"{size:,}", *times))
    return "\n".join(lines)


def main():
    args = arguments()
    if args.worker:
        return worker(args)
    argv = sys.argv[1:]
    started, revision, results = time.perf_counter(), commit(), []
    for database in args.databases:
        log(f"== {DATABASES[database][0]}")
        results += run_worker(database, argv)
    print(report(args, results, revision, time.perf_counter() - started))


if __name__ == "__main__":
    main()
