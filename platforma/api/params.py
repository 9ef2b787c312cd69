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
    """A moment from a query, in UTC: one without a time zone is read in UTC. A moment before
    1900 or after 2200 is refused (400): PostgreSQL cannot compare every offset of the year 32,
    and no record of the site is that old."""
    if moment is None:
        return None
    if timezone.is_aware(moment):
        moment = moment.astimezone(datetime.UTC)
    else:
        moment = timezone.make_aware(moment, datetime.UTC)
    if not 1900 <= moment.year <= 2200:
        raise ValidationError({field: [_("A moment between the years 1900 and 2200.")]})
    return moment
