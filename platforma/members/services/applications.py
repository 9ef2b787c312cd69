"""Applying to join a platform, recommending, deciding, and appealing.

Who decides is statute data (``admission.decided_by``): the Board directly, or the Board gives an
opinion and the General Assembly decides. Nothing here rejects by itself: the eligibility check
informs, a person decides.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from platforma.core import audit
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Platform, today_in
from platforma.core.selectors import rules_in_force
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.core.uploads import check_upload, sha256_of

from ..models import (
    Application,
    ApplicationDocument,
    Membership,
    MembershipChange,
    Organisation,
    Recommendation,
    Representative,
)
from ..selectors import members_in_good_standing
from ..signals import working_groups_chosen
from .registry import membership_transition, organisation_create, refuse_future

S = Membership.Status

# The body whose decision admits or rejects, by the statute's admission.decided_by. The values
# are the kinds governance gives its bodies (``governance.models.Body.Kind``); members names them
# without importing governance, which sits above it (docs/architecture.md, "Layers").
DECIDING_BODY = {
    "board": "board",
    "board_then_assembly": "general_assembly",
    "general_assembly": "general_assembly",
}
# The same words as ``Body.Kind``'s labels, so they share their translations.
BODY_KIND_LABELS = {
    "board": gettext_lazy("Board of Governance"),
    "general_assembly": gettext_lazy("General Assembly"),
}


def _primary_contact(membership: Membership) -> tuple[str, str]:
    """Where to write to a member organisation: its primary representative, else its address."""
    primary = (
        Representative.objects.filter(
            organisation=membership.organisation, role="primary", until__isnull=True
        )
        .select_related("person")
        .first()
    )
    if primary and primary.person.email:
        return primary.person.full_name, primary.person.email
    return str(membership.organisation), membership.organisation.email


@transaction.atomic
def application_submit(
    *,
    platform: Platform,
    organisation_fields: dict[str, Any],
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    working_groups: list[Any],  # the platform's WorkingGroup rows (members does not import them)
    recommenders: list[Membership],
    declarations: list[str],
    documents: list[tuple[str, UploadedFile, datetime.date | None]],
    language: str = "en",
    notify: bool = True,
) -> Application:
    """Record an application from the public form and send the e-mails it causes."""
    today = today_in(platform)
    rules = rules_in_force(platform, today).admission
    problems: list[str] = []

    if any(group.platform_id != platform.pk for group in working_groups):
        problems.append(_("Choose working groups of this platform."))
    if len(set(working_groups)) < rules.min_working_groups:
        problems.append(
            ngettext(
                "Choose at least %(count)d working group.",
                "Choose at least %(count)d working groups.",
                rules.min_working_groups,
            )
            % {"count": rules.min_working_groups}
        )
    in_good_standing = set(members_in_good_standing(platform, today).values_list("pk", flat=True))
    if len({m.pk for m in recommenders}) != len(recommenders):
        problems.append(_("Name each recommending member only once."))
    if any(m.pk not in in_good_standing for m in recommenders):
        problems.append(_("Recommendations must come from members in good standing."))
    if len(recommenders) < rules.recommendations_required:
        problems.append(
            _("Name %(count)d member organisations that recommend you.")
            % {"count": rules.recommendations_required}
        )
    missing = [d for d in rules.declarations if d not in declarations]
    if missing:
        problems.append(_("Every declaration the statute requires must be made."))
    kinds = [kind for kind, _upload, _issued in documents]
    for kind in rules.documents:
        if kind not in kinds:
            problems.append(
                _("The document “%(kind)s” is required.")
                % {"kind": ApplicationDocument.Kind(kind).label}
            )
    for _kind, upload, _issued in documents:
        try:
            check_upload(upload)
        except ValidationError as exc:
            problems.extend(exc.messages)
    number = (organisation_fields.get("registration_number") or "").strip()
    if (
        number
        and Membership.objects.filter(
            platform=platform, organisation__registration_number=number
        ).exists()
    ):
        problems.append(
            _("An organisation with this registration number has already applied or is a member.")
        )
    if problems:
        raise ValidationError(problems)

    label = f"applicant: {contact_email}"
    existing = Organisation.objects.filter(registration_number=number).first() if number else None
    organisation = existing or organisation_create(
        actor=None, platform=platform, actor_label=label, **organisation_fields
    )
    membership = Membership.objects.create(platform=platform, organisation=organisation)
    MembershipChange.objects.create(membership=membership, to_status=S.APPLIED, effective_on=today)
    application = Application.objects.create(
        platform=platform,
        organisation=organisation,
        membership=membership,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        language=language,
        declarations=list(declarations),
    )
    application.working_groups.set(working_groups)
    for kind, upload, issued_on in documents:
        # An uploaded file always has both (the stubs allow None for a file made without them).
        assert upload.name is not None
        assert upload.size is not None
        ApplicationDocument.objects.create(
            application=application,
            kind=kind,
            file=upload,
            original_name=upload.name[:255],
            content_type=check_upload(upload),
            size=upload.size,
            sha256=sha256_of(upload),
            issued_on=issued_on,
        )
    for recommender in recommenders:
        Recommendation.objects.create(application=application, recommender=recommender)
    audit.record(
        "members.application.submitted",
        actor=None,
        actor_label=label,
        target=application,
        platform=platform,
        data={
            "organisation": organisation,
            "working_groups": [g.slug for g in working_groups],
            "recommenders": recommenders,
            "documents": [{"kind": k, "name": u.name} for k, u, _i in documents],
            "declarations": declarations,
        },
    )
    if notify:
        # Queued in this transaction (core.mail.queue): sent by the worker once it commits.
        _send_submission_mails(application.pk)
    return application


def _send_submission_mails(application_pk: int) -> None:
    application = Application.objects.select_related("platform", "organisation").get(
        pk=application_pk
    )
    platform = application.platform
    send_templated(
        to=[application.contact_email],
        language=application.language,
        template="members/email/application_receipt",
        platform=platform,
        context={
            "application": application,
            "platform": platform,
            "status_url": absolute_url(
                "members:application-status",
                language=application.language,
                args=[platform.slug, application.token],
            ),
        },
    )
    for recommendation in application.recommendations.select_related("recommender__organisation"):
        name, email = _primary_contact(recommendation.recommender)
        send_templated(
            to=[email],
            language=application.language,
            template="members/email/recommendation_request",
            platform=platform,
            context={
                "application": application,
                "platform": platform,
                "recipient": name,
                "recommender": recommendation.recommender.organisation,
                "url": absolute_url(
                    "members:recommendation-respond",
                    language=application.language,
                    args=[platform.slug, recommendation.token],
                ),
            },
        )


@transaction.atomic
def recommendation_respond(
    *, recommendation: Recommendation, confirm: bool, responder_name: str, comment: str = ""
) -> Recommendation:
    """The recommending member's answer, given through the link it received."""
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.status != Recommendation.Status.REQUESTED:
        raise ValidationError(_("This recommendation has already been answered."))
    if recommendation.application.membership.status not in (S.APPLIED, S.UNDER_REVIEW):
        raise ValidationError(_("This application has already been decided."))
    if not responder_name.strip():
        raise ValidationError(_("Give your name."))
    recommendation.status = (
        Recommendation.Status.CONFIRMED if confirm else Recommendation.Status.DECLINED
    )
    recommendation.responder_name = responder_name.strip()
    recommendation.comment = comment.strip()
    recommendation.responded_at = timezone.now()
    recommendation.save()
    audit.record(
        f"members.recommendation.{recommendation.status}",
        actor=None,
        actor_label=f"recommender: {recommendation.responder_name}",
        target=recommendation,
        platform=recommendation.application.platform,
        data={"recommender": recommendation.recommender.organisation, "comment": comment},
    )
    return recommendation


