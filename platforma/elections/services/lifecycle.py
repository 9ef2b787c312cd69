"""Creating an election and moving it through its states.

draft -> nominations -> voting -> closed -> published. Each move is one service with one audit
record; nothing about ballots changes once the election is closed (the board is frozen then).
"""

from __future__ import annotations

import datetime
import json
import zoneinfo
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit, languages
from platforma.core.models import Platform
from platforma.core.services import SeenVersion, check_version
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.governance.models import Body, Office
from platforma.governance.selectors import mandates_in_force
from platforma.governance.services import mandate_start

from .. import board as fmt
from .. import bulletin, sealing
from .. import selectors as sel
from ..counting import SINGLE_SEAT_METHODS
from ..models import Ballot, BallotBox, Election, Elector, Nomination, Seconder, VoterRecord
from . import box, paper

_LANGS = languages.codes()
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

# Sent once a move has committed, with ``election_id`` and ``event`` ("nominations_opened",
# "voting_opened", "published"): a higher app (notifications) tells the representatives. Sent
# robustly after the commit, so a failing receiver (a mail server down) never fails the move.
election_moved = Signal()


def _announce(election: Election, event: str) -> None:
    pk = election.pk
    transaction.on_commit(
        lambda: election_moved.send_robust(sender=Election, election_id=pk, event=event),
        robust=True,
    )


def seat_problems(election: Election) -> list[str]:
    """Why the office has no seat (or too few) to fill for a term starting on the election's
    ``term_starts_on``: the mandates in force that day, how many, and until when."""
    office, starts_on = election.office, election.term_starts_on
    if office is None or starts_on is None:
        return []
    held = list(
        mandates_in_force(office.platform, starts_on)
        .filter(office=office)
        .order_by("ends_on", "person__last_name")
    )
    free = office.seats - len(held)
    if free >= election.seats:
        return []
    holders = ", ".join(
        _("%(person)s until %(date)s") % {"person": m.person, "date": date_format(m.ends_on)}
        if m.ends_on
        else _("%(person)s with no end date") % {"person": m.person}
        for m in held
    )
    facts = {
        "office": office.name,
        "day": date_format(starts_on),
        "seats": office.seats,
        "held": len(held),
        "holders": holders,
        "free": max(free, 0),
        "wanted": election.seats,
    }
    if free <= 0:
        message = ngettext(
            "“%(office)s” has no seat to fill for a term starting on %(day)s: its "
            "%(seats)d seat is held (%(holders)s).",
            "“%(office)s” has no seat to fill for a term starting on %(day)s: %(held)d of "
            "its %(seats)d seats are held (%(holders)s).",
            office.seats,
        )
    else:
        message = ngettext(
            "“%(office)s” has %(free)d free seat for a term starting on %(day)s (%(held)d of "
            "%(seats)d held: %(holders)s); the election cannot fill %(wanted)d.",
            "“%(office)s” has %(free)d free seats for a term starting on %(day)s (%(held)d of "
            "%(seats)d held: %(holders)s); the election cannot fill %(wanted)d.",
            max(free, 0),
        )
    problems = [message % facts]
    ends = sorted(m.ends_on for m in held if m.ends_on)
    if ends:
        problems.append(
            _("A seat is free for a term starting on %(day)s, the day after a mandate ends.")
            % {"day": date_format(ends[0] + datetime.timedelta(days=1))}
        )
    return problems


