"""Elections: public, as the website's election pages show them (drafts are not found).

The result (elected, rounds, transfers) and the bulletin board appear only once the board is
public - when the vote has closed, as on the election page ("provisional" until published);
before then nothing of the count exists outside the sealed ballots.
"""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# parameters' annotations where the names are not defined (a 500 at the first call).

import datetime
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from platforma.elections import selectors as sel
from platforma.elections.models import Election, Nomination
from platforma.elections.presentation import result_table

from ..access import public_platform
from ..pagination import Pages
from ..params import PlatformSlug, Year, aware, object_id
from ..schemas import answers

router = Router(tags=["elections"])

# The states the public sees (a draft is nobody's business but the secretariat's).
PUBLIC_STATE_VALUES = tuple(str(s) for s in sel.PUBLIC_STATES)
ElectionState = Annotated[
    str,
    Field(
        pattern="^(" + "|".join(PUBLIC_STATE_VALUES) + ")$",
        json_schema_extra={"enum": list(PUBLIC_STATE_VALUES)},
    ),
]


class ElectionFilters(Schema):
    year: Year | None = Field(None, description="Elections whose voting opens in this year.")
    state: ElectionState | None = Field(None, description="Only elections in this state.")
    updated_since: datetime.datetime | None = Field(
        None, description="Changed at or after this moment (no time zone: UTC)."
    )


class ElectionOut(Schema):
    id: int
    title: str
    body: str
    office: str | None
    method: str
    method_label: str
    seats: int
    state: str
    state_label: str
    voting_opens_at: datetime.datetime
    voting_closes_at: datetime.datetime
    result_public: bool = Field(description="The result and the board may be read (closed).")
    result_published: bool = Field(description="The secretariat has published the result.")
    published_at: datetime.datetime | None
    updated_at: datetime.datetime


class CandidateOut(Schema):
    key: str = Field(description="The candidate's key on the ballots and the board.")
    name: str
    organisation: str
    nominated_by: str | None = Field(description="The nominating organisation (none: self).")
    acceptance: str | None = Field(description="While nominations are open: the answer.")
    on_ballot: bool


class TurnoutOut(Schema):
    voted: int
    electorate: int


class RoundOut(Schema):
    number: int
    tallies: dict[str, str] = Field(description="Votes per candidate key, as the page shows.")
    elected: list[str]
    excluded: list[str]
    exhausted: str
    transfers: list[dict[str, Any]] = Field(
        description="Transfers as the board records them (candidate keys, values as text)."
    )
    note: str


class ElectionResultOut(Schema):
    final: bool = Field(description="Published (else provisional: closed, not yet published).")
    elected: list[str] = Field(description="The candidate keys elected, in order.")
    elected_names: list[str]
    valid: int
    blank: int
    invalid: int
    quota: str | None
    second_round: list[str] = Field(description="Candidate keys going to a second round.")
    rounds: list[RoundOut]
    board_head: str = Field(description="The last hash of the bulletin board.")


class ElectionDetailOut(ElectionOut):
    term_starts_on: datetime.date | None
    meeting: str | None
    key_fingerprint: str = Field(description="SHA-256 of the ballot box's public key, or empty.")
    first_round: int | None = Field(description="The public first round's id (a second round).")
    second_round: int | None = Field(description="The public second round's id, if held.")
    turnout: TurnoutOut | None = Field(description="Once the roll is taken, as the page.")
    candidates: list[CandidateOut]
    result: ElectionResultOut | None = Field(description="Once the vote has closed, as the page.")


def _summary(election: Election) -> dict[str, Any]:
    return {
        "id": election.pk,
        "title": election.title,
        "body": str(election.body.name),
        "office": str(election.office.name) if election.office is not None else None,
        "method": election.method,
        "method_label": str(election.get_method_display()),
        "seats": election.seats,
        "state": election.state,
        "state_label": str(election.get_state_display()),
        "voting_opens_at": election.voting_opens_at,
        "voting_closes_at": election.voting_closes_at,
        "result_public": election.state in (Election.State.CLOSED, Election.State.PUBLISHED),
        "result_published": election.state == Election.State.PUBLISHED,
        "published_at": election.published_at,
        "updated_at": election.updated_at,
    }


def _public_election(platform: str, pk: int) -> Election:
    election = sel.public_election_at(platform, pk)
    if election is None:
        raise Http404("No such election")
    return election


