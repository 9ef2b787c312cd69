"""Appeals against membership decisions: a rejected application, a suspension, an expulsion.

Which body hears an appeal, and within how many days of the decision's notification it may be
lodged, is statute data (``appeals.<decision>``, docs/statute-rules.md), read in the version in
force on the day of the decision. An applicant appeals through its application's status link; a
member's representative from its account pages; the secretariat records an appeal that came on
paper, with the day it was received. The secretariat then records the outcome; an upheld appeal
undoes the decision (``membership_transition(via_appeal=True)``), effective on the day of the
appeal's decision, and the membership's history shows both changes.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platforma.core import audit
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Platform, PlatformRole, today_in
from platforma.core.selectors import rules_in_force
from platforma.core.statute_rules import AppealRule
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from ..models import (
    DECISION_OF_STATUS,
    Appeal,
    Application,
    Membership,
    MembershipChange,
    Representative,
)
from .applications import _primary_contact
from .registry import membership_transition, refuse_future

S = Membership.Status
# The decisions of a membership's history that can be appealed (besides a rejection).
APPEALABLE = (S.SUSPENDED, S.EXPELLED)
# The same words as governance's ``Body.Kind`` labels, so they share their translations.
BODY_LABELS = {
    "board": gettext_lazy("Board of Governance"),
    "general_assembly": gettext_lazy("General Assembly"),
    "steering_committee": gettext_lazy("Steering Committee"),
    "annual_assembly": gettext_lazy("Annual Assembly"),
}
MIN_GROUNDS = 20


def body_name(platform: Platform, rule: AppealRule) -> str:
    """The body the statute names, as the platform calls it (its own ``Body``, else the kind)."""
    if rule.body == "other":
        return rule.body_name
    # ``Body`` is governance's; read through the relation governance declares on Platform.
    body = platform.bodies.filter(kind=rule.body).first()
    return str(body) if body else str(BODY_LABELS.get(rule.body, rule.body))


def notified_on(change: MembershipChange, platform: Platform) -> datetime.date:
    """When the organisation learnt of ``change``: Platforma does not record the letter, so the
    later of the day it took effect and the day it was recorded (the organisation's page shows
    it from then)."""
    recorded = timezone.localtime(change.recorded_at, zoneinfo.ZoneInfo(platform.time_zone)).date()
    return max(change.effective_on, recorded)


def appeal_terms(change: MembershipChange, platform: Platform) -> tuple[AppealRule, datetime.date]:
    """The statute's appeal rule for ``change`` (as in force on its day) and the last day."""
    decision = DECISION_OF_STATUS[change.to_status]
    rule = rules_in_force(platform, change.effective_on).appeal(decision)
    return rule, notified_on(change, platform) + datetime.timedelta(days=rule.deadline_days)


def decision_in_force(membership: Membership) -> MembershipChange | None:
    """The membership's last change when it is a decision that can be appealed (a rejection,
    suspension or expulsion still in force), else None."""
    last = membership.changes.order_by("-effective_on", "-id").first()
    if last is None or last.to_status != membership.status:
        return None
    if last.to_status not in (*APPEALABLE, S.REJECTED):
        return None
    return last


def represents(actor: Actor, membership: Membership) -> bool:
    """Whether ``actor`` represents the membership's organisation today."""
    return bool(
        actor is not None
        and actor.is_authenticated
        and Representative.objects.filter(
            organisation_id=membership.organisation_id, person__user=actor, until__isnull=True
        ).exists()
    )


def _check_lodging(
    change: MembershipChange,
    membership: Membership,
    grounds: str,
    received_on: datetime.date,
    deadline: datetime.date,
) -> None:
    platform = membership.platform
    current = decision_in_force(membership)
    if current is None or current.pk != change.pk:
        raise ValidationError(_("This decision is no longer in force: it cannot be appealed."))
    if (
        Appeal.objects.filter(
            membership_change__membership=membership, status=Appeal.Status.LODGED
        ).exists()
        or Appeal.objects.filter(
            application__membership=membership, status=Appeal.Status.LODGED
        ).exists()
    ):
        raise ValidationError(_("An appeal against this decision is already pending."))
    refuse_future(received_on, platform, _("The day an appeal was received"))
    if received_on < change.effective_on:
        raise ValidationError(
            _("An appeal cannot be received before the decision it appeals (%(date)s).")
            % {"date": date_format(change.effective_on)}
        )
    if received_on > deadline:
        raise ValidationError(
            _(
                "The time to appeal this decision ended on %(date)s: the statute allows "
                "%(days)d days from its notification (%(notified)s)."
            )
            % {
                "date": date_format(deadline),
                "days": (deadline - notified_on(change, platform)).days,
                "notified": date_format(notified_on(change, platform)),
            }
        )
    if len(grounds.strip()) < MIN_GROUNDS:
        raise ValidationError(
            _("Explain the grounds of the appeal (at least %(count)d characters).")
            % {"count": MIN_GROUNDS}
        )