def _validate(election: Election, *, seats: bool = True) -> None:
    """Refuse an election that breaks a rule; ``seats``: also check that the office has the
    seats to fill on the first day of the term (skipped when neither changes)."""
    problems: list[str] = []
    platform_id = election.platform_id
    if election.body_id and election.body.platform_id != platform_id:
        problems.append(_("The electing body must be one of the platform's bodies."))
    office = election.office if election.office_id else None
    if office is not None:
        if office.platform_id != platform_id:
            problems.append(_("The office must be one of the platform's offices."))
        if election.seats > office.seats:
            problems.append(
                ngettext(
                    "The office has %(count)d seat; the election cannot fill more.",
                    "The office has %(count)d seats; the election cannot fill more.",
                    office.seats,
                )
                % {"count": office.seats}
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
    if seats and not problems:
        problems += seat_problems(election)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def election_create(
    *,
    actor: Actor,
    platform: Platform,
    body: Body,
    method: str,
    voting_opens_at: datetime.datetime,
    voting_closes_at: datetime.datetime,
    seats: int | None = None,
    office: Office | None = None,
    actor_label: str = "",
    **fields: Any,
) -> Election:
    require_manage(actor, platform, body, office)
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


def settings_refusal(election: Election) -> str | None:
    """Why ``election``'s settings cannot change now (None: they can)."""
    if election.state in (Election.State.DRAFT, Election.State.NOMINATIONS):
        return None
    return _(
        "The election is “%(state)s”: its settings can change only in its draft or while "
        "nominations are open."
    ) % {"state": election.get_state_display()}


@transaction.atomic
def election_update(
    *,
    actor: Actor,
    election: Election,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Election:
    """Change an election's settings; only in its draft or while nominations are open.

    ``seen_version``: what the edit form read; a change made since refuses the save."""
    require_manage(actor, election, changes.get("office"))
    election = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform", "office")
        .get(pk=election.pk)
    )
    check_version(election, seen_version)
    refusal = settings_refusal(election)
    if refusal:
        raise ValidationError(refusal)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %s") % ", ".join(sorted(unknown))
        )
    before = audit.snapshot(election)
    for name, value in changes.items():
        setattr(election, name, value)
    after = audit.snapshot(election)
    seats_changed = any(
        before.get(name) != after.get(name) for name in ("office_id", "term_starts_on", "seats")
    )
    _validate(election, seats=seats_changed)
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


def _record(
    verb: str, election: Election, before: str, actor: Actor, actor_label: str, **data: Any
) -> None:
    audit.record(
        f"elections.election.{verb}",
        actor=actor,
        actor_label=actor_label,
        target=election,
        data={"state": {"before": before, "after": election.state}, **data},
    )


@transaction.atomic
def election_open_nominations(
    *, actor: Actor, election: Election, actor_label: str = ""
) -> Election:
    require_manage(actor, election)
    election = _locked(election, Election.State.DRAFT)
    election.state = Election.State.NOMINATIONS
    election.save(update_fields=["state", "updated_at"])
    _record("nominations_opened", election, Election.State.DRAFT, actor, actor_label)
    _announce(election, "nominations_opened")
    return election


@transaction.atomic
def election_open_voting(*, actor: Actor, election: Election, actor_label: str = "") -> Election:
    """Put the accepted, eligible candidates on the ballot and fix the electorate."""
    require_manage(actor, election)
    election = _locked(election, Election.State.NOMINATIONS)
    not_ready = box.readiness_problems(election)
    if not_ready:
        raise ValidationError(not_ready)
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
    roll = Elector.objects.bulk_create(
        Elector(election=election, organisation_id=organisation)
        for organisation in sel.electorate(election).values_list("organisation", flat=True)
    )
    election.electorate = len(roll)
    election.state = Election.State.VOTING
    election.save(update_fields=["state", "electorate", "updated_at"])
    box.box_create(election)
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
    _announce(election, "voting_opened")
    return election


@transaction.atomic
def election_close(
    *,
    actor: Actor,
    election: Election,
    shares: Sequence[str] = (),
    actor_label: str = "",
) -> Election:
    """End the vote: open the box with the tellers' ``shares``, count, freeze the board.

    The ballots, online and on paper, are opened with the key the shares rebuild, put in an
    order drawn from the operating system's random source, written with the board's hash
    chain and counted; the sealed box is deleted and the key forgotten. Fewer valid shares
    than the election needs, or any refusal: nothing is opened or written.
    """
    require_manage(actor, election)
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
    groups = paper.reconciled(election)
    private = box.open_box(election, shares)
    sealed_box = BallotBox.objects.select_for_update().get(pk=election.pk)
    contents = [
        sealing.unseal(private, record)
        for record in sealing.records(bytes(sealed_box.sealed), sealed_box.record_size)
    ]
    contents += paper.open_readings(election, groups, private)
    del private  # the key is forgotten: only the shares can rebuild it
    _write_board(election, sealing.shuffled(contents))
    sealed_box.delete()
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
        paper_ballots=len(groups),
        head=board["head"],
        elected=board["result"]["elected"],
    )
    return election


