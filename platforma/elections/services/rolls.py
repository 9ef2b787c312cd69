"""Keeping an open vote's roll true to membership history.

The roll (``Elector``) holds the members in good standing on the day voting opens. It is taken
when the vote is opened, which may be days before that day (a second round opens at once for
a later window), and a change may be recorded late with an earlier effective date. So every
change of membership status asks here: for each election of the platform in the voting state
whose opening day the change reaches (effective on or before it), the organisation is added
to or removed from the roll as its standing on that day now says.

An organisation that has already voted keeps its place: its ballot was cast while it was on
the roll, is secret, and cannot be taken back; the audit record says so.

Members does not call this module (it sits below elections): it sends
``members.signals.membership_changed`` and ``elections.receivers`` calls ``roll_update_for``.
What changed is returned, not recorded here: the membership change writes the one audit record,
with these effects in its data (``"effects"``), so the log reads one change and all it caused.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from platforma.core.types import Actor
from platforma.members.models import Membership

from .. import selectors as sel
from ..models import Election, Elector, VoterRecord


@transaction.atomic
def roll_update_for(
    *, actor: Actor, membership: Membership, effective_on: datetime.date
) -> list[dict[str, Any]]:
    """Bring the rolls of open votes in line after a change to ``membership``.

    Returns one entry per election whose roll changed (or kept a voter who is no longer
    eligible), for the membership change's audit record.
    """
    changed = []
    elections = Election.objects.select_for_update(of=("self",)).select_related("platform")
    for election in elections.filter(platform=membership.platform_id, state=Election.State.VOTING):
        opening_day = sel.opening_day(election)
        if effective_on > opening_day:
            continue  # standing on the opening day is what counts; this change comes after
        eligible = sel.standing_in(election, opening_day).filter(pk=membership.pk).exists()
        organisation = membership.organisation_id
        on_roll = Elector.objects.filter(election=election, organisation=organisation)
        if eligible and not on_roll.exists():
            Elector.objects.create(election=election, organisation_id=organisation)
            change = "added"
        elif not eligible and on_roll.exists():
            if VoterRecord.objects.filter(election=election, organisation=organisation).exists():
                change = "kept, has voted"
            else:
                on_roll.delete()
                change = "removed"
        else:
            continue
        election.electorate = Elector.objects.filter(election=election).count()
        election.save(update_fields=["electorate", "updated_at"])
        changed.append(
            {
                "action": "elections.roll.updated",
                "election": {"id": election.pk, "repr": str(election)[:200]},
                "change": change,
                "electorate": election.electorate,
            }
        )
    return changed
