"""The spreadsheet of a whole list, measured: rows, seconds and the peak of memory the
portal allocates while the CSV of every published practice streams, at several catalogue
sizes. From the project folder:

    uv run python -m bench.export --practices 10000 100000

Each size is a PostgreSQL database export_<n> at --postgres-url's server, made once by
generate_practices and reused. The report goes to stdout. See docs/performance.md."""

import argparse
import json
import os
import subprocess
import sys
import time
import tracemalloc
from argparse import Namespace

from bench.load import prepare
from bench.run import ROOT, log


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def measure():
    """In a process of its own, on DATABASE_URL: one export, streamed to the end."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    django.setup()
    from django.test import Client

    client = Client()
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get("/nl/practices/csv/")
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mb": peak / 2**20}))


def main():
    args = arguments()
    if args.measure:
        return measure()
    lines = ["| practices | rows | seconds | peak memory allocated |", "|--:|--:|--:|--:|"]
    for practices in args.practices:
        url = f"{args.postgres_url.rstrip('/')}/export_{practices}"
        prepare(Namespace(practices=practices, postgres_url=url, reuse=True))
        log(f"exporting {practices:,} practices")
        env = {**os.environ, "DATABASE_URL": url}
        command = [sys.executable, "-m", "bench.export", "--measure"]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        lines.append(
            f"| {practices:,} | {figures['rows']:,} | {figures['seconds']:.1f} "
            f"| {figures['peak_mb']:.1f} MB |"
        )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