@transaction.atomic
def membership_appeal_lodge(
    *,
    actor: Actor,
    change: MembershipChange,
    grounds: str,
    received_on: datetime.date | None = None,
    lodged_by: str = "",
    language: str = "en",
) -> Appeal:
    """Appeal a suspension or an expulsion.

    Without ``received_on``: the organisation's representative lodges it today, from its
    account. With it: the secretariat records an appeal received on paper on that day, on the
    organisation's behalf (``lodged_by``: who signed it).
    """
    # One appeal at a time per membership: the lock orders two lodgings of the same decision.
    membership = (
        Membership.objects.select_for_update()
        .select_related("platform", "organisation")
        .get(pk=change.membership_id)
    )
    platform = membership.platform
    on_behalf = received_on is not None
    if on_behalf:
        require_manage(actor, membership)
    elif not represents(actor, membership):
        raise PermissionDenied(_("Only the organisation's representative can appeal."))
    if change.to_status not in APPEALABLE:
        raise ValidationError(_("Only a suspension or an expulsion can be appealed here."))
    received = received_on or today_in(platform)
    rule, deadline = appeal_terms(change, platform)
    _check_lodging(change, membership, grounds, received, deadline)
    label = lodged_by.strip()[:200] if on_behalf else ""
    if not label and actor is not None and not on_behalf:
        person = getattr(actor, "person", None)
        label = person.full_name if person else actor.get_username()
    appeal = Appeal.objects.create(
        platform=platform,
        membership_change=change,
        grounds=grounds.strip(),
        received_on=received,
        lodged_by=label,
        deadline=deadline,
        heard_by_body=rule.body,
        heard_by=body_name(platform, rule),
    )
    audit.record(
        "members.appeal.lodged",
        actor=actor,
        target=appeal,
        platform=platform,
        data={
            "decision": DECISION_OF_STATUS[change.to_status],
            "membership_change": change.pk,
            "organisation": membership.organisation,
            "received_on": received,
            "deadline": deadline,
            "heard_by": appeal.heard_by,
            "on_behalf": on_behalf,
            "lodged_by": label,
        },
    )
    _tell_secretariat(appeal, membership, language)
    return appeal


def secretariat_addresses(platform: Platform) -> list[str]:
    """Where the secretariat reads its mail: the platform's address, else its people's."""
    if platform.email:
        return [platform.email]
    users = get_user_model().objects.filter(
        platform_roles__platform=platform,
        platform_roles__role=PlatformRole.Role.SECRETARIAT,
        is_active=True,
    )
    return sorted({u.email for u in users if u.email})


def _tell_secretariat(appeal: Appeal, membership: Membership, language: str) -> None:
    platform = membership.platform
    send_templated(  # queued with the appeal (core.mail.queue)
        to=secretariat_addresses(platform),
        language=language,
        template="members/email/appeal_lodged",
        platform=platform,
        context={
            "appeal": appeal,
            "organisation": membership.organisation,
            "platform": platform,
            "url": absolute_url(
                "members:office-appeal-detail", language=language, args=[platform.slug, appeal.pk]
            ),
        },
    )


