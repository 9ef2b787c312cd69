"""Casting benchmark: 1,000 organisations cast secret ballots with receipts over HTTP.

    .venv/bin/python bench/bench_casting.py [--pg postgresql://postgres@127.0.0.1:5432]
        [--organisations 1000] [--workers 4] [--clients 1 8] [--receipts json page]
        [--time-limit 300]

What it does, on loopback only, in a throw-away PostgreSQL database (``elect_bench_<pid>``,
dropped at the end):

1. migrates, then seeds one platform with N member organisations, each with a primary
   representative and a user account (bulk inserts: this is set-up, not what is measured),
   and one election per run (receipt kind and client count), open for voting, with three
   candidates;
2. logs every representative in beforehand by creating a database session for them (the
   same rows Django's login writes: ``_auth_user_id``, ``_auth_user_backend``,
   ``_auth_user_hash``) and gives each client the ``sessionid`` cookie, plus a CSRF cookie
   and the same token in the form, as a browser would send;
3. starts gunicorn (from .venv, sync workers) on a free loopback port, measures a floor (a
   logged-in POST that does nothing else), then, for each receipt kind and client count, has
   that many threads (``http.client``) POST one ballot per organisation to the real voting
   page and read the receipt from the response: as JSON (``--receipts json``, what the
   voting page's script asks for) or from the receipt page (``page``, without JavaScript);
4. prints ballots per second, p50/p95 latency overall and per quarter of the run (to see
   whether it stays flat as ballots accumulate), then checks in the database that every
   organisation voted once, that there are exactly N ballots, that every receipt's tracker
   is there with its hash, and that the election closes and ``verify`` finds no problem.

Everything stops after ``--time-limit`` seconds. Exit status 0 when every check passes.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def admin_sql(pg: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def seed(organisations: int, runs: list[tuple[str, int]]):
    """Platform, members with primary representatives and sessions, one election per run."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from platforma.core.models import Person, Platform, PlatformRole, Statute
    from platforma.elections import services
    from platforma.governance.models import Body
    from platforma.members.models import Membership, MembershipChange, Organisation, Representative

    User = get_user_model()
    platform = Platform.objects.create(
        slug="benchland", country_code="XX", name="Bench", country="X"
    )
    Statute.objects.create(
        platform=platform, version=1, title="Statute", effective_from=datetime.date(2000, 1, 1)
    )
    body = Body.objects.create(platform=platform, kind="general_assembly", name="Assembly")
    office_user = User.objects.create_user("bench-office")
    PlatformRole.objects.create(user=office_user, platform=platform, role="secretariat")
    orgs = Organisation.objects.bulk_create(
        Organisation(legal_name=f"Bench organisation {i:04d}") for i in range(organisations)
    )
    memberships = Membership.objects.bulk_create(
        Membership(platform=platform, organisation=o, status="admitted") for o in orgs
    )
    MembershipChange.objects.bulk_create(
        MembershipChange(membership=m, to_status="admitted", effective_on=datetime.date(2001, 1, 1))
        for m in memberships
    )
    users = User.objects.bulk_create(
        User(username=f"bench-rep-{i:04d}", password="!") for i in range(organisations)
    )
    persons = Person.objects.bulk_create(
        Person(first_name="Rep", last_name=f"{i:04d}", user=u) for i, u in enumerate(users)
    )
    Representative.objects.bulk_create(
        Representative(organisation=o, person=p, role="primary")
        for o, p in zip(orgs, persons, strict=False)
    )
    backend = settings.AUTHENTICATION_BACKENDS[0]
    cookies = []
    for user in users:
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = backend
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
        cookies.append(store.session_key)
    assert Session.objects.count() >= organisations

    now = timezone.now()
    elections = {}
    for receipt, n in runs:
        election = services.election_create(
            actor=office_user,
            platform=platform,
            body=body,
            method="plurality",
            seats=1,
            title=f"Bench election, {n} client(s), receipt as {receipt}",
            voting_opens_at=now - datetime.timedelta(minutes=5),
            voting_closes_at=now + datetime.timedelta(hours=2),
        )
        services.election_open_nominations(actor=office_user, election=election)
        keys = []
        for org, person in list(zip(orgs, persons, strict=False))[:3]:
            nomination = services.nomination_create(
                actor=office_user, election=election, person=person, organisation=org
            )
            services.nomination_answer(actor=office_user, nomination=nomination, accept=True)
            keys.append(nomination.candidate_key)
        services.election_tellers_appoint(
            actor=office_user, election=election, users=[office_user], needed=1
        )
        shares = [services.teller_share_take(actor=office_user, election=election)]
        services.election_open_voting(actor=office_user, election=election)
        elections[(receipt, n)] = (election, keys, shares)
    # Fresh bulk inserts have no planner statistics yet; autovacuum would gather them within
    # a minute in production. Gather them now so the plans are the ones a live site gets.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return platform, office_user, [o.pk for o in orgs], cookies, elections


