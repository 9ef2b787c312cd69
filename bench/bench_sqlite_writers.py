#!/usr/bin/env python
"""Registrations per second on SQLite with the writer queue and with Django's own backend.

The writer queue (``platforma.core.db.sqlite``) makes concurrent writers wait in turn on a file
lock instead of SQLite's sleep-and-retry busy handler. It overrides private methods of Django's
backend, so it stays only if it is clearly better (issue 17: at least 1.3x) than Django's
``"transaction_mode": "IMMEDIATE"`` with the same busy timeout.

One database (the activities benchmark's: 3000 activities, 40 members), one gunicorn at a time
(4 sync workers), the real registration POST through wrk. The two backends take turns —
queue, Django, queue, Django — so that a machine that gets busier or quieter during the run
weighs on both alike; the ratio is of the sums.

Usage: .venv/bin/python bench/bench_sqlite_writers.py [--rounds 2] [--duration 8]
       [--connections 8 32] [--events 3000]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_activities import GUNICORN, LUA, PYTHON, ROOT, SETUP, _setup, run, wait_for, wrk  # noqa: E402

MODES = {"queue": "1", "django": "0"}


def serve(env: dict, mode: str, port: int, workers: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            GUNICORN,
            "config.wsgi:application",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env={**env, "PLATFORMA_SQLITE_WRITER_QUEUE": MODES[mode]},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--duration", type=int, default=8, choices=range(1, 11))
    parser.add_argument("--connections", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8017)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    tmp = Path(tempfile.mkdtemp(prefix="bench-sqlite-"))
    env = {
        **os.environ,
        "PLATFORMA_VAR_DIR": str(tmp),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # One client sends every registration: lift the per-client hourly limit (activities).
        "PLATFORMA_REGISTRATION_PER_CLIENT_HOUR": "1000000000",
    }
    env.pop("DATABASE_URL", None)
    totals = {(mode, c): [] for mode in MODES for c in args.connections}
    try:
        print(f"Building {args.events} activities in {tmp / 'platforma.sqlite3'}")
        run([PYTHON, "manage.py", "migrate", "-v0", "--skip-checks"], env)
        script = tmp / "setup.py"
        script.write_text(SETUP)
        ids = dict(re.findall(r"(\w+)=(\d+)", _setup(env, script, args.events)))
        lua = tmp / "register.lua"
        lua.write_text(LUA)
        base = f"http://127.0.0.1:{args.port}/en/bench/activities"
        url = f"{base}/{ids['REGISTER']}/register/"
        for round_ in range(1, args.rounds + 1):
            for mode in MODES:
                server = serve(env, mode, args.port, args.workers)
                try:
                    wait_for(f"{base}/{ids['PAGE']}/")
                    subprocess.run(
                        ["wrk", "-t2", "-c8", "-d2s", "-s", str(lua), url],
                        capture_output=True,
                        check=True,
                    )  # warm-up
                    for connections in args.connections:
                        r = wrk(url, args, connections, str(lua), server.pid)
                        totals[(mode, connections)].append(r)
                        print(
                            f"round {round_} {mode:<7} {connections:>3} conns: "
                            f"{r['rps']:7.1f} registrations/s, p50 {r['p50']:7.2f} ms, "
                            f"p99 {r['p99']:8.2f} ms, errors {r['errors']} {r['socket']}"
                        )
                finally:
                    os.killpg(server.pid, signal.SIGTERM)
                    server.wait(timeout=10)
        print()
        for connections in args.connections:
            queue = sum(r["rps"] for r in totals[("queue", connections)])
            django = sum(r["rps"] for r in totals[("django", connections)])
            print(
                f"{connections:>3} connections: queue {queue / args.rounds:.1f}/s, "
                f"Django's backend {django / args.rounds:.1f}/s, ratio {queue / django:.2f}x "
                f"(keep the queue if >= 1.3x)"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
