"""Every operation of the API with every role, through a read-and-write token: who gets it, who
must sign in (401), who finds nothing (404). An operation of the spec without a row fails
``test_every_operation_is_in_the_matrix``, so none escapes the permission review. Every
operation with an object id of the demo platform is also tried by another platform's
secretariat with its own platform in the address: 404."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from platforma.api.main import api

from . import matrix
from .matrix import NOT_FOUND, ROLES

pytestmark = pytest.mark.django_db


def _rows() -> dict[str, matrix.Row]:
    rows: dict[str, matrix.Row] = {}
    package = importlib.import_module("platforma.api.tests")
    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("rows_"):
            found = importlib.import_module(f"platforma.api.tests.{module.name}").ROWS
            assert not set(found) & set(rows), f"{module.name} repeats rows"
            rows.update(found)
    return rows


ROWS = _rows()


def _operations() -> dict[str, tuple[str, str]]:
    """operation id -> (method, path template) from the live spec."""
    spec = api.get_openapi_schema()
    return {
        operation["operationId"]: (method, path)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    }


def test_every_operation_is_in_the_matrix():
    operations = _operations()
    assert sorted(set(operations) - set(ROWS)) == []
    assert sorted(set(ROWS) - set(operations)) == [], "rows of operations that do not exist"
    wrong = [
        (name, row.method, operations[name][0])
        for name, row in ROWS.items()
        if row.method != operations[name][0]
    ]
    assert wrong == []


def _wanted(expected, role):
    want = expected[role]
    return want if isinstance(want, set) else {want}


def test_operations_by_role(world, call):
    _users, data = world
    wrong = []
    for name, row in sorted(ROWS.items()):
        path = row.path(data)
        for role in ROLES:
            body = row.body(data) if row.body else None
            response = call(row.method, path, role=role, data=body)
            if response.status_code not in _wanted(row.expect, role):
                wrong.append((name, role, row.expect[role], response.status_code))
            elif response.status_code >= 400:
                assert response["Content-Type"].startswith("application/json"), (name, role)
                assert "message" in response.json(), (name, role)
    assert wrong == []


def test_another_platforms_secretariat_with_its_own_slug_finds_nothing(world, call):
    """The address with Armenia's slug and our objects' ids: 404 for Armenia's secretariat."""
    _users, data = world
    wrong = []
    for name, row in sorted(ROWS.items()):
        path = row.path(data)
        if "/platforms/azerbaijan/" not in path or not any(p.isdigit() for p in path.split("/")):
            continue
        if row.expect["other_secretariat"] != NOT_FOUND:
            continue
        body = row.body(data) if row.body else None
        moved = path.replace("/platforms/azerbaijan/", "/platforms/armenia/")
        response = call(row.method, moved, role="other_secretariat", data=body)
        if response.status_code != NOT_FOUND:
            wrong.append((name, response.status_code))
    assert wrong == []
