"""Paper ballots: two tellers enter each one independently; only agreeing entries count.

The organisations that voted on paper are recorded as voters (``paper_voter_record``). At
closing, every ballot read identically by two tellers becomes a ``Ballot`` with a fresh
random tracker; closing refuses while an entry waits for its second reading or two readings
differ, or when the number of paper ballots is not the number of paper voters.
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
from .. import selectors as sel
from ..models import Election, PaperBallotEntry, VoterRecord
from ..permissions import can_run_elections
from .choices import normalise_choices
from .voting import record_voter, store_ballot


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
    before = mine.content if mine else None
    if mine is None:
        mine = PaperBallotEntry(
            election=election,
            teller=actor,
            teller_label=teller,
            batch=batch,
            sequence=sequence,
            content=content,
        )
    mine.content = content
    mine.save()
    audit.record(
        "elections.paper_entry.saved",
        actor=actor,
        actor_label=actor_label,
        target=mine,
        platform=election.platform,
        data={"batch": batch, "sequence": sequence, "before": before, "after": content},
    )
    return mine


def commit_reconciled(election: Election) -> int:
    """Turn agreeing pairs of entries into ballots (inside ``election_close``); return how many."""
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
    for group in groups:
        reading = json.loads(group.entries[0].content)
        store_ballot(election, reading["choices"], invalid=reading["invalid"])
    return len(groups)
