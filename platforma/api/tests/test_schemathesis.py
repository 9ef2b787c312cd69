"""schemathesis against the live spec, for every operation: anonymously, and with a read-only
and a read-and-write token of the platform's secretariat (the widest rights of a platform).

For each operation it generates valid input (positive) and invalid input (negative), both with
any path parameters and with the demo's real objects (taken from the permission matrix's rows),
and checks every answer: no server error, a status and a content type the spec lists, a body
that matches the spec's schema, invalid input refused with a 4xx, and, for anonymous callers,
no private value (a person's e-mail or phone, an organisation's unpublished address, a secret
link's token) anywhere in the answer.

Examples are derandomised, so a run is repeatable; PLATFORMA_API_FUZZ_EXAMPLES (default 12)
sets the number of examples per operation, mode and caller.
"""

from __future__ import annotations

import os
import re

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from .test_api_matrix import ROWS

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("PLATFORMA_API_FUZZ_EXAMPLES", "12"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def private_values() -> set[str]:
    """Values that no anonymous answer may contain."""
    from platforma.activities.models import Registration
    from platforma.core.models import Person
    from platforma.members.models import Application, Organisation
    from platforma.publications.models import Stakeholder

    values: set[str] = set()
    for email, phone in Person.objects.values_list("email", "phone"):
        values |= {email, phone}
    for email, phone in Stakeholder.objects.values_list("email", "phone"):
        values |= {email, phone}
    for email, phone in Application.objects.values_list("contact_email", "contact_phone"):
        values |= {email, phone}
    values |= set(Registration.objects.values_list("email", flat=True))
    values |= set(Registration.objects.values_list("token", flat=True))
    values |= set(Application.objects.values_list("token", flat=True))
    values |= set(Organisation.objects.filter(public_email=False).values_list("email", flat=True))
    values |= set(Organisation.objects.filter(public_phone=False).values_list("phone", flat=True))
    return {v for v in values if v and len(v) >= 6}


def _real_parameters(template: str, path: str) -> dict[str, str]:
    """The path parameters of the matrix row's address ``path`` for ``template``."""
    pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(template))
    found = re.fullmatch(pattern, path)
    return found.groupdict() if found else {}


@pytest.fixture
def connections_kept():
    """Django's WSGI handler closes the database connection after each request; inside the
    test's transaction that would end it (PostgreSQL). Django's test client does the same."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _fuzz(strategy, checks, headers, private) -> int:
    """Run ``strategy``'s examples through the app; the number of calls made."""
    calls = 0

    @given(case=strategy)
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        nonlocal calls
        response = case.call(headers=headers)
        calls += 1
        case.validate_response(response, checks=checks, headers=headers)
        if private:
            leaked = [v for v in private if v in response.text]
            assert leaked == [], f"{case.method} {case.formatted_path}: {leaked}"

    run()
    return calls


@pytest.mark.parametrize("caller", ["anonymous", "read", "write"])
def test_the_api_against_its_spec(world, tokens, settings, caller, connections_kept):
    settings.PLATFORMA_API_RATE = settings.PLATFORMA_API_ANONYMOUS_RATE = ""  # 429s hide bugs
    _users, data = world
    secret = None if caller == "anonymous" else tokens["secretariat"][caller]
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    private = private_values() if caller == "anonymous" else set()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        row = ROWS.get(operation.definition.raw.get("operationId", ""))
        real = _real_parameters(operation.path, row.path(data)) if row else {}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for parameters in ({}, real) if real else ({},):
                if mode is GenerationMode.NEGATIVE and parameters:
                    continue  # invalid input with valid addresses: the first pass covers it
                checks = [*CHECKS]
                if mode is GenerationMode.NEGATIVE:
                    checks.append(negative_data_rejection)
                strategy = operation.as_strategy(
                    generation_mode=mode, path_parameters=parameters or None
                )

                calls += _fuzz(strategy, checks, headers, private)
    assert calls > 0
