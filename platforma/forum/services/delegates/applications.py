"""Applying, withdrawing, a platform's ranking and the Forum secretariat's marks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Platform
from platforma.core.types import Actor
from platforma.members.models import Organisation
from platforma.workinggroups.models import ForumWorkingGroup

from ...models import DelegateApplication, DelegateCall
from .common import (
    WITHDRAWN,
    Outcome,
    State,
    _in_call,
    _require_forum_staff,
    _require_secretariat_of,
    _require_state,
    _rescore,
    is_accepting,
    represented_organisations,
    score_of,
    standing_platform,
)
from .words import criterion_label

# -- applications -----------------------------------------------------------------------------


def _person_problems(first_name: str, last_name: str, email: str, gender: str) -> list[str]:
    problems = []
    if not first_name.strip() or not last_name.strip():
        problems.append(_("Give the first and last name of the person who would go."))
    try:
        validate_email(email)
    except ValidationError:
        problems.append(_("Give a valid e-mail address of the person who would go."))
    if gender not in DelegateApplication.Gender.values:
        problems.append(_("Choose the gender of the person who would go."))
    return problems


@transaction.atomic
def application_submit(
    *,
    actor: Any,
    call: DelegateCall,
    organisation: Organisation,
    working_group: ForumWorkingGroup,
    motivation: str,
    first_name: str,
    last_name: str,
    email: str,
    gender: str,
    language: str | None = None,
) -> DelegateApplication:
    """A representative applies for their organisation, which must be a member in good standing
    of a platform (or of the Forum's row, for EU-side members), while the call is open."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied(_("Log in to apply."))
    call = DelegateCall.objects.select_for_update().get(pk=call.pk)
    if not is_accepting(call):
        raise ValidationError(_("The call for delegates is closed: it takes no applications."))
    if not represented_organisations(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied(
            _("You do not represent “%(organisation)s”.") % {"organisation": organisation}
        )
    platform = standing_platform(organisation)
    if platform is None:
        raise ValidationError(
            _(
                "“%(organisation)s” is not a member in good standing of a platform of the "
                "Forum: only members in good standing may apply."
            )
            % {"organisation": organisation}
        )
    existing = DelegateApplication.objects.filter(call=call, organisation=organisation).first()
    if existing is not None and existing.outcome != Outcome.WITHDRAWN:
        raise ValidationError(
            _("“%(organisation)s” has already applied to this call.")
            % {"organisation": organisation}
        )
    problems = _person_problems(first_name, last_name, email, gender)
    if not motivation.strip():
        problems.append(_("Say why your organisation should be a delegate."))
    if problems:
        raise ValidationError(problems)
    application = existing or DelegateApplication(call=call, organisation=organisation)
    application.platform = platform
    application.working_group = working_group
    application.motivation = motivation.strip()
    application.first_name = first_name.strip()
    application.last_name = last_name.strip()
    application.email = email.strip()
    application.gender = gender
    application.language = language or translation.get_language() or settings.LANGUAGE_CODE
    application.submitted_by = actor
    application.outcome = Outcome.PENDING
    application.reason = ""
    application.reason_params = {}
    application.save()
    audit.record(
        "forum.delegate_application.submitted",
        actor=actor,
        target=application,
        data={
            "call": call.pk,
            "organisation": organisation.pk,
            "working_group": working_group.number,
            "person": application.full_name,
            "email": application.email,
            "gender": gender,
            "again": existing is not None,
        },
    )
    return application


@transaction.atomic
def application_withdraw(*, actor: Any, application: DelegateApplication) -> DelegateApplication:
    """A representative of the organisation withdraws its application while the call is open."""
    application = (
        DelegateApplication.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=application.pk)
    )
    if actor is None or not (
        represented_organisations(actor).filter(pk=application.organisation_id).exists()
    ):
        raise PermissionDenied(_("Only a representative of the organisation may withdraw it."))
    if not is_accepting(application.call):
        raise ValidationError(_("The call is closed: the application can no longer be withdrawn."))
    if application.outcome == Outcome.WITHDRAWN:
        raise ValidationError(_("The application is already withdrawn."))
    application.outcome = Outcome.WITHDRAWN
    application.reason = WITHDRAWN
    application.save(update_fields=["outcome", "reason", "updated_at"])
    audit.record("forum.delegate_application.withdrawn", actor=actor, target=application)
    return application


@transaction.atomic
def platform_rank(
    *, actor: Actor, call: DelegateCall, platform: Platform, ranks: Mapping[int, int]
) -> list[DelegateApplication]:
    """``platform``'s secretariat ranks its applicants: ``ranks`` maps each of its applications
    (id) to its place, a full ranking 1..n. Another platform's application is refused."""
    _require_secretariat_of(actor, platform)
    call = DelegateCall.objects.select_for_update().get(pk=call.pk)
    _require_state(call, State.RANKING)
    applications = list(
        _in_call(call).filter(pk__in=list(ranks)).select_related("platform").order_by("pk")
    )
    if any(a.platform_id != platform.pk for a in applications) or len(applications) != len(ranks):
        raise PermissionDenied(_("You may rank only your own platform's applications."))
    own = list(_in_call(call).filter(platform=platform).select_related("platform"))
    if {a.pk for a in own} != set(ranks):
        raise ValidationError(_("Rank every one of the platform's applications."))
    if sorted(ranks.values()) != list(range(1, len(own) + 1)):
        raise ValidationError(
            _("Give each application its own place, from 1 to %(n)s.") % {"n": len(own)}
        )
    for application in own:
        application.platform_rank = ranks[application.pk]
        application.save(update_fields=["platform_rank", "updated_at"])
    _rescore(call, own)
    audit.record(
        "forum.delegate_call.ranked",
        actor=actor,
        target=call,
        platform=platform,
        data={"ranking": [a.pk for a in sorted(own, key=lambda a: ranks[a.pk])]},
    )
    return sorted(own, key=lambda a: ranks[a.pk])


@transaction.atomic
def application_score(
    *, actor: Actor, application: DelegateApplication, marks: Mapping[str, int]
) -> DelegateApplication:
    """The Forum secretariat marks an application on each criterion of the call's scoring sheet
    (a whole number from 0 to the criterion's highest mark); the score follows (module
    docstring)."""
    _require_forum_staff(actor)
    application = (
        DelegateApplication.objects.select_for_update()
        .select_related("call", "platform")
        .get(pk=application.pk)
    )
    call = application.call
    _require_state(call, State.RANKING, State.SCORING)
    if application.outcome == Outcome.WITHDRAWN:
        raise ValidationError(_("The application was withdrawn."))
    keys = [str(c["key"]) for c in call.criteria]
    if set(marks) != set(keys):
        raise ValidationError(_("Give a mark for every criterion of the scoring sheet."))
    problems = []
    for criterion in call.criteria:
        mark = marks[str(criterion["key"])]
        if not isinstance(mark, int) or isinstance(mark, bool) or not 0 <= mark <= criterion["max"]:
            problems.append(
                _("%(criterion)s: the mark must be a whole number from 0 to %(max)s.")
                % {"criterion": criterion_label(str(criterion["key"])), "max": criterion["max"]}
            )
    if problems:
        raise ValidationError(problems)
    before = dict(application.scores)
    application.scores = {key: int(marks[key]) for key in keys}
    application.save(update_fields=["scores", "updated_at"])
    ranked = _in_call(call).filter(platform=application.platform_id).count()
    application.score = score_of(call, application, ranked)
    application.save(update_fields=["score", "updated_at"])
    audit.record(
        "forum.delegate_application.scored",
        actor=actor,
        target=application,
        data={"marks": {"before": before, "after": application.scores}, "score": application.score},
    )
    return application
