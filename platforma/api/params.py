"""Parameters shared by the operations, bounded so that no input reaches the database as
something it cannot hold (an id past 32 bits, a NUL character): such input is a 400."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.utils import timezone
from ninja import Path
from pydantic import Field, StringConstraints

MAX_ID = 2**31 - 1
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"

# A platform's slug in a path: "azerbaijan", "forum".
PlatformSlug = Annotated[
    str, Path(..., pattern=SLUG_PATTERN, max_length=50, description="The platform's slug.")
]
# Free text in a query (a search): no control character, at most 200 characters.
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f]*$")]
Slug = Annotated[str, StringConstraints(max_length=100, pattern=SLUG_PATTERN)]
Year = Annotated[int, Field(ge=1900, le=2200)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def object_id(description: str = "The object's id.") -> Any:
    """A path id: ``pk: int = object_id()``."""
    return Path(..., ge=1, le=MAX_ID, description=description)


def aware(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A moment from a query: one without a time zone is read in UTC."""
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment, datetime.UTC)
