"""The Assembly and its call, from the draft to the published list: the selection, the e-mails."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Platform, today_in
from platforma.core.selectors import rules_in_force
from platforma.core.statute_rules import QuotaBounds
from platforma.core.types import Actor
from platforma.members.selectors import members_in_good_standing

from ... import selection
from ...models import AnnualAssembly, DelegateApplication, DelegateCall
from .common import (
    ASSEMBLY_FIELDS,
    NOT_IN_GOOD_STANDING,
    Outcome,
    State,
    _forum_day,
    _in_call,
    _require_forum_staff,
    _require_state,
    _rescore,
    marks_complete,
)
from .words import decision_text, platform_names

# -- the Assembly and its call ----------------------------------------------------------------


def _forum() -> Platform:
    forum: Platform | None = Platform.objects.forum()
    if forum is None:
        raise ValidationError(_("The Forum is not set up on this site."))
    return forum


def _check_dates(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError(_("The Assembly cannot end before it starts."))


@transaction.atomic
def assembly_create(
    *,
    actor: Actor,
    year: int,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    place: str,
    description: str = "",
) -> AnnualAssembly:
    _require_forum_staff(actor)
    forum = _forum()
    _check_dates(starts_on, ends_on)
    if not title.strip() or not place.strip():
        raise ValidationError(_("Give the Assembly a title and a place."))
    if AnnualAssembly.objects.filter(year=year).exists():
        raise ValidationError(
            _("There is already an Annual Assembly in %(year)s.") % {"year": year}
        )
    assembly = AnnualAssembly.objects.create(
        platform=forum,
        year=year,
        title=title.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        place=place.strip(),
        description=description.strip(),
    )
    audit.record(
        "forum.assembly.created",
        actor=actor,
        target=assembly,
        platform=forum,
        data=audit.snapshot(assembly),
    )
    return assembly


@transaction.atomic
def assembly_update(*, actor: Actor, assembly: AnnualAssembly, **fields: Any) -> AnnualAssembly:
    _require_forum_staff(actor)
    unknown = set(fields) - ASSEMBLY_FIELDS
    if unknown:
        raise ValueError(f"assembly_update: not editable: {sorted(unknown)}")
    before = audit.snapshot(assembly)
    for name, value in fields.items():
        setattr(assembly, name, value.strip() if isinstance(value, str) else value)
    _check_dates(assembly.starts_on, assembly.ends_on)
    assembly.save()
    audit.record(
        "forum.assembly.updated",
        actor=actor,
        target=assembly,
        platform=assembly.platform,
        data=audit.diff(before, audit.snapshot(assembly)),
    )
    return assembly


def _check_criteria(criteria: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    clean: list[dict[str, Any]] = []
    keys: set[str] = set()
    for criterion in criteria:
        key = str(criterion.get("key", "")).strip()
        weight, top = criterion.get("weight"), criterion.get("max")
        if not key or key in keys:
            raise ValidationError(_("Every criterion of the scoring sheet needs its own key."))
        if not isinstance(weight, int) or weight < 0 or not isinstance(top, int) or top < 1:
            raise ValidationError(
                _(
                    "Criterion “%(key)s”: the weight must be a whole number of 0 or more and the "
                    "highest mark a whole number of 1 or more."
                )
                % {"key": key}
            )
        keys.add(key)
        clean.append({"key": key, "weight": weight, "max": top})
    if not clean:
        raise ValidationError(_("The scoring sheet needs at least one criterion."))
    return clean


@transaction.atomic
def call_create(
    *,
    actor: Actor,
    assembly: AnnualAssembly,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    criteria: Sequence[Mapping[str, Any]] | None = None,
    rank_weight: int = 10,
) -> DelegateCall:
    """The call for delegates of ``assembly``, in draft; the default scoring sheet unless
    ``criteria`` is given."""
    _require_forum_staff(actor)
    if DelegateCall.objects.filter(assembly=assembly).exists():
        raise ValidationError(_("This Assembly already has its call for delegates."))
    if closes_at <= opens_at:
        raise ValidationError(_("The deadline must come after the opening."))
    if rank_weight < 0:
        raise ValidationError(_("The points for the platform's ranking cannot be negative."))
    call = DelegateCall(assembly=assembly, opens_at=opens_at, closes_at=closes_at)
    call.rank_weight = rank_weight
    if criteria is not None:
        call.criteria = _check_criteria(criteria)
    call.save()
    audit.record(
        "forum.delegate_call.created",
        actor=actor,
        target=call,
        platform=assembly.platform,
        data=audit.snapshot(call),
    )
    return call


@transaction.atomic
def assembly_announce(
    *,
    actor: Actor,
    year: int,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    place: str,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    description: str = "",
) -> DelegateCall:
    """A new Assembly with its call for delegates (in draft), as the office's form gives them:
    both or neither."""
    assembly = assembly_create(
        actor=actor,
        year=year,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        place=place,
        description=description,
    )
    call: DelegateCall = call_create(
        actor=actor, assembly=assembly, opens_at=opens_at, closes_at=closes_at
    )
    return call


@transaction.atomic
def call_reschedule(
    *, actor: Actor, call: DelegateCall, opens_at: datetime.datetime, closes_at: datetime.datetime
) -> DelegateCall:
    """Move the call's opening or deadline, while it is a draft or open (e.g. a later deadline);
    once open, a deadline already passed cannot be set."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.DRAFT, State.OPEN)
    if closes_at <= opens_at:
        raise ValidationError(_("The deadline must come after the opening."))
    if call.state == State.OPEN and closes_at <= timezone.now():
        raise ValidationError(_("The call is open: its deadline cannot be in the past."))
    before = audit.snapshot(call, ["opens_at", "closes_at"])
    call.opens_at, call.closes_at = opens_at, closes_at
    call.save(update_fields=["opens_at", "closes_at", "updated_at"])
    audit.record(
        "forum.delegate_call.rescheduled",
        actor=actor,
        target=call,
        platform=call.assembly.platform,
        data=audit.diff(before, audit.snapshot(call, ["opens_at", "closes_at"])),
    )
    return call


