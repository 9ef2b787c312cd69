"""The API's routers, one module per domain, mounted in this order (prefix, router).

A router module with a paginated operation that takes parameters must not use
``from __future__ import annotations``: django-ninja's ``@paginate`` reads the parameters'
annotations at import, and as strings they leave its schema "not fully defined" (the spec, and
every call, would fail).
"""

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
