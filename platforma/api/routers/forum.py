"""The Forum's public records, as its pages show them: the Steering Committee and the
platforms' key figures of a year."""

# No ``from __future__ import annotations``: ninja reads the parameters of a paginated
# operation from its wrapper, which cannot resolve annotations given as strings.

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import Field

from platforma.core.models import today_in
from platforma.forum import selectors
from platforma.forum.permissions import forum_or_404
from platforma.governance.selectors import CommitteeSeat, steering_committee

from ..pagination import Pages
from ..params import Year
from ..schemas import answers

router = Router(tags=["forum"])

COUNTRY_FACILITATORS = "country_facilitators"
# As the Committee's page: any day of the Forum's history, and up to five years ahead.
EARLIEST = datetime.date(2009, 1, 1)


class SeatOut(Schema):
    person: str
    part: str  # "country_facilitators" or the kind of the Forum office held
    seat: str  # "Country Facilitator" or the office's name
    platform: str | None  # a Country Facilitator's platform (slug)
    platform_name: str | None
    forum_working_group: int | None  # the number of the Forum working group of the office
    organisation: str | None
    since: datetime.date
    until: datetime.date | None


class CommitteeQuery(Schema):
    on: datetime.date | None = Field(
        None, description="The day (YYYY-MM-DD, 2009 to five years ahead); today by default."
    )


def _seat(seat: CommitteeSeat) -> dict[str, Any]:
    mandate = seat.mandate
    office = mandate.office
    facilitator = seat.part == COUNTRY_FACILITATORS
    group = office.working_group.forum_group if office.working_group else None
    return {
        "person": mandate.person.full_name,
        "part": seat.part,
        "seat": _("Country Facilitator") if facilitator else office.name,
        "platform": office.platform.slug if facilitator else None,
        "platform_name": office.platform.name if facilitator else None,
        "forum_working_group": group.number if group and not facilitator else None,
        "organisation": mandate.organisation.display_name if mandate.organisation_id else None,
        "since": mandate.starts_on,
        "until": mandate.ends_on,
    }


@router.get(
    "/forum/steering-committee",
    response=answers(list[SeatOut]),
    summary="The Forum's Steering Committee on a day, as its statute composes it",
    operation_id="forum_steering_committee",
)
@paginate(Pages)
def forum_steering_committee(request: HttpRequest, query: Query[CommitteeQuery]):
    forum = forum_or_404()
    today = today_in(forum)
    day = query.on or today
    latest = today + datetime.timedelta(days=5 * 365)
    if not EARLIEST <= day <= latest:
        raise HttpError(400, _("Dates from 2009 to five years ahead can be shown."))
    return [_seat(seat) for seat in steering_committee(day, forum=forum)]


class FiguresOut(Schema):
    platform: str  # slug
    platform_name: str
    is_forum: bool  # the Forum's own row: its direct (EU-side) members
    year: int
    members: int  # in good standing today
    working_groups: int
    activities: int  # public activities of the year
    publications: int  # public publications of the year


class FiguresQuery(Schema):
    year: Year | None = Field(None, description="The year of the activities and publications.")


@router.get(
    "/forum/figures",
    response=answers(list[FiguresOut]),
    summary="Each platform's key figures of a year, as the Forum's home page shows them",
    operation_id="forum_figures",
)
@paginate(Pages)
def forum_figures(request: HttpRequest, query: Query[FiguresQuery]):
    forum = forum_or_404()
    year = query.year or today_in(forum).year
    return [
        {
            "platform": f.platform.slug,
            "platform_name": f.platform.name,
            "is_forum": f.platform.is_forum,
            "year": year,
            "members": f.members,
            "working_groups": f.working_groups,
            "activities": f.activities,
            "publications": f.publications,
        }
        for f in selectors.platform_figures(selectors.every_platform(), year)
    ]
