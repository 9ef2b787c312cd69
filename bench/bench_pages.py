#!/usr/bin/env python
"""Speed and queries of every public page at the Forum's scale, beside a hello-world page.

For each factor, builds a throw-away database (SQLite in a temporary directory, or the
PostgreSQL of ``--database-url``, emptied by ``flush`` first) with ``manage.py generate_scale
--factor F`` (timed), then requests in-process (Django's test client, DEBUG off, anonymous)
every public page of one generated platform and the Forum's pages:

- ``hello``: ``bench-hello-page`` (config/urls_bench.py): the platform read by its slug and the
  site's base template around "Hello" — what a page costs before it does anything;
- home, members, working groups and one, governance, decisions, activities and one activity,
  publications and one, the Atom feed, search, elections and one published result, annual
  reports, transparency; the Forum's home, Steering Committee, working groups and one, and the
  Annual Assembly of last year (a page that answers 404 is skipped, with a note).

Prints, per page and factor: the median of ``--requests`` requests (ms), its ratio to hello,
the number of SQL queries of a cold rendering (caches cleared) and the peak Python memory of
that rendering (tracemalloc, KiB). Then the pages that miss a goal of the issue:
at most 10 queries, the same number at every factor, a median at most 3x hello at the largest
factor, and no page whose memory grows with the data (peak at the largest factor more than
twice the smallest's: a page that loads a whole table into memory). With two factors or more,
``growth`` is a page's time at the largest over its time at the smallest, and the pages whose
time grows more than 1.5x are listed too.

Usage: .venv/bin/python bench/bench_pages.py [--factors 1,10] [--requests 20]
       [--platform armenia] [--database-url postgresql://postgres@127.0.0.1:5432/pages_bench]
       [--keep DIR]   (keep the SQLite files in DIR, named scale-<factor>.sqlite3, and reuse them)

Factor 10 on SQLite takes long to generate (see the timing printed); ``--factors 0.1,1`` is
the quick run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MAX_QUERIES = 10
MAX_RATIO = 3.0
MAX_MEMORY_GROWTH = 2.0
GROWTH_NOTE = 1.5


def environment(var_dir: Path, database_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PLATFORMA_VAR_DIR": str(var_dir),
        "PLATFORMA_BENCH": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "ERROR",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def build(env: dict[str, str], factor: float, database_url: str) -> float:
    """Migrate and generate the data set; returns the seconds generate_scale took."""
    run = {"env": env, "cwd": ROOT, "check": True}
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0", "--skip-checks"], **run)
    if database_url:
        subprocess.run([PYTHON, "manage.py", "flush", "--no-input", "-v0"], **run)
    began = time.monotonic()
    subprocess.run(
        [PYTHON, "manage.py", "generate_scale", "--factor", str(factor), "--no-progress", "-v0"],
        **run,
    )
    return time.monotonic() - began


# --- the measuring process (``--measure``): Django set up on the database built above ----------


def pages(platform_slug: str) -> list[tuple[str, str]]:
    """(name, address) of every public page measured, the first being the reference."""
    import datetime

    from django.utils import timezone

    from platforma.activities.models import Event
    from platforma.core.models import Platform
    from platforma.elections.models import Election
    from platforma.publications.models import Publication

    platform = Platform.objects.get(slug=platform_slug)
    now = timezone.now()
    # A past activity in the middle of the list, with its registrations; the newest
    # publication; the latest published election: the ones a visitor opens.
    event = (
        Event.objects.filter(platform=platform, starts_at__lt=now).order_by("-starts_at").first()
    )
    publication = Publication.objects.filter(platform=platform).order_by("-published_on").first()
    election = (
        Election.objects.filter(platform=platform, state=Election.State.PUBLISHED)
        .order_by("-voting_opens_at")
        .first()
    )
    p = f"/en/{platform_slug}"
    last_year = datetime.date.today().year - 1
    return [
        ("hello", f"{p}/activities/bench/page/"),
        ("home", f"{p}/"),
        ("members", f"{p}/members/"),
        ("working groups", f"{p}/working-groups/"),
        ("working group", f"{p}/working-groups/wg1/"),
        ("governance", f"{p}/governance/"),
        ("decisions", f"{p}/meetings/decisions/"),
        ("activities", f"{p}/activities/"),
        ("activity", f"{p}/activities/{event.pk if event else 0}/"),
        ("publications", f"{p}/publications/"),
        ("publication", f"{p}/publications/{publication.pk if publication else 0}/"),
        ("atom feed", f"{p}/publications/feed.atom"),
        ("search", f"{p}/publications/search/?q=policy"),
        ("elections", f"{p}/elections/"),
        ("election result", f"{p}/elections/{election.pk if election else 0}/"),
        ("annual reports", f"{p}/reports/"),
        ("transparency", f"{p}/transparency/"),
        ("forum home", "/en/forum/"),
        ("forum steering committee", "/en/forum/steering-committee/"),
        ("forum working groups", "/en/forum/working-groups/"),
        ("forum working group", "/en/forum/working-groups/1/"),
        ("forum assembly", f"/en/forum/assembly/{last_year}/"),
    ]


def measure(platform_slug: str, requests: int) -> None:
    """Print one JSON line per page: status, median ms, queries, peak KiB."""
    import tracemalloc

    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def clear_caches() -> None:
        for cache in caches.all():
            cache.clear()

    client = Client()
    for name, url in pages(platform_slug):
        first = client.get(url)
        row: dict[str, object] = {"page": name, "url": url, "status": first.status_code}
        if first.status_code != 200:
            print(json.dumps(row), flush=True)
            continue
        times = []
        for _ in range(requests):
            began = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - began) * 1000)
        clear_caches()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Read now: the next request's start empties the connection's log (reset_queries).
        count = len(queries.captured_queries)
        clear_caches()
        tracemalloc.start()
        client.get(url)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        row.update(
            median_ms=statistics.median(times),
            queries=count,
            peak_kib=peak / 1024,
        )
        print(json.dumps(row), flush=True)


# --- the report ------------------------------------------------------------------------------


def report(results: dict[float, list[dict]], built: dict[float, float], args) -> None:
    factors = sorted(results)
    database = "PostgreSQL" if args.database_url else "SQLite (WAL)"
    print(
        f"\nPublic pages of “{args.platform}” and the Forum · {database} · in-process test "
        f"client, DEBUG off, anonymous · median of {args.requests} requests\n"
    )
    for factor in factors:
        print(f"generate_scale --factor {factor:g}: {built[factor]:.1f} s")
    header = f"{'page':<26}" + "".join(
        f"{f'×{f:g} ms':>11}{'ratio':>7}{'queries':>8}{'KiB':>8}" for f in factors
    )
    if len(factors) > 1:
        header += f"{'growth':>8}"
    print("\n" + header)
    print("-" * len(header))
    by_page: dict[str, dict[float, dict]] = {}
    for factor in factors:
        for row in results[factor]:
            by_page.setdefault(row["page"], {})[factor] = row
    misses: list[str] = []
    skipped: list[str] = []
    grows: list[str] = []
    for name, rows in by_page.items():
        line = f"{name:<26}"
        for factor in factors:
            row = rows.get(factor)
            hello = next(r for r in results[factor] if r["page"] == "hello").get("median_ms", 0)
            if row is None or row["status"] != 200:
                status = row["status"] if row else "-"
                line += f"{'answered ' + str(status):>34}"
                continue
            ratio = row["median_ms"] / hello if hello else 0.0
            line += (
                f"{row['median_ms']:>11.2f}{ratio:>6.1f}x{row['queries']:>8}{row['peak_kib']:>8.0f}"
            )
        ok = [rows[f] for f in factors if f in rows and rows[f]["status"] == 200]
        if len(factors) > 1 and len(ok) == len(factors):
            # The time at the largest factor over the time at the smallest: what the data adds.
            growth = ok[-1]["median_ms"] / ok[0]["median_ms"]
            line += f"{growth:>7.1f}x"
            if growth > GROWTH_NOTE and name != "hello":
                grows.append(f"{name}: {growth:.1f}x from ×{factors[0]:g} to ×{factors[-1]:g}")
        print(line)
        if name == "hello":
            continue
        if len(ok) < len(factors):
            statuses = ", ".join(f"{rows[f]['status']} at ×{f:g}" for f in factors if f in rows)
            skipped.append(f"{name} ({rows[factors[0]]['url']}): answered {statuses}")
            continue
        counts = [r["queries"] for r in ok]
        if max(counts) > MAX_QUERIES:
            misses.append(f"{name}: {max(counts)} queries (goal: at most {MAX_QUERIES})")
        if len(set(counts)) > 1:
            misses.append(
                f"{name}: the number of queries grows with the data ("
                + ", ".join(f"{c} at ×{f:g}" for c, f in zip(counts, factors, strict=True))
                + ")"
            )
        largest = factors[-1]
        hello = next(r for r in results[largest] if r["page"] == "hello")["median_ms"]
        ratio = rows[largest]["median_ms"] / hello
        if ratio > MAX_RATIO:
            misses.append(
                f"{name}: {ratio:.1f}x hello at ×{largest:g} (goal: at most {MAX_RATIO:g}x)"
            )
        if len(factors) > 1 and ok[-1]["peak_kib"] > MAX_MEMORY_GROWTH * max(ok[0]["peak_kib"], 1):
            misses.append(
                f"{name}: its memory grows with the data ({ok[0]['peak_kib']:.0f} KiB at "
                f"×{factors[0]:g}, {ok[-1]['peak_kib']:.0f} KiB at ×{largest:g})"
            )
    print("\nPages that miss a goal:" if misses else "\nEvery page measured meets the goals.")
    for miss in misses:
        print(f"  - {miss}")
    if grows:
        print(f"Time that grows with the data (more than {GROWTH_NOTE:g}x; not a goal, a lead):")
        for note in grows:
            print(f"  - {note}")
    if skipped:
        print("Skipped (not there yet):")
        for note in skipped:
            print(f"  - {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factors", default="1,10", help="comma-separated, e.g. 0.1,1")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--platform", default="armenia", help="the generated platform measured")
    parser.add_argument("--database-url", default="", help="PostgreSQL; default throw-away SQLite")
    parser.add_argument("--keep", default="", help="keep (and reuse) the SQLite files here")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(ROOT))
        measure(args.platform, args.requests)
        return

    factors = [float(f) for f in args.factors.split(",")]
    results: dict[float, list[dict]] = {}
    built: dict[float, float] = {}
    for factor in factors:
        keep = Path(args.keep) / f"scale-{factor:g}" if args.keep else None
        var_dir = keep or Path(tempfile.mkdtemp(prefix="bench-pages-"))
        var_dir.mkdir(parents=True, exist_ok=True)
        env = environment(var_dir, args.database_url)
        try:
            reuse = keep is not None and (var_dir / "built").exists() and not args.database_url
            if reuse:
                built[factor] = float((var_dir / "built").read_text())
            else:
                where = args.database_url or var_dir / "platforma.sqlite3"
                print(f"Generating factor {factor:g} in {where}", flush=True)
                built[factor] = build(env, factor, args.database_url)
                (var_dir / "built").write_text(f"{built[factor]:.1f}")
            print(f"  generated in {built[factor]:.1f} s; measuring", flush=True)
            out = subprocess.run(
                [
                    PYTHON,
                    __file__,
                    "--measure",
                    "--platform",
                    args.platform,
                    "--requests",
                    str(args.requests),
                ],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[factor] = [
                json.loads(line) for line in out.splitlines() if line.startswith("{")
            ]
        finally:
            if keep is None:
                shutil.rmtree(var_dir, ignore_errors=True)
    report(results, built, args)


if __name__ == "__main__":
    sys.exit(main())
