#!/usr/bin/env python
"""Speed and queries of every GET operation of the REST API at the Forum's scale.

For each factor, builds a throw-away database like bench_pages.py (``generate_scale --factor
F``), then, in-process (Django's test client, DEBUG off), calls every GET operation of the live
spec for one generated platform with a read-only token of the Forum's secretariat (who may read
everything, so private lists are measured full): path parameters are taken from the first row
of the matching list (``/things/{pk}`` from ``/things``). The rate limit is off.

Prints, per operation and factor: the median of ``--requests`` calls (ms), its ratio to the
cheapest call (``platform_detail``: one platform read by its slug, the API's hello world), the
number of SQL queries with ``page_size=10`` and with ``page_size=100`` for lists; then the
operations whose queries differ between the two page sizes or between factors (an N+1).

Usage: .venv/bin/python bench/bench_api.py [--factors 0.1,1] [--requests 20]
       [--platform armenia] [--database-url postgresql://...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import PYTHON, build, environment  # noqa: E402 - beside this script

PARAM = re.compile(r"\{(\w+)\}")


def measure(platform_slug: str, requests: int) -> None:
    """Print one JSON line per operation."""
    import datetime

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from platforma.accounts.services import api_token_create
    from platforma.api.main import api

    settings.PLATFORMA_API_RATE = settings.PLATFORMA_API_ANONYMOUS_RATE = ""
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-api", "", "bench-api-pw-1")
    _token, secret = api_token_create(
        actor=user,
        name="bench",
        scope="read",
        expires_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    spec = api.get_openapi_schema()
    known: dict[str, str] = {}  # a filled path -> the first row's values, for detail paths

    def fill(template: str) -> str | None:
        path = template.replace("{platform}", platform_slug)
        for name in PARAM.findall(path):
            head = path[: path.index("{" + name + "}")].rstrip("/")
            rows = known.get(head)
            if rows is None:
                answer = client.get(head)
                results = answer.json().get("results") if answer.status_code == 200 else None
                rows = json.dumps(results[0]) if results else "{}"
                known[head] = rows
            row = json.loads(rows)
            value = row.get(name, row.get("id", row.get("slug", row.get("year"))))
            if value is None:
                return None
            path = path.replace("{" + name + "}", str(value))
        return path

    operations = sorted(
        (operation["operationId"], path)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
        if method == "get"
    )
    for name, template in operations:
        path = fill(template)
        row: dict[str, object] = {"operation": name, "path": path}
        if path is None:
            row["status"] = "no row to fill the path"
            print(json.dumps(row), flush=True)
            continue
        first = client.get(path)
        row["status"] = first.status_code
        if first.status_code != 200:
            print(json.dumps(row), flush=True)
            continue
        is_list = isinstance(first.json(), dict) and "results" in first.json()
        times = []
        for _ in range(requests):
            began = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - began) * 1000)
        row["median_ms"] = statistics.median(times)
        sizes = (10, 100) if is_list else (None,)
        for size in sizes:
            url = f"{path}{'&' if '?' in path else '?'}page_size={size}" if size else path
            with CaptureQueriesContext(connection) as queries:
                answer = client.get(url)
            row[f"queries_{size or 'one'}"] = len(queries.captured_queries)
            if size:
                row["rows"] = answer.json()["count"]
        print(json.dumps(row), flush=True)


def report(results: dict[float, list[dict]], built: dict[float, float], args) -> None:
    factors = sorted(results)
    database = "PostgreSQL" if args.database_url else "SQLite (WAL)"
    print(
        f"\nGET operations for “{args.platform}” · {database} · in-process test client, DEBUG "
        f"off, the Forum secretariat's read-only token · median of {args.requests} calls\n"
    )
    for factor in factors:
        print(f"generate_scale --factor {factor:g}: {built[factor]:.1f} s")
    header = f"{'operation':<34}" + "".join(
        f"{f'×{f:g} ms':>10}{'ratio':>7}{'rows':>7}{'q10':>5}{'q100':>6}" for f in factors
    )
    print(header)
    by_factor = {f: {r["operation"]: r for r in results[f]} for f in factors}
    problems = []
    for name in sorted(by_factor[factors[0]]):
        line = f"{name:<34}"
        counts = set()
        for factor in factors:
            row = by_factor[factor].get(name, {})
            hello = by_factor[factor].get("platform_detail", {}).get("median_ms")
            if "median_ms" not in row:
                line += f"{str(row.get('status', '-')):>35}"
                continue
            ratio = row["median_ms"] / hello if hello else 0
            q10 = row.get("queries_10", row.get("queries_one"))
            q100 = row.get("queries_100", "")
            counts |= {q10, q100} - {""}
            line += (
                f"{row['median_ms']:>10.1f}{ratio:>7.1f}{str(row.get('rows', '')):>7}"
                f"{q10:>5}{str(q100):>6}"
            )
        if len(counts) > 1:
            problems.append(name)
        print(line)
    print()
    if problems:
        print("Queries that grow with the page size or the data:", ", ".join(problems))
    else:
        print("Every operation makes the same number of queries at every page size and factor.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factors", default="0.1,1", help="comma-separated, e.g. 0.1,1")
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
    results: dict[float, list[dict]] = {}
    built: dict[float, float] = {}
    for factor in [float(f) for f in args.factors.split(",")]:
        keep = Path(args.keep) / f"scale-{factor:g}" if args.keep else None
        var_dir = keep or Path(tempfile.mkdtemp(prefix="bench-api-"))
        var_dir.mkdir(parents=True, exist_ok=True)
        env = environment(var_dir, args.database_url)
        try:
            if keep is not None and (var_dir / "built").exists() and not args.database_url:
                built[factor] = float((var_dir / "built").read_text())
            else:
                print(f"Generating factor {factor:g}", flush=True)
                built[factor] = build(env, factor, args.database_url)
                (var_dir / "built").write_text(f"{built[factor]:.1f}")
            out = subprocess.run(
                [PYTHON, __file__, "--measure", "--platform", args.platform]
                + ["--requests", str(args.requests)],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[factor] = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
        finally:
            if keep is None:
                shutil.rmtree(var_dir, ignore_errors=True)
    report(results, built, args)


if __name__ == "__main__":
    main()