@transaction.atomic
def appeal_lodge(*, application: Application, grounds: str) -> Appeal:
    """A rejected applicant's appeal, lodged through its status link."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("platform")
        .get(pk=application.membership_id)
    )
    if membership.status != S.REJECTED:
        raise ValidationError(_("Only a rejected application can be appealed."))
    if application.appeals.filter(status=Appeal.Status.LODGED).exists():
        raise ValidationError(_("An appeal of this application is already pending."))
    if len(grounds.strip()) < MIN_GROUNDS:
        raise ValidationError(
            _("Explain the grounds of the appeal (at least %(count)d characters).")
            % {"count": MIN_GROUNDS}
        )
    platform = membership.platform
    change = decision_in_force(membership)
    rule = rules_in_force(platform, today_in(platform)).appeal("rejection")
    deadline = None
    if change is not None:
        rule, deadline = appeal_terms(change, platform)
        if today_in(platform) > deadline:
            raise ValidationError(
                _("The time to appeal this decision ended on %(date)s.")
                % {"date": date_format(deadline)}
            )
    appeal = Appeal.objects.create(
        platform=platform,
        application=application,
        grounds=grounds.strip(),
        received_on=today_in(platform),
        lodged_by=application.contact_name,
        deadline=deadline,
        heard_by_body=rule.body,
        heard_by=body_name(platform, rule),
    )
    audit.record(
        "members.appeal.lodged",
        actor=None,
        actor_label=f"applicant: {application.contact_email}",
        target=appeal,
        platform=platform,
        data={"grounds": appeal.grounds, "decision": "rejection", "deadline": deadline},
    )
    _tell_secretariat(appeal, membership, application.language)
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    actor: Actor,
    appeal: Appeal,
    upheld: bool,
    decided_on: datetime.date,
    reasons: str,
    heard_by: str = "",
    decision_reference: str = "",
    language: str = "en",
) -> Appeal:
    """Record the outcome, as decided by the body that heard the appeal.

    Upheld: a rejected application goes back to review; a suspended or expelled member returns
    to the status it had before the decision, from ``decided_on``. Dismissed: nothing changes.
    """
    appeal = Appeal.objects.select_for_update().select_related("platform").get(pk=appeal.pk)
    platform = appeal.platform
    require_manage(actor, platform)
    refuse_future(decided_on, platform, _("The date of a decision"))
    if appeal.status != Appeal.Status.LODGED:
        raise ValidationError(_("This appeal has already been decided."))
    heard_by = heard_by.strip() or appeal.heard_by
    if not heard_by or not reasons.strip():
        raise ValidationError(_("Say who heard the appeal and give the reasons."))
    if appeal.received_on and decided_on < appeal.received_on:
        raise ValidationError(
            _("An appeal cannot be decided before it was received (%(date)s).")
            % {"date": date_format(appeal.received_on)}
        )
    appeal.status = Appeal.Status.UPHELD if upheld else Appeal.Status.DISMISSED
    appeal.decided_on = decided_on
    appeal.heard_by = heard_by
    appeal.decision_reference = decision_reference.strip()[:100]
    appeal.outcome_reason = reasons.strip()
    appeal.save()
    change = appeal.membership_change
    if change is not None:
        membership = Membership.objects.select_related("organisation").get(pk=change.membership_id)
        if upheld:
            if decision_in_force(membership) != change:
                raise ValidationError(
                    _(
                        "The membership has changed since the decision appealed: record its "
                        "status by hand on the member's page."
                    )
                )
            membership_transition(
                actor=actor,
                membership=membership,
                to_status=change.from_status,
                effective_on=decided_on,
                decided_by=heard_by,
                decision_reference=appeal.decision_reference,
                reason=appeal.outcome_reason,
                via_appeal=True,
            )
    else:
        assert appeal.application is not None
        membership = appeal.application.membership
        if upheld:
            membership_transition(
                actor=actor,
                membership=membership,
                to_status=S.UNDER_REVIEW,
                effective_on=decided_on,
                decided_by=heard_by,
                decision_reference=appeal.decision_reference,
                reason=appeal.outcome_reason,
                via_appeal=True,
            )
    audit.record(
        f"members.appeal.{appeal.status}",
        actor=actor,
        target=appeal,
        platform=platform,
        data={
            "decision": appeal.decision,
            "heard_by": appeal.heard_by,
            "decided_on": decided_on,
            "reference": appeal.decision_reference,
            "reasons": appeal.outcome_reason,
        },
    )
    _send_outcome(appeal, membership, language)
    return appeal


def _send_outcome(appeal: Appeal, membership: Membership, language: str) -> None:
    """The outcome, to the applicant or to the member organisation (queued with the decision)."""
    platform = appeal.platform
    if appeal.application is not None:
        application = appeal.application
        send_templated(
            to=[application.contact_email],
            language=application.language,
            template="members/email/appeal_decided",
            context={"application": application, "appeal": appeal, "platform": platform},
            platform=platform,
        )
        return
    membership.refresh_from_db(fields=["status"])
    name, email = _primary_contact(membership)
    send_templated(
        to=[email],
        language=language,
        template="members/email/membership_appeal_decided",
        context={
            "appeal": appeal,
            "recipient": name,
            "organisation": membership.organisation,
            "membership": membership,
            "platform": platform,
        },
        platform=platform,
        purpose="appeal_decided",
    )
