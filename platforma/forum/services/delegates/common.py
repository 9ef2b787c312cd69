"""Who may act, the reads the services and the pages share, and the score (the package's
docstring says how it is counted)."""

from __future__ import annotations

import datetime
import zoneinfo
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platforma.core.models import Platform, today_in
from platforma.core.permissions import can_manage_platform
from platforma.core.types import Actor
from platforma.members.models import Membership, Organisation, Representative
from platforma.members.selectors import members_in_good_standing

from ...models import DelegateApplication, DelegateCall
from ...permissions import is_forum_staff

State = DelegateCall.State
Outcome = DelegateApplication.Outcome

# Reason codes this module adds to the solver's (selection.py's module docstring).
NOT_IN_GOOD_STANDING = "not_in_good_standing"
WITHDRAWN = "withdrawn"

CRITERION_LABELS = {
    "motivation": gettext_lazy("Motivation"),
    "experience": gettext_lazy("Experience"),
    "relevance": gettext_lazy("Relevance to the working group"),
}

ASSEMBLY_FIELDS = {"title", "place", "description", "starts_on", "ends_on"}


# -- who may act ------------------------------------------------------------------------------


def _require_forum_staff(actor: Actor) -> None:
    if actor is not None and not is_forum_staff(actor):
        raise PermissionDenied(_("Only the Forum secretariat may do that."))


def _require_secretariat_of(actor: Actor, platform: Platform) -> None:
    if actor is None or is_forum_staff(actor):
        return
    if not can_manage_platform(actor, platform):
        raise PermissionDenied(
            _("You do not manage the platform of “%(object)s”.") % {"object": platform}
        )


def _require_state(call: DelegateCall, *states: str) -> None:
    if call.state not in states:
        raise ValidationError(
            _("The call for delegates is “%(state)s”: this cannot be done now.")
            % {"state": call.get_state_display()}
        )


def _forum_day(platform: Platform, moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(zoneinfo.ZoneInfo(platform.time_zone)).date()


# -- reads the services and the pages share ---------------------------------------------------


def represented_organisations(user: Any) -> QuerySet[Organisation]:
    """Organisations ``user`` currently represents (primary or alternate), as elections find
    them (``elections.selectors.primary_organisations``) but with alternates too: either may
    send the organisation's application."""
    if not user or not user.is_authenticated:
        return Organisation.objects.none()
    represented = Representative.objects.filter(person__user=user, until__isnull=True).values(
        "organisation"
    )
    return Organisation.objects.filter(pk__in=represented).order_by("legal_name")


def standing_platform(organisation: Organisation) -> Platform | None:
    """The platform ``organisation`` applies through: one whose member in good standing it is
    today (a national platform before the Forum's own row, which holds the EU-side members)."""
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .select_related("platform")
        .order_by("platform__is_forum", "platform__slug")
    )
    for membership in memberships:
        platform = membership.platform
        if members_in_good_standing(platform, today_in(platform)).filter(pk=membership.pk).exists():
            return platform
    return None


@dataclass(frozen=True)
class Applicant:
    """An organisation ``user`` may apply for, and the platform it applies through."""

    organisation: Organisation
    platform: Platform


def may_apply_for(user: Any) -> list[Applicant]:
    """The organisations ``user`` represents that are members in good standing today."""
    result = []
    for organisation in represented_organisations(user):
        platform = standing_platform(organisation)
        if platform is not None:
            result.append(Applicant(organisation, platform))
    return result


def is_accepting(call: DelegateCall, now: datetime.datetime | None = None) -> bool:
    """Whether the call takes applications now: open, and between its opening and deadline."""
    now = now or timezone.now()
    return call.state == State.OPEN and call.opens_at <= now < call.closes_at


def counts_by_platform(call: DelegateCall, platforms: Iterable[int] | None = None) -> list[Any]:
    """Applications of the call per platform (those of ``platforms`` only, when given):
    ``[{"platform": id, "platform__name": ..., "platform__slug": ..., "total": n,
    "withdrawn": n}]``."""
    rows = DelegateApplication.objects.filter(call=call)
    if platforms is not None:
        rows = rows.filter(platform__in=list(platforms))
    return list(
        rows.values("platform", "platform__slug", "platform__name", "platform__is_forum")
        .annotate(total=Count("id"), withdrawn=Count("id", filter=Q(outcome=Outcome.WITHDRAWN)))
        .order_by("platform__is_forum", "platform__slug")
    )


# -- the score --------------------------------------------------------------------------------


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def rank_points(call: DelegateCall, rank: int | None, ranked: int) -> int:
    """The points (in hundredths) of the ``rank``-th of ``ranked`` applicants of a platform."""
    if rank is None or ranked <= 0 or not 1 <= rank <= ranked:
        return 0
    return _half_up(100 * call.rank_weight * (ranked - rank + 1), ranked)


def marks_complete(call: DelegateCall, application: DelegateApplication) -> bool:
    return all(isinstance(application.scores.get(str(c["key"])), int) for c in call.criteria)


def score_of(call: DelegateCall, application: DelegateApplication, ranked: int) -> int | None:
    """The application's score in hundredths (see the module docstring); None until every
    criterion has its mark."""
    if not marks_complete(call, application):
        return None
    marks = sum(int(c["weight"]) * int(application.scores[str(c["key"])]) for c in call.criteria)
    return 100 * marks + rank_points(call, application.platform_rank, ranked)


def points(hundredths: int | None) -> str:
    """A score as people read it: 5750 -> "57.50" (in the active language's format)."""
    if hundredths is None:
        return "—"
    return number_format(Decimal(hundredths) / 100, 2)


def _in_call(call: DelegateCall) -> QuerySet[DelegateApplication]:
    return DelegateApplication.objects.filter(call=call).exclude(outcome=Outcome.WITHDRAWN)


def _rescore(call: DelegateCall, applications: Sequence[DelegateApplication]) -> None:
    """Recompute the stored score of ``applications`` (marks or ranking changed)."""
    per_platform = Counter(a.platform_id for a in applications)
    changed = []
    now = timezone.now()
    for application in applications:
        new = score_of(call, application, per_platform[application.platform_id])
        if new != application.score:
            application.score = new
            application.updated_at = now
            changed.append(application)
    DelegateApplication.objects.bulk_update(changed, ["score", "updated_at"], batch_size=500)
