"""What every operation may answer besides its own result: errors as JSON, and pages of rows."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field


class Error(Schema):
    """Every error: a sentence for people, and per input field what is wrong with it."""

    message: str = Field(description="What went wrong, in the request's language.")
    fields: dict[str, list[str]] = Field(
        default_factory=dict,
        description="For bad input: each field's problems (query, path and body fields).",
    )


# The errors any operation may answer; documented on every operation (see ``answers``).
ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error, 429: Error}


def answers(schema: Any, status: int = 200) -> dict[int, Any]:
    """The responses of an operation: ``schema`` for ``status``, and the common errors."""
    return {status: schema, **ERRORS}
