"""What a ballot may say for each method, checked the same way online and on paper."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Election, Nomination


def ballot_keys(election: Election) -> list[str]:
    return [
        str(pk)
        for pk in Nomination.objects.filter(election=election, on_ballot=True)
        .order_by()  # the model's ordering joins people; keys need no order
        .values_list("pk", flat=True)
    ]


def normalise_choices(
    election: Election, choices: Sequence[str], keys: Sequence[str] | None = None
) -> list[str]:
    """The choices as the ballot stores them, or a ValidationError saying what is wrong.

    Ranked methods keep the order (first preference first); the others are sorted, so two
    ballots with the same marks have the same content. No choice at all is a blank ballot.
    """
    known = set(ballot_keys(election) if keys is None else keys)
    choices = [str(choice) for choice in choices]
    if any(choice not in known for choice in choices):
        raise ValidationError(_("The ballot names someone who is not a candidate."))
    if len(set(choices)) != len(choices):
        raise ValidationError(_("A candidate appears more than once on the ballot."))
    limits: dict[str, int] = {
        Election.Method.PLURALITY: election.seats,
        Election.Method.TWO_ROUND: 1,
    }
    limit = limits.get(election.method)
    if limit is not None and len(choices) > limit:
        raise ValidationError(
            ngettext(
                "Vote for at most %(count)d candidate.",
                "Vote for at most %(count)d candidates.",
                limit,
            )
            % {"count": limit}
        )
    return choices if election.is_ranked else sorted(choices, key=int)
