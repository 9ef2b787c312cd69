"""The API's test world: the permission walk's world (the demo platform, another platform, a
user of each role) and a read-only and a read-write personal token for each signed-in role."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from platforma.accounts.services import api_token_create
from platforma.core.tests.conftest import world  # noqa: F401 - the fixture, shared

ROLES = ("anonymous", "representative", "other_secretariat", "secretariat", "forum")


@pytest.fixture
def tokens(world):  # noqa: F811 - the fixture imported above
    """role -> {"read": secret, "write": secret}; anonymous -> {"read": None, "write": None}."""
    users, _data = world
    expires = timezone.localdate() + datetime.timedelta(days=30)
    found: dict[str, dict[str, str | None]] = {"anonymous": {"read": None, "write": None}}
    for role in ROLES[1:]:
        found[role] = {
            scope: api_token_create(
                actor=users[role], name=f"{role} {scope}", scope=scope, expires_on=expires
            )[1]
            for scope in ("read", "write")
        }
    return found


def auth(secret: str | None) -> dict[str, str]:
    """The headers of a call with ``secret`` (none: anonymous)."""
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}


@pytest.fixture
def call(client, tokens):
    """``call("get", "/api/v1/...", role="secretariat", scope="read", data=None)`` → response."""

    def _call(method, path, *, role="anonymous", scope="write", data=None, **extra):
        headers = {**auth(tokens[role][scope]), **extra}
        do = getattr(client, method.lower())
        if data is None:
            return do(path, **headers)
        return do(path, data=data, content_type="application/json", **headers)

    return _call
