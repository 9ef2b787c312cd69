"""The API's routers, one module per domain, mounted in this order (prefix, router)."""

from __future__ import annotations

from ninja import Router

from . import (
    activities,
    elections,
    forum,
    governance,
    me,
    meetings,
    members,
    outreach,
    platforms,
    publications,
    reports,
    workinggroups,
)

ROUTERS: list[tuple[str, Router]] = [
    ("", platforms.router),
    ("", members.router),
    ("", workinggroups.router),
    ("", governance.router),
    ("", meetings.router),
    ("", forum.router),
    ("", elections.router),
    ("", activities.router),
    ("", publications.router),
    ("", outreach.router),
    ("", reports.router),
    ("", me.router),
]