def _write_board(election: Election, contents: list[str]) -> None:
    """The opened ballots in board order, each with its place, hash and chain hash."""
    entries = fmt.chain_entries(
        fmt.sha256_hex(fmt.canonical(bulletin.election_header(election, bulletin.names(election)))),
        (
            {
                "tracker": json.loads(content)["tracker"],
                "ballot": json.loads(content),
                "ballot_hash": fmt.sha256_hex(content),
            }
            for content in contents
        ),
    )
    Ballot.objects.bulk_create(
        Ballot(
            election=election,
            position=position,
            tracker=entry["tracker"],
            content=content,
            content_hash=entry["ballot_hash"],
            chain=entry["chain"],
        )
        for position, (entry, content) in enumerate(zip(entries, contents, strict=True), start=1)
    )


@transaction.atomic
def election_publish(
    *, actor: Actor, election: Election, start_mandates: bool = True, actor_label: str = ""
) -> Election:
    """Publish the result; an election that fills an office gives the elected their mandates.

    ``start_mandates=False`` is for records of past elections whose mandates already exist
    (the demo data): the result is published without creating them again.

    A two-round first round without an absolute majority elects nobody: its result names the
    two candidates of the second round (``result["second_round"]``). Publishing it starts no
    mandate, whatever ``start_mandates`` says; the second round
    (``election_second_round_create``) fills the office when it is published.
    """
    require_manage(actor, election)
    election = _locked(election, Election.State.CLOSED)
    assert election.board is not None  # a closed election has its board
    result = election.board["result"]
    elected = result["elected"]
    second_round = result.get("second_round") or []
    mandates = []
    # Said outright rather than left to an empty ``elected``: a first round that calls for a
    # second round never fills the office.
    if election.office_id and start_mandates and not second_round:
        nominations = {
            str(n.pk): n
            for n in Nomination.objects.filter(election=election).select_related(
                "person", "organisation"
            )
        }
        reference = election.meeting_reference or _("Election #%(id)d") % {"id": election.pk}
        assert election.office is not None  # office_id is set
        assert election.term_starts_on is not None  # required with an office (_validate)
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
        second_round=second_round,
    )
    _announce(election, "published")
    return election


def _second_round_titles(first: Election) -> dict[str, str]:
    """``title_<lang>`` of the second round: the first round's title, suffixed in that language."""
    titles = {}
    for lang in _LANGS:
        title = getattr(first, f"title_{lang}", None)
        if title:
            with translation.override(lang):
                suffixed = _("%(title)s — second round") % {"title": title}
            titles[f"title_{lang}"] = suffixed[:200]
    return titles


