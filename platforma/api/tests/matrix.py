"""The API's permission matrix: every operation of the spec with what each role gets.

Each domain keeps its rows in ``platforma/api/tests/rows_<domain>.py`` (a dict ``ROWS``:
operation id -> :class:`Row`); ``test_api_matrix.py`` merges them and fails for an operation of
the spec without a row. Calls are made with each role's read-and-write token.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

ROLES = ("anonymous", "representative", "other_secretariat", "secretariat", "forum")
OK, UNAUTHORIZED, FORBIDDEN, NOT_FOUND = 200, 401, 403, 404

# Public reads: anyone.
PUBLIC = dict.fromkeys(ROLES, OK)
# The secretariat's reads (of the demo platform "azerbaijan").
OFFICE = {
    "anonymous": UNAUTHORIZED,
    "representative": NOT_FOUND,
    "other_secretariat": NOT_FOUND,
    "secretariat": OK,
    "forum": OK,
}
# Any signed-in caller (about themselves, e.g. their own organisation or registrations).
SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": UNAUTHORIZED}


@dataclass
class Row:
    path: Callable[[dict[str, Any]], str]  # the address, built from the world's data
    expect: Mapping[str, int | set[int]]  # role -> status (or the statuses accepted)
    method: str = "get"
    body: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    # Roles whose call needs the world's objects afresh (a write that a role before changed).
    notes: str = field(default="")
