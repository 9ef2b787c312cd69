#!/usr/bin/env python
"""Speed of an activity's public page and of registrations, beside a hello-world view.

Builds a throw-away database (SQLite in a temporary directory, or PostgreSQL with
``--database-url``) with a few thousand activities, starts gunicorn (4 sync workers) on
127.0.0.1, and runs wrk (10 s per target, loopback only) against:

- ``hello``: ``bench-hello``, a plain-text view (in ``config.urls_bench``, with PLATFORMA_BENCH=1);
- ``page``: one activity's public page (the full template, counts, participants, form);
- ``register``: the real registration form POST (CSRF on: the Lua script sends a
  ``csrftoken`` cookie and the same 32-character value as ``csrfmiddlewaretoken``, which
  Django accepts as an unmasked token), each request with a new e-mail address, an unlimited
  capacity so every request is a successful registration + audit entry + e-mail (console
  backend, discarded) + 302 redirect.

Prints requests per second, p50 and p99 for each, and the ratios to hello-world and to
Indico 3.3 on this kind of machine (40 page requests/s, 46 registrations/s with 4 workers).

Usage: .venv/bin/python bench/bench_activities.py [--events 3000] [--duration 10]
       [--connections 32 8] [--port 8016] [--database-url postgresql://...]

Each target runs once per connection count. With more connections than workers, the extra
requests wait in the listen queue, and by Little's law the mean latency is connections ÷
throughput whatever the server does (32 ÷ 400 req/s = 80 ms): the run at 8 connections (two
per worker) shows the latency of the work itself, the run at 32 what a queue of visitors sees.
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
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
INDICO = {"page": 40.0, "register": 46.0}
GOALS = {"page": 10, "register": 5}
CSRF = "benchBENCHbench0123456789abcdefX"  # 32 characters, as Django's secret

SETUP = textwrap.dedent(
    """
    import datetime, sys
    from django.utils import timezone
    from platforma.activities import services
    from platforma.activities.models import Event
    from platforma.core import services as core
    from platforma.testing.factories import MembershipFactory, OrganisationFactory

    n = int(sys.argv[-1])
    who = {"actor": None, "actor_label": "bench"}
    platform = core.platform_create(slug="bench", country_code="XX", name_en="Bench Platform",
                                    country_en="Benchland", time_zone="Asia/Baku", **who)
    for _ in range(40):
        MembershipFactory(platform=platform, organisation=OrganisationFactory())
    start = timezone.now() - datetime.timedelta(days=n)
    # Filler rows in bulk (a fixture, not a domain write); the two measured events and all
    # registrations go through the services.
    Event.objects.bulk_create(
        Event(platform=platform, kind="workshop", title_en=f"Workshop {i}", city_en="Baku",
              description_en="Filler activity. " * 20, aims_en="Aims. " * 10,
              starts_at=start + datetime.timedelta(days=i),
              ends_at=start + datetime.timedelta(days=i, hours=6), time_zone="Asia/Baku",
              recorded_count=20 + i % 10)
        for i in range(n)
    )
    soon = timezone.now() + datetime.timedelta(days=30)
    common = dict(platform=platform, kind="workshop", city_en="Baku", venue_en="Hall",
                  description_en="A workshop of the benchmark. " * 10, aims_en="To measure. " * 10,
                  starts_at=soon, ends_at=soon + datetime.timedelta(hours=6),
                  registration_enabled=True, **who)
    page = services.event_create(title_en="Measured page", capacity=60, **common)
    for i in range(50):
        services.registration_create(event=page, name=f"Participant {i}", notify=False,
                                     email=f"p{i}@example.org", consent_public=i % 2 == 0, **who)
    register = services.event_create(title_en="Measured registration", capacity=None, **common)
    print(f"PAGE={page.pk} REGISTER={register.pk} EVENTS={Event.objects.count()}")
    """
)

LUA = textwrap.dedent(
    """
    local counter = 0
    local threads = {}
    function setup(thread)
      thread:set("id", #threads + 1)
      table.insert(threads, thread)
    end
    function init(args)
      -- Each run (the warm-up too) writes new addresses: a repeated one would be refused.
      math.randomseed(os.time() * 1000 + id)
      run = os.time()
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
      wrk.headers["Cookie"] = "csrftoken=%(csrf)s"
    end
    function request()
      counter = counter + 1
      local body = "csrfmiddlewaretoken=%(csrf)s&name=Bench+User&organisation_name=Bench+NGO" ..
        "&email=t" .. run .. "-" .. id .. "-" .. counter .. "-" .. math.random(1, 1000000000) ..
        "%%40example.org"
      return wrk.format(nil, nil, nil, body)
    end
    """
) % {"csrf": CSRF}


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url}")


def parse_ms(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if match is None:
        raise SystemExit(f"wrk printed a latency this script does not read: {text!r}")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def workers_cpu(master: int) -> float:
    """CPU seconds used so far by the gunicorn workers of ``master`` (from /proc, Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wrk(url: str, args, connections: int, script: str | None = None, master: int = 0) -> dict:
    threads = min(args.threads, connections)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{args.duration}s", "--latency"]
    if script:
        cmd += ["-s", script]
    before = workers_cpu(master) if master else 0.0
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    used = workers_cpu(master) - before if master else 0.0
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = parse_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: (.*)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {
        "cpu_ms": used * 1000 / requests if requests else 0.0,
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
        "socket": socket.group(1) if socket else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--duration", type=int, default=10, choices=range(1, 11))
    parser.add_argument("--connections", type=int, nargs="+", default=[32, 8])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8016)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default throw-away SQLite")
    parser.add_argument(
        "--log", default="", help="write gunicorn's access and error log to this file"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")

    tmp = Path(tempfile.mkdtemp(prefix="bench-activities-"))
    env = {
        **os.environ,
        "PLATFORMA_VAR_DIR": str(tmp),
        "PLATFORMA_BENCH": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "ERROR",
        # One client sends every registration: lift the per-client hourly limit (activities).
        "PLATFORMA_REGISTRATION_PER_CLIENT_HOUR": "1000000000",
    }
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    else:
        env.pop("DATABASE_URL", None)
    server = None
    try:
        print(
            f"Building {args.events} activities in {args.database_url or tmp / 'platforma.sqlite3'}"
        )
        run([PYTHON, "manage.py", "migrate", "-v0", "--skip-checks"], env)
        script = tmp / "setup.py"
        script.write_text(SETUP)
        out = _setup(env, script, args.events)
        ids = dict(re.findall(r"(\w+)=(\d+)", out))
        lua = tmp / "register.lua"
        lua.write_text(LUA)
        server = subprocess.Popen(
            [
                GUNICORN,
                "config.wsgi:application",
                "-w",
                str(args.workers),
                "-b",
                f"127.0.0.1:{args.port}",
                "--log-level",
                "warning",
                *(["--access-logfile", args.log, "--error-logfile", args.log] if args.log else []),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{args.port}/en/bench/activities"
        targets = {
            "hello": (f"{base}/bench/hello/", None),
            "page": (f"{base}/{ids['PAGE']}/", None),
            "register": (f"{base}/{ids['REGISTER']}/register/", str(lua)),
        }
        wait_for(targets["hello"][0])
        wait_for(targets["page"][0])
        for url, lua_script in targets.values():  # warm every worker up
            subprocess.run(
                ["wrk", "-t2", "-c8", "-d2s"] + (["-s", lua_script] if lua_script else []) + [url],
                capture_output=True,
                check=True,
            )
        results = {
            (name, connections): wrk(url, args, connections, lua_script, server.pid)
            for connections in args.connections
            for name, (url, lua_script) in targets.items()
        }
        report(results, args, ids, env)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def _setup(env, script: Path, events: int) -> str:
    runner = (
        "import django, sys; django.setup(); "
        f"sys.argv.append({str(events)!r}); exec(open({str(script)!r}).read())"
    )
    return run([PYTHON, "-c", runner], env, capture_output=True).stdout


def report(results: dict, args, ids: dict, env: dict) -> None:
    database = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite (WAL)"
    print(
        f"\n{ids['EVENTS']} activities · {database} · gunicorn {args.workers} sync workers · "
        f"wrk up to {args.threads} threads, {args.duration} s a run\n"
    )
    header = (
        f"{'target':<10}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'vs hello':>10}"
        f"{'vs Indico':>11}{'CPU ms':>8}  goal"
    )
    print(header)
    print("-" * len(header))
    for (name, connections), r in results.items():
        hello = results[("hello", connections)]["rps"]
        vs_hello = f"{r['rps'] / hello:.2f}x"
        if name in INDICO:
            ratio = r["rps"] / INDICO[name]
            vs_indico = f"{ratio:.1f}x"
            goal = f"{GOALS[name]}x Indico and p99 < 100 ms: " + (
                "met" if ratio >= GOALS[name] and r["p99"] < 100 else "NOT met"
            )
        else:
            vs_indico, goal = "", ""
        figures = f"{connections:>6}{r['rps']:>10.1f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
        cpu = f"{r['cpu_ms']:.2f}"
        print(f"{name:<10}{figures}{vs_hello:>10}{vs_indico:>11}{cpu:>8}  {goal}")
        if r["errors"] or r["socket"]:
            print(f"          errors: {r['errors']} non-2xx/3xx; socket: {r['socket'] or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