@transaction.atomic
def assembly_revise(
    *,
    actor: Actor,
    call: DelegateCall,
    title: str,
    place: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
) -> DelegateCall:
    """The office's edit form: the Assembly's facts and, when they change, the call's dates."""
    if not title.strip() or not place.strip():
        raise ValidationError(_("Give the Assembly a title and a place."))
    assembly_update(
        actor=actor,
        assembly=call.assembly,
        title=title,
        place=place,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
    )
    if (opens_at, closes_at) != (call.opens_at, call.closes_at):
        call = call_reschedule(actor=actor, call=call, opens_at=opens_at, closes_at=closes_at)
    return call


def _move(call: DelegateCall, actor: Actor, to: str, action: str, **data: Any) -> DelegateCall:
    before = call.state
    call.state = to
    call.save(update_fields=["state", "updated_at"])
    audit.record(
        f"forum.delegate_call.{action}",
        actor=actor,
        target=call,
        platform=call.assembly.platform,
        data={"state": {"before": before, "after": to}, **data},
    )
    return call


@transaction.atomic
def call_open(*, actor: Actor, call: DelegateCall) -> DelegateCall:
    """Open the call for applications (from its draft)."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.DRAFT)
    if call.closes_at <= timezone.now():
        raise ValidationError(_("The deadline has passed: set a later one before opening."))
    return _move(call, actor, State.OPEN, "opened")


@transaction.atomic
def call_close_applications(*, actor: Actor, call: DelegateCall) -> DelegateCall:
    """After the deadline: no more applications; the platforms rank theirs."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.OPEN)
    if timezone.now() < call.closes_at:
        raise ValidationError(
            _("The deadline has not passed yet: applications are taken until then.")
        )
    return _move(call, actor, State.RANKING, "closed", applications=_in_call(call).count())


