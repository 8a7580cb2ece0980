"""A busy morning on loopback: wrk sends a mix of readers and submitters to gunicorn with
production settings on PostgreSQL and Redis, a task worker sends the e-mails to an SMTP
sink of the run's own; then it checks that every submission was stored and every e-mail
delivered once, and compares cached and uncached pages side by side. From the project
folder:

    uv run python -m bench.load                     # 10,000 practices, 60 s, 8 connections
    uv run python -m bench.load --reuse --warmup 20 --connections 16

It needs wrk (`apt-get install wrk`), PostgreSQL at --postgres-url (it drops and recreates
the database "load" there, unless --reuse finds it filled) and Redis at --redis-url (it
empties that database). The Markdown report goes to stdout, progress to stderr; the
servers' logs to bench/load-server-<port>.log, the worker's to
bench/load-server-worker.log. With --servers 2, two gunicorn instances (ports 8150 and
8151) share the database and Redis, and wrk sends half of the connections to each. See
docs/performance.md.
"""

import argparse
import http.client
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import redis

from bench.mix import MIX, kind_of, plan
from bench.run import ROOT, log, recreate
from tests.servers import smtp_sink, spare_port

PORT = 8150  # the first app server's; the next ones count up
SECRET_KEY = "load-test-only-" + uuid.uuid4().hex  # one for every app server
TITLE = "Lasttest "  # the submissions' titles start so
SUBMISSIONS_PER_SECOND = 200  # at most: about ten times what a run sends
PROXY = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front says (BEHIND_TLS_PROXY)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument(
        "--warmup", type=int, default=0, help="seconds of the same load before the measured run"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--servers", type=int, default=1, help="gunicorn instances")
    parser.add_argument("--pairs", type=int, default=40, help="side-by-side pairs per page kind")
    parser.add_argument("--reuse", action="store_true", help="keep a filled database")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/load")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    args = parser.parse_args()
    if args.connections % args.servers:
        parser.error("--connections must be a multiple of --servers (wrk splits them evenly)")
    return args


def percentile(values, share):
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else float("nan")


def manage(*command, env=None, stdout=None):
    command = [sys.executable, "manage.py", *command]
    subprocess.run(command, cwd=ROOT, env=env, stdout=stdout, check=True)


def prepare(args):
    """The catalogue of --practices published practices, made unless --reuse finds it
    (then without the submissions of earlier runs, so that every run starts alike)."""
    env = {**os.environ, "DATABASE_URL": args.postgres_url}
    if args.reuse:
        try:
            with psycopg.connect(args.postgres_url) as db:
                query = "SELECT count(*) FROM practices_practice WHERE status = 'published'"
                filled = db.execute(query).fetchone()[0] >= args.practices
        except psycopg.Error:
            filled = False
        if filled:
            manage("migrate", "--verbosity", "0", env=env)
            earlier = f"Practice.objects.filter(title_nl__startswith={TITLE!r}).delete()"
            command = f"from practices.models import Practice; {earlier}"
            manage("shell", "-c", command, env=env, stdout=sys.stderr)
            with psycopg.connect(args.postgres_url, autocommit=True) as db:
                db.execute("VACUUM ANALYZE")
            return
    log(f"making {args.practices:,} practices in {args.postgres_url}")
    recreate(args.postgres_url)
    manage("migrate", "--verbosity", "0", env=env)
    generator = {**env, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    manage("generate_practices", str(args.practices), env=generator, stdout=sys.stderr)
    with psycopg.connect(args.postgres_url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")


def server_env(args, port):
    """Production settings behind a TLS proxy, as docs/deployment.md sets them up; the
    share limit is raised because every submitter here has the same address. E-mail goes
    to the run's SMTP sink (args.smtp_port)."""
    return {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")},
        "DJANGO_ENV": "production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": args.postgres_url,
        "REDIS_URL": args.redis_url,
        "BEHIND_TLS_PROXY": "true",
        "SHARE_RATE_LIMIT": "1000000",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(args.smtp_port),
        "EMAIL_USE_TLS": "false",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_THREADS": str(args.threads),
    }


def log_file(port):
    return ROOT / "bench" / f"load-server-{port}.log"


def start_server(args, port):
    env = server_env(args, port)
    access = "ACCESS|%(m)s|%(U)s|%(q)s|%(s)s|%(D)s|%(p)s"  # D: time in µs; p: the worker
    command = [sys.executable, "-m", "gunicorn", "--access-logformat", access]
    output = log_file(port).open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=2)
    for _ in range(100):
        try:
            if fetch("/health/", http.client.HTTPConnection("127.0.0.1", port))[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer /health/: see {log_file(port)}")


def fetch(path, connection=None):
    """(status, headers, body) of a GET through the proxy's eyes."""
    connection = connection or http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request("GET", path, headers=PROXY)
    response = connection.getresponse()
    return response.status, response.headers, response.read().decode()


def check_pages(requests):
    """Every page of the mix answers 200 (a wrong address would measure a 404)."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    wrong = [path for path in set(requests) - {"POST"} if fetch(path, connection)[0] != 200]
    if wrong:
        raise SystemExit(f"these pages of the mix do not answer 200: {wrong[:5]}")


def run_wrk(args, mix_plan, ports, seconds):
    """wrk with a thread per app server, each thread's connections to its own."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as file:
        file.write(mix_plan)
        file.flush()
        command = ["wrk", f"-t{len(ports)}", f"-c{args.connections}", f"-d{seconds}s"]
        command += ["--timeout", "10s", "-s", "bench/load.lua", f"http://127.0.0.1:{PORT}"]
        env = {**os.environ, "LOAD_PORTS": ",".join(map(str, ports))}
        command += ["--", file.name]
        output = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
    line = next(line for line in output.stdout.splitlines() if line.startswith("LOAD "))
    return json.loads(line.removeprefix("LOAD "))


def stored(args, title):
    """Practices and submissions stored with titles that start with `title`."""
    with psycopg.connect(args.postgres_url) as db:
        return db.execute(
            "SELECT count(*), count(DISTINCT p.title_nl), count(s.id) FROM practices_practice p"
            " LEFT JOIN practices_submission s ON s.practice_id = p.id"
            " WHERE p.title_nl LIKE %s AND p.status = 'submitted'",
            [f"{title}%"],
        ).fetchone()


def server_times(log_part):
    """The server's time of each request in ms by kind, from gunicorn's access log, and
    the errors Django logged."""
    times, errors = {kind: [] for kind in MIX}, 0
    for line in log_part.splitlines():
        if line.startswith("ACCESS|"):
            _, method, path, query, status, micro, _ = line.split("|")
            times[kind_of(method, path, query)].append(int(micro) / 1000)
        elif '"level": "ERROR"' in line:
            errors += 1
    return times, errors


def side_by_side(args, paths):
    """(uncached, cached) times in ms of each page, client side: the cache is emptied, the
    page asked (made and cached), then asked again (from the cache)."""
    cache = redis.Redis.from_url(args.redis_url)
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    pairs = []
    for path in paths:
        pair = []
        for flush in (True, False):
            if flush:
                cache.flushdb()
            started = time.perf_counter()
            assert fetch(path, connection)[0] == 200, path
            pair.append((time.perf_counter() - started) * 1000)
        pairs.append(pair)
    return pairs


def worker_memory(server):
    """Resident memory of each gunicorn worker, in MB."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [
        int(Path(f"/proc/{pid}/status").read_text().split("VmRSS:")[1].split()[0]) / 1024
        for pid in children
    ]


def start_worker(args):
    """The task worker that sends the e-mails, as systemd runs it (docs/deployment.md)."""
    command = [sys.executable, "manage.py", "db_worker"]
    output = log_file("worker").open("w")
    return subprocess.Popen(command, cwd=ROOT, env=server_env(args, PORT), stdout=output, stderr=2)


def emails(args, since):
    """E-mails written since `since`: how many, and how many of them are sent."""
    with psycopg.connect(args.postgres_url) as db:
        return db.execute(
            "SELECT count(*), count(*) FILTER (WHERE status = 'sent') FROM portal_email"
            " WHERE created_at >= %s",
            [since],
        ).fetchone()


def delivered(args, since, sink, within=300):
    """Wait (at most `within` s) until every e-mail written since `since` is sent: the
    e-mails due, sent, and received by the sink, and the distinct ones received."""
    deadline = time.monotonic() + within
    while (counts := emails(args, since))[0] != counts[1] and time.monotonic() < deadline:
        time.sleep(1)
    time.sleep(1)
    received = [(message["To"], message["Subject"]) for message in sink.messages]
    return (*counts, len(received), len(set(received)))


def share_drafts(args, title, seconds):
    """Sessions with a share form filled in up to "Send", titled `title` and a number:
    more than wrk can send in `seconds` (SUBMISSIONS_PER_SECOND)."""
    count = max(seconds, 1) * SUBMISSIONS_PER_SECOND
    command = [sys.executable, "manage.py", "share_drafts", str(count), title]
    env = {**server_env(args, PORT), "DJANGO_SETTINGS_MODULE": "bench.settings"}
    output = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return output.stdout.split()


def csrf():
    """A CSRF token and its cookie from the share form, for every submission of the run."""
    status, headers, body = fetch("/nl/share/")
    cookie = headers["Set-Cookie"].split(";")[0]
    token = body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    return token, cookie


def main():
    args = arguments()
    args.smtp_port = spare_port()
    with ExitStack() as stack:
        run(args, stack)


def run(args, stack):
    prepare(args)
    cache = redis.Redis.from_url(args.redis_url)
    cache.flushdb()
    title = f"{TITLE}{uuid.uuid4().hex[:6]} "
    ports = [PORT + number for number in range(args.servers)]
    manage("collectstatic", "--noinput", "--verbosity", "0", env=server_env(args, PORT))
    sink = stack.enter_context(smtp_sink(args.smtp_port))
    since = datetime.now(UTC)
    servers = [start_server(args, port) for port in ports] + [start_worker(args)]
    try:
        token, threads = csrf(), len(ports)
        drafts = share_drafts(args, title, args.seconds)
        mix_plan, requests, compared = plan(args.postgres_url, PORT, threads, drafts, *token)
        warm_drafts = share_drafts(args, f"{title}warm-up ", args.warmup)
        warm_plan = plan(args.postgres_url, PORT, threads, warm_drafts, *token)[0]
        check_pages(requests)
        cache.flushdb()  # as just after a practice is published
        log(f"wrk: {args.connections} connections for {args.warmup} + {args.seconds} s")
        warm = run_wrk(args, warm_plan, ports, args.warmup) if args.warmup else {"posted": 0}
        begin = [log_file(port).stat().st_size for port in ports]
        result = run_wrk(args, mix_plan, ports, args.seconds)
        result["warm"] = warm["posted"]  # submissions sent during the warm-up
        time.sleep(2)  # for requests still in the workers when wrk stopped
        logs = ""
        for port, start in zip(ports, begin, strict=True):
            with log_file(port).open() as file:
                file.seek(start)
                logs += file.read()
        times, errors = server_times(logs)
        memory = [size for server in servers[:-1] for size in worker_memory(server)]
        result.update(stored=stored(args, title), memory=memory, errors=errors)
        log("cached and uncached, side by side")
        pairs = {kind: side_by_side(args, paths[: args.pairs]) for kind, paths in compared.items()}
        log("waiting for the worker to send every e-mail")
        result["emails"] = delivered(args, since, sink)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    print(report(args, result, times, pairs))


def ms(value):
    return f"{value:,.1f}"


def report(args, result, times, pairs):
    with psycopg.connect(args.postgres_url) as db:
        version = db.execute("SELECT version()").fetchone()[0].split(" on ")[0]
    statuses = result["statuses"]
    fives = sum(count for status, count in statuses.items() if status.startswith("5"))
    practices, titles, submissions = result["stored"]
    due, sent, received, distinct = result["emails"]
    answered = statuses.get("302", 0)
    lines = [
        f"{args.practices:,} practices on {version}, Redis cache; {args.servers} gunicorn × "
        f"{args.workers} workers × {args.threads} threads (production settings); wrk: "
        f"{args.servers} thread(s), {args.connections} connections, {args.seconds} s "
        + (f"after {args.warmup} s of warm-up" if args.warmup else "from an empty cache")
        + f"; {os.cpu_count()} cores shared by all of them.",
        "",
        "| requests | per second | p50 ms | p95 ms | p99 ms | max ms | statuses | 5xx |",
        "|---|---|---|---|---|---|---|---|",
        f"| {result['requests']:,} | {result['requests'] / result['seconds']:,.0f} "
        f"| {ms(result['p50'])} | {ms(result['p95'])} | {ms(result['p99'])} "
        f"| {ms(result['max'])} | {json.dumps(statuses)} | {fives} |",
        "",
        f"Socket errors {result['socket_errors']}, timeouts {result['timeouts']}, errors "
        f"logged by the portal {result['errors']}. Submissions: {result['posted']:,} sent "
        f"(and {result['warm']:,} in the warm-up), "
        f"{answered:,} answered with the confirmation before wrk stopped, {practices:,} "
        f"stored ({titles:,} distinct titles, {submissions:,} with their submitter's "
        f"details). Worker memory at the end: "
        + ", ".join(f"{size:,.0f} MB" for size in result["memory"])
        + ".",
        "",
        f"E-mails (through the task worker to an SMTP sink): {due:,} due, {sent:,} sent, "
        f"{received:,} received, {distinct:,} distinct.",
        "",
        "Server time by kind (gunicorn's access log), ms:",
        "",
        "| kind | share | requests | p50 | p95 | p99 |",
        "|---|---|---|---|---|---|",
    ]
    for kind, share in MIX.items():
        kind_times = times[kind]
        lines.append(
            f"| {kind} | {share}% | {len(kind_times):,} | {ms(percentile(kind_times, 0.5))} "
            f"| {ms(percentile(kind_times, 0.95))} | {ms(percentile(kind_times, 0.99))} |"
        )
    lines += [
        "",
        f"Cached and uncached, side by side ({args.pairs} pages of each kind, client side):",
        "",
        "| kind | uncached p50 | p95 | cached p50 | p95 | faster (p50) |",
        "|---|---|---|---|---|---|",
    ]
    speedups = []
    for kind, kind_pairs in pairs.items():
        uncached, cached = zip(*kind_pairs, strict=True)
        speedups.append(statistics.median(uncached) / statistics.median(cached))
        lines.append(
            f"| {kind} | {ms(statistics.median(uncached))} | {ms(percentile(uncached, 0.95))} "
            f"| {ms(statistics.median(cached))} | {ms(percentile(cached, 0.95))} "
            f"| {speedups[-1]:.1f}× |"
        )
    targets = {
        "no 5xx": fives == 0,
        "every submission stored once": practices
        == result["posted"] + result["warm"]
        == titles
        == submissions,
        "every e-mail delivered once": due == sent == received == distinct,
        "p95 under 200 ms": result["p95"] < 200,
        "cached at least 5× faster": min(speedups) >= 5,
    }
    lines += [
        "",
        "Targets: "
        + ", ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in targets.items()),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