@transaction.atomic
def application_start_review(*, actor: Actor, application: Application) -> Application:
    require_manage(actor, application)
    membership_transition(
        actor=actor,
        membership=application.membership,
        to_status=S.UNDER_REVIEW,
        effective_on=today_in(application.platform),
        decided_by=_("Secretariat"),
    )
    return application


@transaction.atomic
def application_record_board_opinion(
    *, actor: Actor, application: Application, opinion: str, given_on: datetime.date, reference: str
) -> Application:
    """The Board's opinion, where the statute has the Board recommend and the Assembly decide."""
    require_manage(actor, application)
    refuse_future(given_on, application.platform, _("The date of the Board's opinion"))
    if opinion not in (Application.BoardOpinion.ADMIT, Application.BoardOpinion.REJECT):
        raise ValidationError(_("Choose whether the Board recommends admission or rejection."))
    if application.membership.status != S.UNDER_REVIEW:
        raise ValidationError(
            _("Only an application under review can receive the Board's opinion.")
        )
    before = audit.snapshot(application, ["board_opinion", "board_opinion_on"])
    application.board_opinion = opinion
    application.board_opinion_on = given_on
    application.board_opinion_reference = reference
    application.save()
    audit.record(
        "members.application.board_opinion",
        actor=actor,
        target=application,
        platform=application.platform,
        data={"before": before, "after": audit.snapshot(application, ["board_opinion"])},
    )
    return application


