"""Paper ballots: two tellers enter each one independently; only agreeing entries count.

The organisations that voted on paper are recorded as voters (``paper_voter_record``). Each
reading is sealed to the election's key like an online ballot; two readings of a ballot are
compared by a keyed digest, never in the clear. When the box is opened at closing, every
ballot read identically by two tellers joins the online ballots with a fresh random tracker;
closing refuses while an entry waits for its second reading or two readings differ, or when
the number of paper ballots is not the number of paper voters.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.members.models import Organisation

from .. import board as fmt
from .. import sealing
from .. import selectors as sel
from ..models import Election, PaperBallotEntry, VoterRecord
from ..permissions import can_run_elections
from . import box
from .choices import normalise_choices
from .voting import record_voter


def _require_teller(actor: Actor, election: Election, *objects: Model | None) -> None:
    """The secretariat enters paper ballots; ``actor=None`` is the system (e.g. an import)."""
    if actor is not None and not can_run_elections(actor, election.platform):
        raise ValidationError(_("Only the platform's secretariat enters paper ballots."))
    require_manage(actor, election, *objects)
    if election.state != Election.State.VOTING:
        raise ValidationError(_("Paper ballots are entered while the vote is open."))


@transaction.atomic
def paper_voter_record(
    *, actor: Actor, election: Election, organisation: Organisation, actor_label: str = ""
) -> VoterRecord:
    """An organisation took a paper ballot (it signed the register in the room)."""
    _require_teller(actor, election, organisation)
    if not sel.is_eligible_voter(election, organisation):
        raise ValidationError(
            _("%(organisation)s is not a member in good standing when voting opens.")
            % {"organisation": organisation}
        )
    voter = record_voter(election, organisation, channel=VoterRecord.Channel.PAPER, by_proxy=False)
    audit.record(
        "elections.ballot.paper_voter",
        actor=actor,
        actor_label=actor_label,
        target=voter,
        platform=election.platform,
        data={"organisation": organisation, "channel": voter.channel},
    )
    return voter


@transaction.atomic
def paper_entry_save(
    *,
    actor: Actor,
    election: Election,
    batch: str,
    sequence: int,
    choices: Sequence[str],
    invalid: bool = False,
    actor_label: str = "",
) -> PaperBallotEntry:
    """The acting teller's reading of ballot ``sequence`` of ``batch`` (entered or corrected)."""
    _require_teller(actor, election)
    teller = actor.get_username() if actor is not None else actor_label
    if not teller:
        raise ValidationError(_("Say which teller read the ballot."))
    batch = batch.strip()
    if not batch or sequence < 1:
        raise ValidationError(_("Give the batch and the ballot's number in it (from 1)."))
    choices = [] if invalid else normalise_choices(election, choices)
    content = fmt.canonical({"choices": choices, "invalid": invalid})
    entries = PaperBallotEntry.objects.select_for_update().filter(
        election=election, batch=batch, sequence=sequence
    )
    mine = next((e for e in entries if e.teller_label == teller), None)
    if mine is None and len(entries) >= 2:
        raise ValidationError(_("Two tellers have already entered this ballot."))
    corrected = mine is not None
    if mine is None:
        mine = PaperBallotEntry(
            election=election, teller=actor, teller_label=teller, batch=batch, sequence=sequence
        )
    mine.sealed = box.seal_reading(election, content)
    mine.digest = box.reading_digest(election, batch, sequence, content)
    mine.save()
    # The record says a reading was entered or corrected, never what it reads.
    audit.record(
        "elections.paper_entry.saved",
        actor=actor,
        actor_label=actor_label,
        target=mine,
        platform=election.platform,
        data={"batch": batch, "sequence": sequence, "corrected": corrected},
    )
    return mine


def reconciled(election: Election) -> list[sel.PaperGroup]:
    """The paper ballots, each read alike by two tellers; else the refusal that says why."""
    groups = sel.paper_groups(election)
    pending = [g for g in groups if g.status != "agree"]
    if pending:
        names = ", ".join(f"{g.batch}/{g.sequence}" for g in pending[:10])
        raise ValidationError(
            _("Paper ballots still need a second reading or a resolution: %(ballots)s")
            % {"ballots": names}
        )
    paper_voters = VoterRecord.objects.filter(
        election=election, channel=VoterRecord.Channel.PAPER
    ).count()
    if len(groups) != paper_voters:
        raise ValidationError(
            _("%(ballots)d paper ballots were entered but %(voters)d organisations voted on paper.")
            % {"ballots": len(groups), "voters": paper_voters}
        )
    return groups


def open_readings(election: Election, groups: list[sel.PaperGroup], private: bytes) -> list[str]:
    """Open every reading (kept in the clear from now on); one ballot's content per group."""
    contents = []
    for group in groups:
        for entry in group.entries:
            entry.content = sealing.unseal(private, bytes(entry.sealed))
            PaperBallotEntry.objects.filter(pk=entry.pk).update(content=entry.content, sealed=b"")
        reading = json.loads(group.entries[0].content)
        contents.append(
            fmt.canonical(
                fmt.ballot_content(
                    election_id=election.pk,
                    tracker=fmt.new_tracker(),
                    choices=reading["choices"],
                    invalid=reading["invalid"],
                )
            )
        )
    return contents
