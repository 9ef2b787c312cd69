"""Parameters shared by the operations, bounded so that no input reaches the database as
something it cannot hold (an id past 32 bits, a NUL character): such input is a 400."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
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


def aware(
    moment: datetime.datetime | None, field: str = "updated_since"
) -> datetime.datetime | None:
    """A moment from a query, in UTC (one without a time zone is read in UTC). Sent on in UTC:
    PostgreSQL refuses some offsets of early years (e.g. -18:16 in the year 32) and would abort
    the transaction. A moment with no UTC equivalent (the year 1 east of Greenwich) is a 400."""
    if moment is None:
        return None
    try:
        if timezone.is_aware(moment):
            return moment.astimezone(datetime.UTC)
        return timezone.make_aware(moment, datetime.UTC)
    except OverflowError:
        raise ValidationError({field: [_("Not a moment the site can compare.")]}) from None