RECEIPT = re.compile(
    r'id="tracker">([0-9a-f-]{24})</code>.*?id="ballot-hash">([0-9a-f]{64})</code>', re.S
)


def read_receipt(status: int, text: str, receipt: str):
    """(tracker, hash) from the response: JSON for the page's script, else the receipt page."""
    if status != 200:
        return None
    if receipt == "json":
        data = json.loads(text)
        return data["tracker"], data["ballot_hash"]
    match = RECEIPT.search(text)
    return match.groups() if match else None


def run_clients(port, path, jobs, clients, deadline, receipt="page"):
    """POST every job (org id, session, choice) from ``clients`` threads; return results."""
    lock = threading.Lock()
    queue = list(enumerate(jobs))
    results = [None] * len(jobs)

    def worker():
        csrf = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
        while time.monotonic() < deadline:
            with lock:
                if not queue:
                    return
                index, (org, session, choice) = queue.pop(0)
            body = urllib.parse.urlencode(
                {"organisation": org, "choice": choice, "csrfmiddlewaretoken": csrf}
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={session}; csrftoken={csrf}",
                "Host": "127.0.0.1",
                **({"Accept": "application/json"} if receipt == "json" else {}),
            }
            started = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                html = response.read().decode()
                status = response.status
            except OSError as error:
                status, html = 0, str(error)
            finally:
                conn.close()
            elapsed = time.perf_counter() - started
            if path.endswith("/whoami/"):  # the floor: no ballot, the user's name back
                match = (html, "") if status == 200 else None
                results[index] = (status, elapsed, match, started)
                continue
            results[index] = (status, elapsed, read_receipt(status, html, receipt), started)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - began


