"""CPU of each part of casting a ballot, in-process (no HTTP): where a ballot's time goes.

    .venv/bin/python bench/bench_cast_parts.py [--pg postgresql://postgres@127.0.0.1:5432]

Seeds 200 organisations in a throw-away PostgreSQL database (as bench_casting.py does), then
times each query and step of the casting path 300 times and prints CPU and wall time per
call, beside a written-out ``SELECT 1`` for scale. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_casting as casting  # noqa: E402


def measure(label: str, call, n: int = 300) -> None:
    call()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(n):
        call()
    cpu_ms = (time.process_time() - cpu) * 1000 / n
    wall_ms = (time.perf_counter() - wall) * 1000 / n
    print(f"{label:34s} CPU {cpu_ms:6.3f} ms   wall {wall_ms:6.3f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    name = f"cast_parts_{os.getpid()}"
    casting.admin_sql(args.pg, f'CREATE DATABASE "{name}"')
    try:
        casting.setup_django(f"{args.pg}/{name}")
        from django.contrib.auth import get_user_model
        from django.contrib.sessions.backends.db import SessionStore
        from django.core.management import call_command
        from django.db import connection, transaction
        from django.template.loader import render_to_string
        from django.test import RequestFactory

        call_command("migrate", verbosity=0)
        platform, _office, orgs, cookies, elections = casting.seed(200, [("page", 1)])
        election, keys = elections[("page", 1)]

        from platforma.core import audit
        from platforma.elections import selectors as sel
        from platforma.elections.services.choices import normalise_choices
        from platforma.elections.services.voting import Receipt
        from platforma.members.models import Organisation

        user = get_user_model().objects.get(username="bench-rep-0000")
        organisation = Organisation.objects.get(pk=orgs[0])
        request = RequestFactory().get(f"/en/{platform.slug}/elections/{election.pk}/vote/")
        request.user = user

        def select_one():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()

        def audit_in_transaction():
            with transaction.atomic():
                audit.record("bench.part", actor=user, target=organisation, platform=platform)

        receipt = Receipt(election.pk, "abcd-abcd-abcd-abcd-abcd", "0" * 64)
        context = {
            "platform": platform,
            "election": election,
            "receipt": receipt,
            "organisation": organisation,
        }
        measure("written-out SELECT 1", select_one)
        measure("session load", lambda: SessionStore(cookies[0]).load())
        measure("user", lambda: get_user_model().objects.get(pk=user.pk))
        measure(
            "election with platform (view)",
            lambda: sel.public_election_at(platform.slug, election.pk),
        )
        measure("organisation", lambda: Organisation.objects.get(pk=organisation.pk))
        measure(
            "right to vote (written out)", lambda: sel.voting_right(user, election, organisation)
        )
        measure("ballot keys", lambda: normalise_choices(election, [keys[0]]))
        measure("transaction + audit record", audit_in_transaction)
        measure(
            "receipt page",
            lambda: render_to_string("elections/receipt.html", context, request=request),
        )
    finally:
        from django.db import connections

        connections.close_all()
        casting.admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
