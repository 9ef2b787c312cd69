"""Distributions of a publication: to stakeholders chosen one by one, or aggregate totals."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from platforma.activities.models import CountPrecision, Event
from platforma.core import audit
from platforma.core.models import Platform, today_in
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from ..models import (
    Distribution,
    DistributionCategory,
    DistributionRecipient,
    Publication,
    Stakeholder,
    StakeholderCategory,
)


def _distribution(
    platform: Platform,
    publication: Publication,
    *,
    year: int,
    sent_on: datetime.date | None,
    channel: str,
    event: Event | None,
    copies: int | None,
    note: str,
    is_demo: bool,
    mode: str,
    **extra: Any,
) -> Distribution:
    if publication.platform_id != platform.pk:
        raise ValidationError(_("This publication is another platform's."))
    if event is not None and event.platform_id != platform.pk:
        raise ValidationError(_("This event is another platform's."))
    if channel == Distribution.Channel.EVENT and event is None:
        raise ValidationError({"event": _("Say at which event it was handed out.")})
    if sent_on is not None and sent_on.year != year:
        raise ValidationError({"year": _("The year and the date sent do not agree.")})
    if sent_on is not None and sent_on > today_in(platform):
        raise ValidationError({"sent_on": _("The date sent cannot be in the future.")})
    if year > today_in(platform).year:
        raise ValidationError({"year": _("The year cannot be in the future.")})
    distribution = Distribution(
        platform=platform,
        publication=publication,
        year=year,
        sent_on=sent_on,
        channel=channel,
        event=event,
        copies=copies,
        note=note,
        is_demo=is_demo,
        mode=mode,
        **extra,
    )
    distribution.full_clean()
    distribution.save()
    return distribution


@transaction.atomic
def distribution_record(
    *,
    actor: Actor,
    publication: Publication,
    year: int,
    channel: str,
    stakeholders: Iterable[Stakeholder] = (),
    categories: Iterable[str] = (),
    copies_each: int = 1,
    sent_on: datetime.date | None = None,
    event: Event | None = None,
    note: str = "",
    is_demo: bool = False,
    actor_label: str = "",
) -> Distribution:
    """Send to stakeholders chosen one by one and/or every stakeholder of some categories."""
    stakeholders = list(stakeholders)
    require_manage(actor, publication, event, *stakeholders)
    platform = publication.platform
    chosen = {s.pk: s for s in stakeholders}
    if any(s.platform_id != platform.pk for s in chosen.values()):
        raise ValidationError(_("A stakeholder of another platform cannot be chosen."))
    bad = set(categories) - set(StakeholderCategory.values)
    if bad:
        raise ValidationError(_("Unknown categories: %s") % ", ".join(sorted(bad)))
    if categories:
        for s in Stakeholder.objects.filter(platform=platform, category__in=categories):
            chosen.setdefault(s.pk, s)
    if not chosen:
        raise ValidationError(_("Choose at least one stakeholder or a category that has some."))
    if copies_each < 1:
        raise ValidationError(_("Each recipient gets at least one copy."))
    distribution = _distribution(
        platform,
        publication,
        year=year,
        sent_on=sent_on,
        channel=channel,
        event=event,
        copies=copies_each * len(chosen),
        note=note,
        is_demo=is_demo,
        mode=Distribution.Mode.INDIVIDUAL,
        total=len(chosen),
    )
    DistributionRecipient.objects.bulk_create(
        DistributionRecipient(distribution=distribution, stakeholder=s, copies=copies_each)
        for s in chosen.values()
    )
    audit.record(
        "publications.distribution.recorded",
        actor=actor,
        actor_label=actor_label,
        target=distribution,
        data={"after": audit.snapshot(distribution), "stakeholders": sorted(chosen)},
    )
    return distribution


@transaction.atomic
def distribution_record_aggregate(
    *,
    actor: Actor,
    publication: Publication,
    year: int,
    channel: str,
    total: int,
    total_precision: str = CountPrecision.EXACT,
    breakdown: dict[str, int | None] | None = None,
    sent_on: datetime.date | None = None,
    copies: int | None = None,
    event: Event | None = None,
    note: str = "",
    is_demo: bool = False,
    actor_label: str = "",
) -> Distribution:
    """Only totals are known: "more than 1000 stakeholders", with counts by category if known.

    ``breakdown`` maps a category to its count, or to None when the source names the category
    without a number (nothing is invented).
    """
    require_manage(actor, publication, event)
    breakdown = breakdown or {}
    bad = set(breakdown) - set(StakeholderCategory.values)
    if bad:
        raise ValidationError(_("Unknown categories: %s") % ", ".join(sorted(bad)))
    if any(v is not None and v < 0 for v in breakdown.values()):
        raise ValidationError(_("A count by category cannot be negative."))
    known = sum(v for v in breakdown.values() if v is not None)
    if total_precision == CountPrecision.EXACT and known > total:
        raise ValidationError(_("The counts by category add up to more than the total."))
    distribution = _distribution(
        platform=publication.platform,
        publication=publication,
        year=year,
        sent_on=sent_on,
        channel=channel,
        event=event,
        copies=copies,
        note=note,
        is_demo=is_demo,
        mode=Distribution.Mode.AGGREGATE,
        total=total,
        total_precision=total_precision,
    )
    DistributionCategory.objects.bulk_create(
        DistributionCategory(distribution=distribution, category=category, count=count)
        for category, count in breakdown.items()
    )
    audit.record(
        "publications.distribution.recorded",
        actor=actor,
        actor_label=actor_label,
        target=distribution,
        data={"after": audit.snapshot(distribution), "breakdown": breakdown},
    )
    return distribution


@transaction.atomic
def distribution_remove(*, actor: Actor, distribution: Distribution, actor_label: str = "") -> None:
    """Delete a distribution recorded by mistake, with its recipients and categories."""
    require_manage(actor, distribution)
    audit.record(
        "publications.distribution.removed",
        actor=actor,
        actor_label=actor_label,
        target=distribution,
        data={
            "before": audit.snapshot(distribution),
            "stakeholders": sorted(
                distribution.recipients.values_list("stakeholder_id", flat=True)
            ),
            "breakdown": dict(distribution.categories.values_list("category", "count")),
        },
    )
    distribution.delete()


@transaction.atomic
def distribution_email(
    *,
    actor: Actor,
    publication: Publication,
    stakeholder_ids: Iterable[int],
    total: int,
    sent_on: datetime.date,
    note: str = "",
    actor_label: str = "",
) -> Distribution:
    """Record the e-mail distribution of a publication attached to a mailing that was sent
    (``outreach``): ``total`` messages left, to the stakeholders ``stakeholder_ids`` among
    others (members' representatives, registrants). The annual report counts what was sent.

    Stakeholders removed since (merged, erased) are left out of the recipients, not the total.
    """
    require_manage(actor, publication)
    platform = publication.platform
    if total < 1:
        raise ValidationError(_("A distribution by e-mail reaches at least one recipient."))
    stakeholders = list(
        Stakeholder.objects.filter(platform=platform, pk__in=set(stakeholder_ids)).values_list(
            "pk", flat=True
        )
    )
    distribution = _distribution(
        platform,
        publication,
        year=sent_on.year,
        sent_on=sent_on,
        channel=Distribution.Channel.EMAIL,
        event=None,
        copies=total,
        note=note,
        is_demo=False,
        mode=Distribution.Mode.INDIVIDUAL,
        total=total,
    )
    DistributionRecipient.objects.bulk_create(
        (
            DistributionRecipient(distribution=distribution, stakeholder_id=pk, copies=1)
            for pk in stakeholders
        ),
        batch_size=500,
    )
    audit.record(
        "publications.distribution.emailed",
        actor=actor,
        actor_label=actor_label,
        target=distribution,
        data={
            "after": audit.snapshot(distribution),
            "sent": total,
            "stakeholders": len(stakeholders),
        },
    )
    return distribution
