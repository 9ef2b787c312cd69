"""The Annual Assembly's call for delegates, from the call to the published list.

draft -> open -> ranking -> scoring -> selected -> published:

- the Forum secretariat creates the Assembly and its call, and opens it;
- while it is open (and before its deadline) a representative of a member organisation in good
  standing applies for it (one application per organisation and call), and may withdraw;
- after the deadline the call is closed: each platform's secretariat ranks its own applicants
  (the Forum's secretariat ranks the EU-side ones, who apply through the Forum's own row);
- the Forum secretariat closes the ranking, marks every application on the scoring sheet and
  runs the selection: the solver (``platforma.forum.selection``) picks the delegates under the
  quotas of the Forum statute in force on the deadline's day, and every application gets its
  outcome and the reason for it;
- the applicants are told, by e-mail in the language they applied in, and the list is published.

The score
---------
``score`` is kept in hundredths of a point (integers keep the solver exact)::

    score = 100 * sum(weight * mark for each criterion of the scoring sheet) + rank points

    rank points = round(100 * rank_weight * (n - rank + 1) / n)     (halves rounded up)

where ``n`` is the number of the platform's applications still in the call (not withdrawn) and
``rank`` an application's place in its platform's ranking (1 is the best). The first of a
platform's applicants gets ``rank_weight`` points, the last ``rank_weight / n``; an application
the platform has not ranked gets none. Example: weights 3, 2, 2, marks 8, 7, 6, rank 2 of 4,
rank_weight 10: 100 * (24 + 14 + 12) + round(100 * 10 * 3 / 4) = 5000 + 750 = 5750 (57.50).
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from platforma.core import audit
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Platform, today_in
from platforma.core.permissions import can_manage_platform
from platforma.core.selectors import rules_in_force
from platforma.core.statute_rules import QuotaBounds
from platforma.core.types import Actor
from platforma.members.models import Membership, Organisation, Representative
from platforma.members.selectors import members_in_good_standing
from platforma.workinggroups.models import ForumWorkingGroup

from .. import selection
from ..models import AnnualAssembly, DelegateApplication, DelegateCall
from ..permissions import is_forum_staff

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


def in_good_standing(organisation: Organisation, platform: Platform) -> bool:
    return (
        members_in_good_standing(platform, today_in(platform))
        .filter(organisation=organisation)
        .exists()
    )


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
        rows.values("platform", "platform__slug", "platform__name")
        .annotate(total=Count("id"), withdrawn=Count("id", filter=Q(outcome=Outcome.WITHDRAWN)))
        .order_by("platform__slug")
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
    for application in applications:
        new = score_of(call, application, per_platform[application.platform_id])
        if new != application.score:
            application.score = new
            application.save(update_fields=["score", "updated_at"])


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
    for application in ineligible:
        application.outcome = Outcome.INELIGIBLE
        application.reserve_rank = None
        application.reason = NOT_IN_GOOD_STANDING
        application.reason_params = {"platform": application.platform.slug}
        application.save(
            update_fields=["outcome", "reserve_rank", "reason", "reason_params", "updated_at"]
        )
    for application in eligible:
        decision = result.decisions[application.pk]
        application.outcome = decision.outcome
        application.reserve_rank = decision.reserve_rank
        application.reason = decision.reason
        application.reason_params = dict(decision.params)
        application.save(
            update_fields=["outcome", "reserve_rank", "reason", "reason_params", "updated_at"]
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
        return (
            f"{application.get_outcome_display()}: {reason}"
            if reason
            else str(application.get_outcome_display())
        )
    return str(application.get_outcome_display())
