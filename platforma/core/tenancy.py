"""Which platform an object belongs to, and whether an actor may act on it.

The one place that knows how each model reaches its platform. Office forms limit every choice
with :func:`scoped`, services refuse objects of platforms the actor does not manage with
:func:`require_manage` (or, where a working group's coordinators may act too,
:func:`require_manage_or_coordinate`). A model nobody described here is refused (deny by
default): adding a model that forms or services hand around means saying here how it reaches
its platform.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from .models import Platform
from .permissions import coordinated_group_ids, is_forum_secretariat, managed_platforms
from .types import Actor

M = TypeVar("M", bound=models.Model)

# Memberships that make an organisation (and the people who represent it) part of a platform.
# An application, a refusal or a membership that ended does not: otherwise anyone could make
# another platform's member "shared" by applying in its name, and so lock its own secretariat
# out of it (core.services.require_manage_wholly).
LIVE = ("admitted", "suspended")

# model label -> lookup paths from the model to its Platform (several: any of them). A path may
# carry conditions on the same related row: (path, {lookup: value}). Models with a ``platform``
# foreign key need no entry.
# A path: a lookup, or a lookup with conditions on the same related row.
Path = str | tuple[str, dict[str, Any]]

PATHS: dict[str, tuple[Path, ...]] = {
    "core.platform": ("pk",),
    # People and organisations are shared across platforms: a platform reaches the organisations
    # that are its members, the people who represent them now, and the holders of its offices.
    "core.person": (
        (
            "representations__organisation__memberships__platform",
            {
                "representations__until__isnull": True,
                "representations__organisation__memberships__status__in": LIVE,
            },
        ),
        "mandates__office__platform",
    ),
    "members.organisation": (("memberships__platform", {"memberships__status__in": LIVE}),),
    # A user account belongs to the platforms whose back office it works in, and to those of
    # the live members its person represents now (e.g. a teller of an election).
    "auth.user": (
        "platform_roles__platform",
        (
            "person__representations__organisation__memberships__platform",
            {
                "person__representations__until__isnull": True,
                "person__representations__organisation__memberships__status__in": LIVE,
            },
        ),
    ),
    "members.representative": (
        (
            "organisation__memberships__platform",
            {"organisation__memberships__status__in": LIVE},
        ),
    ),
    "members.applicationdocument": ("application__platform",),
    "members.recommendation": ("application__platform",),
    "members.membershipchange": ("membership__platform",),
    "governance.mandate": ("office__platform",),
    "workinggroups.enrolment": ("working_group__platform",),
    "meetings.agendaitem": ("meeting__platform",),
    "meetings.agendadocument": ("item__meeting__platform",),
    "meetings.convocation": ("meeting__platform",),
    "meetings.attendance": ("meeting__platform",),
    "meetings.proxy": ("meeting__platform",),
    "meetings.quorumevent": ("meeting__platform",),
    "meetings.motion": ("meeting__platform",),
    "meetings.vote": ("motion__meeting__platform",),
    "meetings.minutes": ("meeting__platform",),
    "activities.eventfile": ("event__platform",),
    "activities.registration": ("event__platform",),
    "activities.attendance": ("event__platform",),
    "publications.publicationversion": ("publication__platform",),
    "publications.signature": ("publication__platform",),
    "publications.distributionrecipient": ("distribution__platform",),
    "publications.distributioncategory": ("distribution__platform",),
    "elections.nomination": ("election__platform",),
    "elections.seconder": ("nomination__election__platform",),
    "elections.electionproxy": ("election__platform",),
    "elections.teller": ("election__platform",),
    "reports.reportnarrative": ("report__platform",),
    "forum.delegatecall": ("assembly__platform",),
}


# People and organisations shared by the platforms are the Forum's too: the Forum's members
# are every platform's members (and its direct ones). Whoever manages the Forum's row reaches
# them in its own work (the Steering Committee's elections and meetings, delegates), without
# becoming one of their platforms: their records stay in their platforms' chains.
FORUM_REACHES = frozenset(
    {"core.person", "members.organisation", "members.representative", "auth.user"}
)


def platform_paths(model: type[models.Model]) -> tuple[Path, ...]:
    label = model._meta.label_lower
    if label in PATHS:
        return PATHS[label]
    try:
        field = model._meta.get_field("platform")
    except Exception:  # noqa: BLE001 - FieldDoesNotExist, the model has no platform of its own
        field = None
    if field is not None and field.is_relation and field.related_model is Platform:
        return ("platform",)
    raise ImproperlyConfigured(
        f"{label}: say in core.tenancy.PATHS how it reaches its platform "
        "(forms and services refuse what they cannot place)."
    )


def _split(path: Path) -> tuple[str, dict[str, Any]]:
    return (path, {}) if isinstance(path, str) else path


def _condition(model: type[models.Model], platforms: Iterable[Platform]) -> Q:
    condition = Q()
    for entry in platform_paths(model):
        path, extra = _split(entry)
        condition |= Q(**{f"{path}__in": platforms, **extra})
    return condition


def scoped(
    queryset: QuerySet[M], platforms: Platform | Iterable[Platform] | QuerySet[Platform]
) -> QuerySet[M]:
    """``queryset`` limited to the rows of ``platforms`` (one platform, or several)."""
    if isinstance(platforms, Platform):
        platforms = [platforms]
    model = queryset.model
    paths = platform_paths(model)
    if model._meta.label_lower in FORUM_REACHES and not isinstance(platforms, QuerySet):
        platforms = list(platforms)
        if any(p.is_forum for p in platforms):
            platforms = Platform.objects.all()
    if paths == ("pk",) or paths == ("platform",):
        return queryset.filter(_condition(model, platforms))
    # Lookups across to-many relations can repeat a row: keep each once, in the queryset's order.
    ids = model._default_manager.filter(_condition(model, platforms)).values("pk")
    return queryset.filter(pk__in=ids)


def platforms_of(obj: models.Model) -> set[int]:
    """The ids of the platforms ``obj`` belongs to (several for shared people and organisations)."""
    if isinstance(obj, Platform):
        return {obj.pk}
    model = type(obj)
    paths = platform_paths(model)
    if paths == ("platform",):
        return {obj.platform_id}  # type: ignore[attr-defined]  # platform_paths found the field
    ids: set[int] = set()
    for entry in paths:
        path, extra = _split(entry)
        rows = model._default_manager.filter(pk=obj.pk, **extra).values_list(path, flat=True)
        ids.update(v for v in rows if v is not None)
    return ids


def _reaches(mine: set[int], forum: bool, obj: models.Model) -> bool:
    """Whether the managed platforms ``mine`` (``forum``: the Forum's row among them) reach
    ``obj``: a platform of its own, or, for the Forum, a person or organisation of any."""
    theirs = platforms_of(obj)
    if mine & theirs:
        return True
    return forum and bool(theirs) and obj._meta.label_lower in FORUM_REACHES


def _managed(actor: Actor) -> tuple[set[int], bool]:
    rows = list(managed_platforms(actor).values_list("pk", "is_forum"))
    return {pk for pk, _is_forum in rows}, any(is_forum for _pk, is_forum in rows)


def may_manage(actor: Actor, obj: models.Model) -> bool:
    if actor is None or is_forum_secretariat(actor):
        return True
    mine, forum = _managed(actor)
    return _reaches(mine, forum, obj)


def require_manage(actor: Actor, *objects: models.Model | None) -> None:
    """Refuse unless ``actor`` manages the platform of every object.

    ``actor=None`` is the system itself (the demo loader, management commands run by the
    operator): it may act anywhere. Anyone else must manage a platform each object belongs to.
    """
    if actor is None or is_forum_secretariat(actor):
        return
    mine, forum = _managed(actor)
    for obj in objects:
        if obj is None:
            continue
        if not _reaches(mine, forum, obj):
            raise PermissionDenied(
                _("You do not manage the platform of “%(object)s”.") % {"object": obj}
            )


def coordinates(
    actor: Actor, obj: models.Model, group_ids: Iterable[int | None], *, every: bool = False
) -> bool:
    """Whether ``actor`` coordinates, in ``obj``'s platform, one of the working groups
    ``group_ids`` (``every``: all of them; none given: no)."""
    if actor is None:
        return False
    groups = {pk for pk in group_ids if pk is not None}
    if not groups:
        return False
    coordinated: frozenset[int] = frozenset()
    for platform in Platform.objects.filter(pk__in=platforms_of(obj)):
        coordinated |= coordinated_group_ids(actor, platform)
    return groups <= coordinated if every else bool(groups & coordinated)


def may_manage_or_coordinate(
    actor: Actor, obj: models.Model, group_ids: Iterable[int | None], *, every: bool = False
) -> bool:
    return may_manage(actor, obj) or coordinates(actor, obj, group_ids, every=every)


def require_manage_or_coordinate(
    actor: Actor,
    obj: models.Model,
    group_ids: Iterable[int | None],
    *,
    every: bool = False,
) -> None:
    """Refuse unless ``actor`` manages ``obj``'s platform (as :func:`require_manage`) or
    coordinates a working group of ``obj``'s: ``group_ids`` are the object's groups (an event's,
    a publication's, an enrolment's), read from the database by the service, never from the
    form. ``every=True``: all of them must be the actor's (the groups a new or edited object is
    given); otherwise one is enough (an event shared by two groups is either's to manage).
    Deny by default: an object of no group is the secretariat's alone."""
    if may_manage(actor, obj):
        return
    if coordinates(actor, obj, group_ids, every=every):
        return
    raise PermissionDenied(
        _("You neither manage the platform of “%(object)s” nor coordinate its working group.")
        % {"object": obj}
    )