@transaction.atomic
def election_second_round_create(
    *,
    actor: Actor,
    election: Election,
    voting_opens_at: datetime.datetime,
    voting_closes_at: datetime.datetime,
    actor_label: str = "",
) -> Election:
    """Hold the second round of a two-round ``election`` whose first round elected nobody.

    The new election fills the same seat (platform, body, office, term, meeting) by plurality
    between the two candidates the count named (``board["result"]["second_round"]``). Their
    nominations are copied, accepted and with their seconders, and the election goes through
    ``election_open_nominations`` and ``election_open_voting`` like any other, so the
    candidates are checked again and the electorate is fixed on the second round's opening
    day. Proxies are per election: those of the first round do not carry over. Refused, with
    nothing written, unless the first round is a closed or published two-round count that
    calls for a second round, has none yet, and the window is valid.
    """
    require_manage(actor, election)
    first = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform", "office", "body")
        .get(pk=election.pk)
    )
    if first.method != Election.Method.TWO_ROUND:
        raise ValidationError(_("Only a two-round election has a second round."))
    if first.state not in (Election.State.CLOSED, Election.State.PUBLISHED):
        raise ValidationError(
            _("The second round can be set up once the first round is closed and counted.")
        )
    pair = ((first.board or {}).get("result") or {}).get("second_round") or []
    if len(pair) != 2:
        raise ValidationError(
            _("The first round's result calls for no second round between two candidates.")
        )
    if Election.objects.filter(first_round=first).exists():
        raise ValidationError(_("The second round of this election has already been set up."))
    problems: list[str] = []
    if timezone.is_naive(voting_opens_at) or timezone.is_naive(voting_closes_at):
        problems.append(_("Times must carry their time zone."))
    elif voting_closes_at <= voting_opens_at:
        problems.append(_("Voting must close after it opens."))
    elif voting_closes_at <= timezone.now():
        problems.append(_("Voting in the second round must close in the future."))
    if problems:
        raise ValidationError(problems)
    first_nominations = {
        n.candidate_key: n
        for n in Nomination.objects.filter(election=first, pk__in=[int(k) for k in pair])
        .select_related("person", "organisation")
        .prefetch_related("seconders")
    }
    if set(first_nominations) != set(pair):
        raise ValidationError(_("The candidates of the second round are not in this election."))

    second = Election(
        platform=first.platform,
        body=first.body,
        office=first.office,
        method=Election.Method.PLURALITY,
        seats=1,
        term_starts_on=first.term_starts_on,
        meeting=first.meeting,
        meeting_reference=first.meeting_reference,
        voting_opens_at=voting_opens_at,
        voting_closes_at=voting_closes_at,
        first_round=first,
        **_second_round_titles(first),
    )
    _validate(second)
    second.full_clean()
    second.save()
    audit.record(
        "elections.election.second_round_created",
        actor=actor,
        actor_label=actor_label,
        target=second,
        data={
            "after": audit.snapshot(second),
            "first_round": first.pk,
            "candidates": {key: str(first_nominations[key]) for key in pair},
        },
    )
    second = election_open_nominations(actor=actor, election=second, actor_label=actor_label)
    for key in pair:
        original = first_nominations[key]
        copy = Nomination.objects.create(
            election=second,
            person=original.person,
            organisation=original.organisation,
            nominated_by=original.nominated_by,
            acceptance=Nomination.Acceptance.ACCEPTED,
            accepted_at=original.accepted_at or timezone.now(),
        )
        Seconder.objects.bulk_create(
            Seconder(nomination=copy, organisation_id=s.organisation_id)
            for s in original.seconders.all()
        )
    # Checked again on the second round's terms: a candidate who no longer qualifies (left
    # their organisation, the organisation lost its standing) stops the whole set-up.
    refused = [
        _("%(person)s: %(problem)s") % {"person": n.person, "problem": problem}
        for n in sel.nominations_with_problems(second)
        for problem in n.problems
    ]
    if refused:
        raise ValidationError(refused)
    # The first round's key is forgotten: the same tellers get shares of a new one, and
    # voting opens once they have taken them (``election_open_voting``).
    tellers = [t.user for t in first.tellers.select_related("user").order_by("number")]
    if tellers:
        box.election_tellers_appoint(
            actor=actor,
            election=second,
            users=tellers,
            needed=first.tellers_needed,
            actor_label=actor_label,
        )
        second.refresh_from_db()
    return second


TRANSITIONS: dict[str, Callable[..., Election]] = {
    Election.State.NOMINATIONS: election_open_nominations,
    Election.State.VOTING: election_open_voting,
    Election.State.CLOSED: election_close,
    Election.State.PUBLISHED: election_publish,
}


def election_transition(
    *,
    actor: Actor,
    election: Election,
    to: str,
    shares: Sequence[str] = (),
    actor_label: str = "",
) -> Election:
    """The one door the back office uses: move ``election`` to the state ``to``.

    Closing needs the tellers' ``shares``; the other steps take none.
    """
    if to not in TRANSITIONS:
        raise ValidationError(_("Unknown state: %s") % to)
    if to == Election.State.CLOSED:
        return election_close(
            actor=actor, election=election, shares=shares, actor_label=actor_label
        )
    return TRANSITIONS[to](actor=actor, election=election, actor_label=actor_label)