def cpu_seconds(server_pid: int, database: str) -> dict[str, float]:
    """CPU time used so far by gunicorn's workers, this database's PostgreSQL backends and us.

    Read from /proc (Linux), so that a run can say where each ballot's CPU went.
    """
    tick = os.sysconf("SC_CLK_TCK")
    totals = {"gunicorn": 0.0, "postgres": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        used = (int(fields[11]) + int(fields[12])) / tick
        if int(fields[1]) == server_pid:
            totals["gunicorn"] += used
        elif command.startswith("postgres:") and f" {database} " in command:
            totals["postgres"] += used
    totals["client"] = time.process_time()
    return totals


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def check(election, results, organisations, shares) -> list[str]:
    from platforma.elections import services
    from platforma.elections.bulletin import verify
    from platforma.elections.models import BallotBox, Election, VoterRecord

    problems = []
    voters = VoterRecord.objects.filter(election=election).count()
    sealed = BallotBox.objects.get(pk=election.pk).count
    receipts = [r[2] for r in results if r and r[2]]
    if voters != organisations or sealed != organisations:
        problems.append(f"{voters} voter records and {sealed} sealed ballots for {organisations}")
    if len(receipts) != organisations:
        problems.append(f"{len(receipts)} receipts for {organisations} organisations")
    if problems:
        return problems
    # The ballots are sealed until the tellers' shares open them: close, then find each receipt.
    office = election.platform.roles.first().user
    closed = services.election_close(
        actor=office, election=Election.objects.get(pk=election.pk), shares=shares
    )
    on_board = {e["tracker"]: e["ballot_hash"] for e in closed.board["entries"]}
    lost = [t for t, h in receipts if on_board.get(t) != h]
    if lost:
        problems.append(f"{len(lost)} receipts without their ballot, e.g. {lost[0]}")
    if closed.board["ballots"] != organisations or closed.board["result"]["valid"] != organisations:
        problems.append("the count does not hold every ballot exactly once")
    problems += verify(closed)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--time-limit", type=float, default=300.0)
    parser.add_argument(
        "--receipts",
        nargs="+",
        choices=["json", "page"],
        default=["json", "page"],
        help="json: what the voting page's script asks for; page: the receipt page (no script)",
    )
    args = parser.parse_args()
    deadline = time.monotonic() + args.time_limit
    name = f"elect_bench_{os.getpid()}"
    admin_sql(args.pg, f'CREATE DATABASE "{name}"')
    database_url = f"{args.pg}/{name}"
    server = None
    failures = 0
    try:
        setup_django(database_url)
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", verbosity=0)
        t0 = time.perf_counter()
        runs = [(receipt, clients) for receipt in args.receipts for clients in args.clients]
        platform, _office, orgs, cookies, elections = seed(args.organisations, runs)
        print(f"seeded {len(orgs)} organisations in {time.perf_counter() - t0:.1f} s")
        connections.close_all()
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_DEBUG": "0",
            "PLATFORMA_BENCH": "1",
            "PLATFORMA_VAR_DIR": os.environ.get("PLATFORMA_VAR_DIR", str(ROOT / "var")),
        }
        server = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        print(f"gunicorn: {args.workers} sync workers on 127.0.0.1:{port}; PostgreSQL {name}")
        floor = {}
        for clients in args.clients:
            # The floor under a ballot in the same run: a logged-in POST (session, user, CSRF)
            # that does nothing else. Ballots per second can at best approach it.
            jobs = [(org, cookie, "") for org, cookie in zip(orgs, cookies, strict=False)]
            whoami = f"/en/{platform.slug}/elections/bench/whoami/"
            results, wall = run_clients(port, whoami, jobs, clients, deadline)
            ok = [r for r in results if r and r[0] == 200]
            floor[clients] = len(ok) / wall
            print(
                f"\n{clients} client(s), floor (logged-in POST, no ballot): "
                f"{floor[clients]:.0f} requests/s; p50 "
                f"{percentile([r[1] * 1000 for r in ok], 0.5):.1f} ms"
            )
        for receipt, clients in runs:
            election, keys, shares = elections[(receipt, clients)]
            path = f"/en/{platform.slug}/elections/{election.pk}/vote/"
            jobs = [
                (org, cookie, keys[i % 3])
                for i, (org, cookie) in enumerate(zip(orgs, cookies, strict=False))
            ]
            before = cpu_seconds(server.pid, name)
            results, wall = run_clients(port, path, jobs, clients, deadline, receipt)
            after = cpu_seconds(server.pid, name)
            done = [r for r in results if r is not None]
            ok = [r for r in done if r[0] == 200 and r[2]]
            latencies = [r[1] * 1000 for r in ok]
            print(
                f"\n{clients} client(s), receipt as {receipt}: {len(ok)}/{len(jobs)} ballots in "
                f"{wall:.2f} s = {len(ok) / wall:.0f} ballots/s; latency p50 "
                f"{percentile(latencies, 0.5):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms"
                f" ({len(ok) / wall / floor[clients]:.2f} of the floor)"
            )
            if ok:
                print(
                    "  CPU per ballot: "
                    + ", ".join(
                        f"{part} {(after[part] - before[part]) * 1000 / len(ok):.1f} ms"
                        for part in ("gunicorn", "postgres", "client")
                    )
                )
            by_time = [r[1] * 1000 for r in sorted(ok, key=lambda r: r[3])]
            quarter = max(1, len(by_time) // 4)
            slices = [by_time[i : i + quarter] for i in range(0, quarter * 4, quarter)]
            print(
                "  p50 / p95 per quarter of the run: "
                + "; ".join(
                    f"{statistics.median(s):.1f} / {percentile(s, 0.95):.1f} ms"
                    for s in slices
                    if s
                )
            )
            problems = check(election, results, len(jobs), shares)
            print(
                "  check: every ballot counted once, none lost; board verifies"
                if not problems
                else "  CHECK FAILED: " + "; ".join(problems[:5])
            )
            failures += bool(problems)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        from django.db import connections

        connections.close_all()
        admin_sql(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
