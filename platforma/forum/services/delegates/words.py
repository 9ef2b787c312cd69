"""The reasons of the selection in words, in the active language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from platforma.core.models import Platform

from ...models import DelegateApplication
from .common import CRITERION_LABELS, NOT_IN_GOOD_STANDING, WITHDRAWN, Outcome, points

# -- reasons in words -------------------------------------------------------------------------


def platform_names() -> dict[str, str]:
    """Each platform's country by slug (the Forum's row: its name), for the reasons' words."""
    return {
        p.slug: (p.name if p.is_forum else p.country) for p in Platform.objects.all().order_by()
    }


def criterion_label(key: str) -> str:
    return str(CRITERION_LABELS.get(key, key.replace("_", " ").capitalize()))


def _gender_plural(gender: object) -> str:
    return {"woman": _("women"), "man": _("men")}.get(str(gender), str(gender))


def reason_text(reason: str, params: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """The sentence for a reason code and its details, in the active language."""
    country = names.get(str(params.get("country", "")), str(params.get("country", "")))
    if reason == "selected":
        return _("Selected with a score of %(score)s.") % {"score": points(_int(params, "score"))}
    if reason == "quota_country_full":
        return _(
            "The delegates from %(country)s already reach the statute's maximum of %(maximum)s."
        ) % {"country": country, "maximum": params.get("maximum")}
    if reason == "quota_group_full":
        return _(
            "Working group %(group)s already has the statute's maximum of %(maximum)s delegates."
        ) % {"group": params.get("group"), "maximum": params.get("maximum")}
    if reason == "gender_balance":
        return _(
            "Taking this applicant instead of a delegate ranked below would leave fewer than "
            "%(minimum)s %(gender)s among the delegates, under the statute's gender balance."
        ) % {"minimum": params.get("minimum"), "gender": _gender_plural(params.get("gender"))}
    if reason == "outscored":
        return _(
            "The score, %(score)s, is not above that of any delegate this applicant could "
            "replace (the lowest of them: %(lowest)s)."
        ) % {
            "score": points(_int(params, "score")),
            "lowest": points(_int(params, "lowest_selected_score")),
        }
    if reason == "quota_minimum":
        return _(
            "Replacing any selected delegate with this applicant would break a minimum of the "
            "statute (of a country, a working group or a gender)."
        )
    if reason == NOT_IN_GOOD_STANDING:
        platform = names.get(str(params.get("platform", "")), str(params.get("platform", "")))
        return _(
            "The organisation is not a member in good standing of the platform of %(platform)s "
            "on the day of the selection."
        ) % {"platform": platform}
    if reason == WITHDRAWN:
        return _("The organisation withdrew its application.")
    return reason


def _int(params: Mapping[str, Any], key: str) -> int | None:
    value = params.get(key)
    return value if isinstance(value, int) else None


def decision_text(application: DelegateApplication, names: Mapping[str, str]) -> str:
    """The outcome and its reason in words, in the active language."""
    reason = reason_text(application.reason, application.reason_params, names)
    if application.outcome == Outcome.RESERVE:
        return _("On the reserve list, place %(place)s. %(reason)s") % {
            "place": application.reserve_rank,
            "reason": reason,
        }
    if application.outcome == Outcome.SELECTED:
        return reason
    if application.outcome in (Outcome.NOT_SELECTED, Outcome.INELIGIBLE, Outcome.WITHDRAWN):
        if not reason:
            return str(application.get_outcome_display())
        return _("%(outcome)s. %(reason)s") % {
            "outcome": application.get_outcome_display(),
            "reason": reason,
        }
    return str(application.get_outcome_display())