@transaction.atomic
def call_close_ranking(*, actor: Actor, call: DelegateCall) -> DelegateCall:
    """End the platforms' ranking: the Forum secretariat scores and selects. An application its
    platform did not rank gets no points for the ranking."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.RANKING)
    unranked = _in_call(call).filter(platform_rank__isnull=True).count()
    return _move(call, actor, State.SCORING, "ranking_closed", unranked=unranked)


# -- selection --------------------------------------------------------------------------------


def _bounds(bounds: QuotaBounds) -> selection.Bounds:
    return selection.Bounds(minimum=bounds.minimum, maximum=bounds.maximum)


def quotas_of(call: DelegateCall) -> selection.Quotas:
    """The solver's quotas from the Forum statute in force on the deadline's day."""
    forum = call.assembly.platform
    rule = rules_in_force(forum, _forum_day(forum, call.closes_at)).delegates
    return selection.Quotas(
        seats=rule.seats,
        per_country={key: _bounds(value) for key, value in rule.per_country.items()},
        default_country=_bounds(rule.default_country),
        per_group={key: _bounds(value) for key, value in rule.per_working_group.items()},
        default_group=_bounds(rule.default_working_group),
        min_share_each_gender=rule.min_share_each_gender,
        reserve=rule.reserve,
    )


@transaction.atomic
def call_select(*, actor: Actor, call: DelegateCall) -> selection.Selection:
    """Select the delegates with the solver, under the statute's quotas, and write the outcome
    and its reason on every application. An organisation no longer in good standing of its
    platform is not eligible. When no selection meets the quotas nothing changes and the
    refusal names every quota that cannot be met. May be run again until anyone is told."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.SCORING, State.SELECTED)
    applications = list(
        _in_call(call).select_related("platform", "organisation", "working_group").order_by("pk")
    )
    if any(a.notified_at is not None for a in applications):
        raise ValidationError(_("The applicants have been told: the selection stands."))
    unscored = [a for a in applications if not marks_complete(call, a)]
    if unscored:
        raise ValidationError(
            ngettext(
                "%(n)d application has no marks yet: score it before the selection.",
                "%(n)d applications have no marks yet: score them before the selection.",
                len(unscored),
            )
            % {"n": len(unscored)}
        )
    quotas = quotas_of(call)
    if quotas.seats <= 0:
        raise ValidationError(
            _("The Forum statute in force on the deadline's day sets no seats for delegates.")
        )
    _rescore(call, applications)
    standing: dict[int, set[int]] = defaultdict(set)
    for platform in {a.platform for a in applications}:
        standing[platform.pk] = set(
            members_in_good_standing(platform, today_in(platform)).values_list(
                "organisation", flat=True
            )
        )
    eligible = [a for a in applications if a.organisation_id in standing[a.platform_id]]
    ineligible = [a for a in applications if a.organisation_id not in standing[a.platform_id]]
    candidates = [
        selection.Candidate(
            id=a.pk,
            score=a.score or 0,
            country=a.platform.slug,
            group=a.working_group.number,
            gender=a.gender,
        )
        for a in eligible
    ]
    try:
        result = selection.select(candidates, quotas)
    except selection.Infeasible as exc:
        raise ValidationError(
            [_("No selection meets the quotas of the Forum statute:")]
            + [problem.message for problem in exc.problems]
        ) from exc
    now = timezone.now()
    for application in ineligible:
        application.outcome = Outcome.INELIGIBLE
        application.reserve_rank = None
        application.reason = NOT_IN_GOOD_STANDING
        application.reason_params = {"platform": application.platform.slug}
        application.updated_at = now
    for application in eligible:
        decision = result.decisions[application.pk]
        application.outcome = decision.outcome
        application.reserve_rank = decision.reserve_rank
        application.reason = decision.reason
        application.reason_params = dict(decision.params)
        application.updated_at = now
    DelegateApplication.objects.bulk_update(
        applications,
        ["outcome", "reserve_rank", "reason", "reason_params", "updated_at"],
        batch_size=500,
    )
    _move(
        call,
        actor,
        State.SELECTED,
        "selected",
        selected=list(result.selected),
        reserve=list(result.reserve),
        ineligible=[a.pk for a in ineligible],
        total_score=result.total_score,
        seats=quotas.seats,
    )
    return result


@transaction.atomic
def applicants_notify(*, actor: Actor, call: DelegateCall) -> int:
    """Queue one e-mail per application not told yet: its outcome and the reason, in the
    language it was sent in, to the person and to whoever applied. Returns how many."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.SELECTED, State.PUBLISHED)
    decided = (
        Outcome.SELECTED,
        Outcome.RESERVE,
        Outcome.NOT_SELECTED,
        Outcome.INELIGIBLE,
    )
    applications = list(
        DelegateApplication.objects.filter(
            call=call, outcome__in=decided, notified_at__isnull=True
        ).select_related("platform", "organisation", "working_group", "submitted_by")
    )
    assembly = call.assembly
    names = platform_names()
    now = timezone.now()
    for application in applications:
        language = application.language or settings.LANGUAGE_CODE
        with translation.override(language):
            decision = decision_text(application, names)
            outcome = application.get_outcome_display()
        to = [application.email]
        submitter = application.submitted_by
        if submitter is not None and submitter.email and submitter.email != application.email:
            to.append(submitter.email)
        send_templated(
            to=to,
            language=language,
            template="forum/email/delegate_outcome",
            context={
                "application": application,
                "assembly": assembly,
                "outcome": outcome,
                "decision": decision,
                "url": absolute_url("forum:assembly", language=language, args=[assembly.year]),
            },
            platform=None,
            purpose="delegate_outcome",
        )
        application.notified_at = now
        application.save(update_fields=["notified_at", "updated_at"])
    audit.record(
        "forum.delegate_call.notified",
        actor=actor,
        target=call,
        platform=assembly.platform,
        data={"applications": [a.pk for a in applications]},
    )
    return len(applications)


@transaction.atomic
def call_publish(*, actor: Actor, call: DelegateCall) -> DelegateCall:
    """Publish the list of delegates (and the reserve list) on the Assembly's page."""
    _require_forum_staff(actor)
    call = (
        DelegateCall.objects.select_for_update()
        .select_related("assembly__platform")
        .get(pk=call.pk)
    )
    _require_state(call, State.SELECTED)
    assembly = call.assembly
    assembly.delegates_published_at = timezone.now()
    assembly.save(update_fields=["delegates_published_at", "updated_at"])
    return _move(
        call,
        actor,
        State.PUBLISHED,
        "published",
        delegates=_in_call(call).filter(outcome=Outcome.SELECTED).count(),
    )
