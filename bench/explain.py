"""Where a page's server time goes, on the benchmark's database as bench.run left it:

    uv run python -m bench.explain "/nl/practices/?q=gemeente" [--top 3] [--analyze]
        [--cold] [--profile 20]

Prints the request's total time, the time spent in SQL and each query's time, slowest
first; with --analyze, the EXPLAIN (ANALYZE, BUFFERS) of the --top slowest (PostgreSQL).
With --cold the cache forgets all but the catalogue's version before the request (the
first reader of that address; --cold --changed: the first reader after a change);
with --profile N, the N functions with the most time of their own, SQL excluded.
"""

import argparse
import cProfile
import pstats

import bench
from bench.run import CHANGED, DATABASES, NEW_ADDRESS, get


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--database-url", default=DATABASES["postgres"][1])
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument("--analyze", action="store_true", help="EXPLAIN ANALYZE the slowest")
    parser.add_argument("--cold", action="store_true", help="forget the cached pages first")
    parser.add_argument("--changed", action="store_true", help="and the catalogue's version")
    parser.add_argument("--profile", type=int, default=0, help="functions to profile")
    args = parser.parse_args()
    bench.setup_django(args.database_url)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for _ in range(3):
        client.get(args.path)
    cold = (CHANGED if args.changed else NEW_ADDRESS) if args.cold else None
    with CaptureQueriesContext(connection) as captured:
        total = get(client, args.path, cold)
    queries = sorted(captured.captured_queries, key=lambda query: -float(query["time"]))
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(get, client, args.path, cold)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    in_sql = sum(float(query["time"]) for query in queries) * 1000
    print(f"{args.path}: {total:.1f} ms, of which {in_sql:.1f} ms in {len(queries)} queries")
    for number, query in enumerate(queries, start=1):
        print(f"\n-- {number}. {float(query['time']) * 1000:.1f} ms\n{query['sql']}")
        if args.analyze and number <= args.top and connection.vendor == "postgresql":
            print("\n".join(explained(connection, query["sql"])))


def explained(connection, sql):
    """The lines of EXPLAIN ANALYZE of a query, as it ran (see portal.counting.fetch)."""
    from django.db import transaction

    from portal.counting import AS_BEFORE, INDEXES_FIRST

    first = sql.startswith(INDEXES_FIRST)
    if first:
        sql = sql.removeprefix(f"{INDEXES_FIRST}; ").removesuffix(f"; {AS_BEFORE}")
    with transaction.atomic(), connection.cursor() as cursor:
        if first:
            cursor.execute(INDEXES_FIRST)
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return [row[0] for row in cursor.fetchall()]


if __name__ == "__main__":
    main()
