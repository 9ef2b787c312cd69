"""The result of a vote in words, from translatable templates."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ..models import Motion


def _requirement(kind: str, basis_count: int, needed: int) -> str:
    values = {"n": basis_count, "needed": needed}
    if kind == "simple":
        return _("more votes for than against needed (%(needed)s)") % values
    if kind == "simple_present":
        return (
            ngettext(
                "a majority of the %(n)s member present and represented needed (%(needed)s)",
                "a majority of the %(n)s members present and represented needed (%(needed)s)",
                basis_count,
            )
            % values
        )
    if kind == "absolute_members":
        return (
            ngettext(
                "an absolute majority of the %(n)s member needed (%(needed)s)",
                "an absolute majority of the %(n)s members needed (%(needed)s)",
                basis_count,
            )
            % values
        )
    if kind == "two_thirds_cast":
        return _("two thirds of votes cast needed (%(needed)s)") % values
    if kind == "two_thirds_present":
        return (
            ngettext(
                "two thirds of the %(n)s member present and represented needed (%(needed)s)",
                "two thirds of the %(n)s members present and represented needed (%(needed)s)",
                basis_count,
            )
            % values
        )
    if kind == "two_thirds_members":
        return (
            ngettext(
                "two thirds of the %(n)s member needed (%(needed)s)",
                "two thirds of the %(n)s members needed (%(needed)s)",
                basis_count,
            )
            % values
        )
    return _("unanimity of votes cast needed (%(needed)s)") % values


def explain_result(
    *,
    kind: str,
    votes_for: int,
    votes_against: int,
    votes_abstain: int,
    votes_cast: int,
    abstentions_counted: bool,
    basis_count: int,
    needed: int,
    adopted: bool,
) -> str:
    """E.g. "113 for, 9 against, 5 abstentions of 127 votes cast; two thirds of votes cast
    needed (85): adopted"."""
    abstentions = ngettext("%(n)s abstention", "%(n)s abstentions", votes_abstain) % {
        "n": votes_abstain
    }
    cast = ngettext("%(n)s vote cast", "%(n)s votes cast", votes_cast) % {"n": votes_cast}
    if abstentions_counted:
        votes = _("%(for)s for, %(against)s against, %(abstentions)s of %(cast)s") % {
            "for": votes_for,
            "against": votes_against,
            "abstentions": abstentions,
            "cast": cast,
        }
    elif not votes_abstain:
        votes = _("%(for)s for, %(against)s against of %(cast)s") % {
            "for": votes_for,
            "against": votes_against,
            "cast": cast,
        }
    else:
        votes = _("%(for)s for, %(against)s against of %(cast)s (%(abstentions)s not counted)") % {
            "for": votes_for,
            "against": votes_against,
            "abstentions": abstentions,
            "cast": cast,
        }
    outcome = (
        pgettext("motion result", "adopted") if adopted else pgettext("motion result", "rejected")
    )
    return _("%(votes)s; %(requirement)s: %(outcome)s") % {
        "votes": votes,
        "requirement": _requirement(kind, basis_count, needed),
        "outcome": outcome,
    }


def explain_motion(motion: Motion) -> str:
    if motion.adopted is None:
        return ""
    return explain_result(
        kind=motion.majority,
        votes_for=motion.votes_for,
        votes_against=motion.votes_against,
        votes_abstain=motion.votes_abstain,
        votes_cast=motion.votes_cast,
        abstentions_counted=motion.abstentions_count_as_cast,
        basis_count=motion.basis_count,
        needed=motion.votes_needed,
        adopted=motion.adopted,
    )