@transaction.atomic
def application_decide(
    *,
    actor: Actor,
    application: Application,
    admit: bool,
    decided_on: datetime.date,
    decided_by: str,
    decision_reference: str = "",
    reasons: str = "",
    working_group_since: datetime.date | None = None,
) -> Application:
    """Admit or reject, by the body the statute names; notify the applicant with the reasons.

    ``decided_by`` is a body kind (``board`` or ``general_assembly``).
    """
    require_manage(actor, application)
    platform = application.platform
    refuse_future(decided_on, platform, _("The date of a decision"))
    rules = rules_in_force(platform, decided_on).admission
    required_body = DECIDING_BODY.get(rules.decided_by)
    if required_body and decided_by != required_body:
        raise ValidationError(
            _("Under the statute, admission is decided by the %(body)s.")
            % {"body": BODY_KIND_LABELS[required_body]}
        )
    if rules.decided_by == "board_then_assembly" and not application.board_opinion:
        raise ValidationError(
            _("The Board's opinion must be recorded before the General Assembly decides.")
        )
    if not admit and not reasons.strip():
        raise ValidationError(_("Give the reasons for a rejection; the applicant receives them."))
    # The platform's own name for the body (``Body`` is governance's; read through the relation
    # governance declares on Platform), else the kind's name.
    body = platform.bodies.filter(kind=decided_by).first()
    body_name = str(body) if body else str(BODY_KIND_LABELS.get(decided_by, decided_by))
    membership_transition(
        actor=actor,
        membership=application.membership,
        to_status=S.ADMITTED if admit else S.REJECTED,
        effective_on=decided_on,
        decided_by=body_name,
        decision_reference=decision_reference,
        reason=reasons,
    )
    application.decided_on = decided_on
    application.decided_by = body_name
    application.decision_reference = decision_reference
    application.decision_reasons = reasons
    application.save()
    if admit:
        # Working groups enrol the new member in the groups it chose (workinggroups.receivers).
        working_groups_chosen.send(
            sender=Application,
            membership=Membership.objects.get(pk=application.membership_id),
            groups=list(application.working_groups.all()),
            since=working_group_since or decided_on,
            actor=actor,
            actor_label="",
        )
    audit.record(
        "members.application.decided",
        actor=actor,
        target=application,
        platform=platform,
        data={"admitted": admit, "decided_by": body_name, "reference": decision_reference},
    )
    _send_decision_mail(application.pk)  # queued with the decision (core.mail.queue)
    return application


def _send_decision_mail(application_pk: int) -> None:
    application = Application.objects.select_related("platform", "membership").get(
        pk=application_pk
    )
    send_templated(
        to=[application.contact_email],
        language=application.language,
        template="members/email/application_decided",
        platform=application.platform,
        context={
            "application": application,
            "platform": application.platform,
            "admitted": application.membership.status == S.ADMITTED,
            "status_url": absolute_url(
                "members:application-status",
                language=application.language,
                args=[application.platform.slug, application.token],
            ),
        },
    )
