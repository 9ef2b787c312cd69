#!/usr/bin/env python
"""The cost of ``audit.record`` (one append to a platform's chain) and of ``verify_audit``.

    .venv/bin/python bench/bench_audit.py [--records 2000] [--verify 0]
        [--pg postgresql://postgres@127.0.0.1:5432]

Migrates a throw-away database (SQLite in a temporary folder, or a PostgreSQL database created
and dropped for the run with ``--pg``), then times ``--records`` calls of ``audit.record`` in one
transaction (the casting path's shape: the caller's transaction is open) and in one transaction
each (autocommit callers), and prints the time per call and the queries per call beside a
``SELECT 1``. With ``--verify N`` it appends N entries more and times ``verify_audit`` over them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def admin_sql(pg: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--verify", type=int, default=0, help="entries to verify (0: skip)")
    parser.add_argument("--pg", default="", help="a PostgreSQL server, e.g. postgresql://...:5432")
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="bench-audit-")
    os.environ["PLATFORMA_VAR_DIR"] = var
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    name = f"bench_audit_{os.getpid()}"
    if args.pg:
        admin_sql(args.pg, f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = f"{args.pg}/{name}"
    else:
        os.environ.pop("DATABASE_URL", None)
    try:
        return run(args)
    finally:
        if args.pg:
            from django.db import connections

            connections.close_all()
            admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{name}"')


def run(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from platforma.core import audit
    from platforma.core.models import Platform

    call_command("migrate", verbosity=0)
    platform = Platform.objects.create(slug="bench", name="Bench", country="B", country_code="BB")
    data = {"changes": {"name": {"before": "Old name", "after": "New name"}}, "n": 1}

    def one() -> None:
        audit.record("bench.audit", actor_label="bench", target=platform, data=data)

    def select_one() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    one()  # the chain's first entry, and warm caches
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        one()
    print(f"{connection.vendor}: queries per audit.record in a transaction: {len(queries)}")
    for q in queries.captured_queries:
        print("   ", q["sql"][:110])

    n = args.records
    start = time.perf_counter()
    for _ in range(n):
        select_one()
    floor = (time.perf_counter() - start) * 1000 / n

    start = time.perf_counter()
    with transaction.atomic():
        for _ in range(n):
            one()
    inside = (time.perf_counter() - start) * 1000 / n

    start = time.perf_counter()
    for _ in range(n):
        with transaction.atomic():
            one()
    each = (time.perf_counter() - start) * 1000 / n
    print(f"{connection.vendor}: SELECT 1                                {floor:7.3f} ms")
    print(f"{connection.vendor}: audit.record, {n} in one transaction    {inside:7.3f} ms/call")
    print(f"{connection.vendor}: audit.record, one transaction each     {each:7.3f} ms/call")

    if args.verify:
        with transaction.atomic():
            for _ in range(args.verify - 2 * n - 2):
                one()
        start = time.perf_counter()
        try:
            call_command("verify_audit", "--platform", "bench")
        except SystemExit as exit:
            print(f"verify_audit exited {exit.code}")
        seconds = time.perf_counter() - start
        print(f"{connection.vendor}: verify_audit over {args.verify} entries: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
