"""Creating an election and moving it through its states.

draft -> nominations -> voting -> closed -> published. Each move is one service with one audit
record; nothing about ballots changes once the election is closed (the board is frozen then).
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit
from platforma.core.models import Platform
from platforma.governance.models import Body, Office
from platforma.governance.services import mandate_start

from .. import bulletin
from .. import selectors as sel
from ..counting import SINGLE_SEAT_METHODS
from ..models import Election, Nomination, VoterRecord
from . import paper

_LANGS = ("en", "az", "ru")
EDITABLE = {
    "title",
    "method",
    "seats",
    "office",
    "term_starts_on",
    "meeting_reference",
    "nominations_open_at",
    "nominations_close_at",
    "voting_opens_at",
    "voting_closes_at",
} | {f"title_{lang}" for lang in _LANGS}


def _validate(election: Election) -> None:
    problems: list[str] = []
    platform_id = election.platform_id
    if election.body_id and election.body.platform_id != platform_id:
        problems.append(_("The electing body must be one of the platform's bodies."))
    if election.office_id:
        if election.office.platform_id != platform_id:
            problems.append(_("The office must be one of the platform's offices."))
        if election.seats > election.office.seats:
            problems.append(
                ngettext(
                    "The office has %(count)d seat; the election cannot fill more.",
                    "The office has %(count)d seats; the election cannot fill more.",
                    election.office.seats,
                )
                % {"count": election.office.seats}
            )
        if election.term_starts_on is None:
            problems.append(_("An election that fills an office needs the day the term starts."))
    if election.method in SINGLE_SEAT_METHODS and election.seats != 1:
        problems.append(_("This method fills exactly one seat."))
    opens, closes = election.voting_opens_at, election.voting_closes_at
    for moment in (opens, closes, election.nominations_open_at, election.nominations_close_at):
        if moment is not None and timezone.is_naive(moment):
            problems.append(_("Times must carry their time zone."))
            break
    if opens and closes and closes <= opens:
        problems.append(_("Voting must close after it opens."))
    n_open, n_close = election.nominations_open_at, election.nominations_close_at
    if n_open and n_close and n_close <= n_open:
        problems.append(_("Nominations must close after they open."))
    if n_close and opens and n_close > opens:
        problems.append(_("Nominations must close before voting opens."))
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def election_create(
    *,
    actor,
    platform: Platform,
    body: Body,
    method: str,
    voting_opens_at: datetime.datetime,
    voting_closes_at: datetime.datetime,
    seats: int | None = None,
    office: Office | None = None,
    actor_label: str = "",
    **fields,
) -> Election:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValidationError(_("Unknown election fields: %s") % ", ".join(sorted(unknown)))
    if method not in Election.Method.values:
        raise ValidationError(_("Unknown counting method: %s") % method)
    if seats is None:
        seats = office.seats if office is not None and method not in SINGLE_SEAT_METHODS else 1
    election = Election(
        platform=platform,
        body=body,
        office=office,
        method=method,
        seats=seats,
        voting_opens_at=voting_opens_at,
        voting_closes_at=voting_closes_at,
        **fields,
    )
    if not (election.title or any(fields.get(f"title_{lang}") for lang in _LANGS)):
        raise ValidationError(_("An election needs a title."))
    _validate(election)
    election.full_clean()
    election.save()
    audit.record(
        "elections.election.created",
        actor=actor,
        actor_label=actor_label,
        target=election,
        data={"after": audit.snapshot(election)},
    )
    return election


@transaction.atomic
def election_update(*, actor, election: Election, actor_label: str = "", **changes) -> Election:
    """Change an election's settings; only while no vote has started."""
    election = Election.objects.select_for_update(of=("self",)).get(pk=election.pk)
    if election.state not in (Election.State.DRAFT, Election.State.NOMINATIONS):
        raise ValidationError(_("An election's settings cannot change once voting has opened."))
    before = audit.snapshot(election)
    for name, value in changes.items():
        if name not in EDITABLE:
            raise ValidationError(_("These fields cannot be changed here: %s") % name)
        setattr(election, name, value)
    _validate(election)
    election.full_clean()
    election.save()
    changed = audit.diff(before, audit.snapshot(election))
    if changed:
        audit.record(
            "elections.election.updated",
            actor=actor,
            actor_label=actor_label,
            target=election,
            data={"changes": changed},
        )
    return election


def _locked(election: Election, expected: str) -> Election:
    election = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform", "office", "body")
        .get(pk=election.pk)
    )
    if election.state != expected:
        raise ValidationError(
            _("The election is “%(state)s”; this step needs it “%(expected)s”.")
            % {
                "state": election.get_state_display(),
                "expected": Election.State(expected).label,
            }
        )
    return election


def _record(verb: str, election: Election, before: str, actor, actor_label: str, **data) -> None:
    audit.record(
        f"elections.election.{verb}",
        actor=actor,
        actor_label=actor_label,
        target=election,
        data={"state": {"before": before, "after": election.state}, **data},
    )