@router.get(
    "/platforms/{platform}/elections",
    response=answers(list[ElectionOut]),
    summary="The platform's elections past their draft, newest first, as the website's list",
    operation_id="election_list",
)
@paginate(Pages)
def election_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[ElectionFilters]
) -> list[dict[str, Any]]:
    site = public_platform(platform)
    # As the page: no board (every ballot) read for a list.
    elections: QuerySet[Election] = sel.public_elections(site).defer("board")
    if filters.year is not None:
        elections = elections.filter(voting_opens_at__year=filters.year)
    if filters.state:
        elections = elections.filter(state=filters.state)
    since = aware(filters.updated_since)
    if since is not None:
        elections = elections.filter(updated_at__gte=since)
    return _Rows(elections)  # type: ignore[return-value]


class _Rows:
    """The queryset, sliced by the paginator, each row turned into its summary."""

    def __init__(self, queryset: QuerySet[Election]) -> None:
        self.queryset = queryset

    def __getitem__(self, item: slice) -> list[dict[str, Any]]:
        return [_summary(e) for e in self.queryset[item]]

    def __len__(self) -> int:
        return self.queryset.count()


def _candidate(nomination: Nomination, nominating: bool) -> dict[str, Any]:
    return {
        "key": nomination.candidate_key,
        "name": nomination.person.full_name,
        "organisation": str(nomination.organisation),
        "nominated_by": str(nomination.nominated_by) if nomination.nominated_by_id else None,
        "acceptance": nomination.acceptance if nominating else None,
        "on_ballot": nomination.on_ballot,
    }


def _result(election: Election, names: dict[str, str]) -> dict[str, Any] | None:
    if not election.board_is_public or election.board is None:
        return None
    table = result_table(election.board, names)
    result = table.result
    return {
        "final": election.state == Election.State.PUBLISHED,
        "elected": list(result["elected"]),
        "elected_names": table.elected,
        "valid": int(result["valid"]),
        "blank": int(result["blank"]),
        "invalid": int(result["invalid"]),
        "quota": str(result["quota"]) if result.get("quota") else None,
        "second_round": list(result.get("second_round") or []),
        "rounds": [
            {
                "number": int(raw["number"]),
                "tallies": {key: str(value) for key, value in raw["tallies"].items()},
                "elected": list(raw["elected"]),
                "excluded": list(raw["excluded"]),
                "exhausted": str(raw["exhausted"]),
                "transfers": list(raw["transfers"]),
                "note": str(raw.get("note") or ""),
            }
            for raw in result["rounds"]
        ],
        "board_head": election.board_head,
    }


@router.get(
    "/platforms/{platform}/elections/{pk}",
    response=answers(ElectionDetailOut),
    summary="An election: its candidates, its turnout and, once the vote has closed, the result",
    operation_id="election_detail",
)
def election_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> dict[str, Any]:
    election = _public_election(platform, pk)
    nominating = election.state == Election.State.NOMINATIONS
    nominations = sel.public_nominations(election)
    first_round = (
        sel.public_elections(election.platform).filter(pk=election.first_round_id).first()
        if election.first_round_id
        else None
    )
    second_round = (
        sel.second_round_of(election) if election.method == Election.Method.TWO_ROUND else None
    )
    turnout = None
    if election.electorate is not None:
        turnout = {"voted": sel.turnout(election)["total"], "electorate": election.electorate}
    names = {n.candidate_key: n.person.full_name for n in nominations if n.on_ballot}
    meeting = str(election.meeting) if election.meeting_id else election.meeting_reference or None
    return {
        **_summary(election),
        "term_starts_on": election.term_starts_on,
        "meeting": meeting,
        "key_fingerprint": election.key_fingerprint,
        "first_round": first_round.pk if first_round else None,
        "second_round": second_round.pk if second_round else None,
        "turnout": turnout,
        "candidates": [_candidate(n, nominating) for n in nominations],
        "result": _result(election, names),
    }


@router.get(
    "/platforms/{platform}/elections/{pk}/board",
    response=answers(dict[str, Any]),
    summary="The election's bulletin board (every sealed ballot's tracker and content, the "
    "count), as the website's board JSON, once the vote has closed",
    operation_id="election_board",
)
def election_board(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> dict[str, Any]:
    election = _public_election(platform, pk)
    if not election.board_is_public or election.board is None:
        raise Http404("The board is published when voting closes.")
    return dict(election.board)