@transaction.atomic
def election_open_nominations(*, actor, election: Election, actor_label: str = "") -> Election:
    election = _locked(election, Election.State.DRAFT)
    election.state = Election.State.NOMINATIONS
    election.save(update_fields=["state", "updated_at"])
    _record("nominations_opened", election, Election.State.DRAFT, actor, actor_label)
    return election


@transaction.atomic
def election_open_voting(*, actor, election: Election, actor_label: str = "") -> Election:
    """Put the accepted, eligible candidates on the ballot and fix the electorate."""
    election = _locked(election, Election.State.NOMINATIONS)
    nominations = sel.nominations_with_problems(election)
    on_ballot = [
        n for n in nominations if n.acceptance == Nomination.Acceptance.ACCEPTED and not n.problems
    ]
    if not on_ballot:
        raise ValidationError(
            _("Voting cannot open: no candidate has accepted and passed the eligibility check.")
        )
    Nomination.objects.filter(pk__in=[n.pk for n in on_ballot]).update(on_ballot=True)
    left_off = {
        str(n.pk): n.problems or [_("Has not accepted the nomination.")]
        for n in nominations
        if n not in on_ballot
    }
    election.electorate = sel.electorate(election).count()
    election.state = Election.State.VOTING
    election.save(update_fields=["state", "electorate", "updated_at"])
    _record(
        "voting_opened",
        election,
        Election.State.NOMINATIONS,
        actor,
        actor_label,
        candidates=[n.pk for n in on_ballot],
        left_off=left_off,
        electorate=election.electorate,
    )
    return election


@transaction.atomic
def election_close(*, actor, election: Election, actor_label: str = "") -> Election:
    """End the vote: paper ballots in, the bulletin board built and frozen."""
    election = _locked(election, Election.State.VOTING)
    voted = VoterRecord.objects.filter(election=election).count()
    if timezone.now() < election.voting_closes_at and voted < (election.electorate or 0):
        raise ValidationError(
            _(
                "Voting is open until %(closes)s and %(missing)d eligible organisations have not "
                "voted yet."
            )
            % {
                "closes": date_format(
                    timezone.localtime(
                        election.voting_closes_at, zoneinfo.ZoneInfo(election.platform.time_zone)
                    ),
                    "DATETIME_FORMAT",
                ),
                "missing": (election.electorate or 0) - voted,
            }
        )
    paper_ballots = paper.commit_reconciled(election)
    board = bulletin.build_board(election)
    if board["ballots"] != board["voters"]:
        raise ValidationError(
            _("%(ballots)d ballots but %(voters)d organisations voted: the count cannot start.")
            % {"ballots": board["ballots"], "voters": board["voters"]}
        )
    election.board = board
    election.board_head = board["head"]
    election.closed_at = timezone.now()
    election.state = Election.State.CLOSED
    election.save(update_fields=["board", "board_head", "closed_at", "state", "updated_at"])
    _record(
        "closed",
        election,
        Election.State.VOTING,
        actor,
        actor_label,
        ballots=board["ballots"],
        paper_ballots=paper_ballots,
        head=board["head"],
        elected=board["result"]["elected"],
    )
    return election


@transaction.atomic
def election_publish(
    *, actor, election: Election, start_mandates: bool = True, actor_label: str = ""
) -> Election:
    """Publish the result; an election that fills an office gives the elected their mandates.

    ``start_mandates=False`` is for records of past elections whose mandates already exist
    (the demo data): the result is published without creating them again.
    """
    election = _locked(election, Election.State.CLOSED)
    elected = election.board["result"]["elected"]
    mandates = []
    if election.office_id and start_mandates:
        nominations = {
            str(n.pk): n
            for n in Nomination.objects.filter(election=election).select_related(
                "person", "organisation"
            )
        }
        reference = election.meeting_reference or _("Election #%(id)d") % {"id": election.pk}
        for key in elected:
            nomination = nominations[key]
            mandates.append(
                mandate_start(
                    actor=actor,
                    actor_label=actor_label,
                    office=election.office,
                    person=nomination.person,
                    organisation=nomination.organisation,
                    starts_on=election.term_starts_on,
                    decision_reference=str(reference)[:200],
                ).pk
            )
    election.published_at = timezone.now()
    election.state = Election.State.PUBLISHED
    election.save(update_fields=["published_at", "state", "updated_at"])
    _record(
        "published",
        election,
        Election.State.CLOSED,
        actor,
        actor_label,
        elected=elected,
        mandates=mandates,
    )
    return election


TRANSITIONS = {
    Election.State.NOMINATIONS: election_open_nominations,
    Election.State.VOTING: election_open_voting,
    Election.State.CLOSED: election_close,
    Election.State.PUBLISHED: election_publish,
}


def election_transition(*, actor, election: Election, to: str, actor_label: str = "") -> Election:
    """The one door the back office uses: move ``election`` to the state ``to``."""
    if to not in TRANSITIONS:
        raise ValidationError(_("Unknown state: %s") % to)
    return TRANSITIONS[to](actor=actor, election=election, actor_label=actor_label)
