"""The platforms' governance, as the public pages show it: the bodies with their offices and
today's holders (website "Governance" page), and the register of decisions (meetings)."""

# No ``from __future__ import annotations``: ninja reads the parameters of a paginated
# operation from its wrapper, which cannot resolve annotations given as strings.

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from platforma.core.models import Platform, today_in
from platforma.core.selectors import rules_in_force
from platforma.governance import selectors as governance
from platforma.governance.models import Body, Mandate, Office
from platforma.meetings.models import Decision
from platforma.meetings.selectors import decision_register
from platforma.members.selectors import members_in_good_standing

from ..access import public_platform
from ..pagination import Pages
from ..params import Id, PlatformSlug, Text, Year, aware, object_id
from ..schemas import answers

router = Router(tags=["governance"])


class HolderOut(Schema):
    person: str
    organisation: str
    since: datetime.date
    until: datetime.date | None


class OfficeOut(Schema):
    id: int
    kind: str
    kind_label: str
    name: str
    working_group: str | None  # the group's slug, for a coordinator's office
    seats: int
    country_facilitator: bool  # the platform coordinator: the Forum's Country Facilitator
    holders: list[HolderOut]


class BodyOut(Schema):
    id: int
    kind: str
    kind_label: str
    name: str
    description: str
    # The General Assembly: its members in good standing today (one vote each).
    member_count: int | None
    # The Board: the kinds of office the statute in force composes it of.
    composition: list[str]
    offices: list[OfficeOut]


def _holder(mandate: Mandate) -> dict[str, Any]:
    return {
        "person": mandate.person.full_name,
        "organisation": mandate.organisation.display_name,
        "since": mandate.starts_on,
        "until": mandate.ends_on,
    }


def _office(office: Office, holders: list[Mandate]) -> dict[str, Any]:
    return {
        "id": office.pk,
        "kind": office.kind,
        "kind_label": str(office.get_kind_display()),
        "name": office.name,
        "working_group": office.working_group.slug if office.working_group else None,
        "seats": office.seats,
        "country_facilitator": office.kind == Office.Kind.PLATFORM_COORDINATOR,
        "holders": [_holder(m) for m in holders],
    }


def platform_bodies(platform: Platform) -> list[dict[str, Any]]:
    """Each body with its offices and today's holders: the offices it elects or appoints
    (``Office.body``), and for the Board the offices the statute in force composes it of (the
    Board as the page shows it, with the Country Facilitator). A fixed number of queries."""
    today = today_in(platform)
    rules = rules_in_force(platform, today)
    in_force: dict[int, list[Mandate]] = {}
    for mandate in governance.mandates_in_force(platform, today).order_by("starts_on", "pk"):
        in_force.setdefault(mandate.office_id, []).append(mandate)
    board_kinds = list(rules.board_composition)
    offices = list(
        Office.objects.filter(platform=platform)
        .filter(Q(body__isnull=False) | Q(kind__in=board_kinds))
        .select_related("working_group")
    )
    kinds = dict(Office.Kind.choices)
    result = []
    for body in governance.bodies(platform):
        if body.kind == Body.Kind.BOARD:
            # As board_of_governance: the statute's kinds in its order, then by group.
            order = {kind: i for i, kind in enumerate(board_kinds)}
            own = [o for o in offices if o.kind in order or o.body_id == body.pk]
            own.sort(
                key=lambda o: (
                    order.get(o.kind, len(order)),
                    o.working_group.position if o.working_group else 0,
                    o.name,
                )
            )
        else:
            own = [o for o in offices if o.body_id == body.pk]
        result.append(
            {
                "id": body.pk,
                "kind": body.kind,
                "kind_label": str(body.get_kind_display()),
                "name": body.name,
                "description": body.description,
                "member_count": (
                    members_in_good_standing(platform, today).count()
                    if body.kind == Body.Kind.GENERAL_ASSEMBLY
                    else None
                ),
                "composition": (
                    [str(kinds.get(k, k)) for k in board_kinds]
                    if body.kind == Body.Kind.BOARD
                    else []
                ),
                "offices": [_office(o, in_force.get(o.pk, [])) for o in own],
            }
        )
    return result


@router.get(
    "/platforms/{platform}/bodies",
    response=answers(list[BodyOut]),
    summary="The platform's bodies, their offices and today's office holders",
    operation_id="body_list",
)
@paginate(Pages)
def body_list(request: HttpRequest, platform: PlatformSlug):
    return platform_bodies(public_platform(platform))


class BodyRef(Schema):
    id: int
    kind: str
    name: str


class DecisionOut(Schema):
    id: int
    reference: str
    title: str
    text: str
    body: BodyRef
    year: int
    number: int
    decided_on: datetime.date
    is_public: bool  # false only in the answers to those who manage the platform
    updated_at: datetime.datetime


class DecisionFilters(Schema):
    year: Year | None = None
    body: Id | None = None
    q: Text = ""
    updated_since: datetime.datetime | None = None


def _register(request: HttpRequest, platform: Platform, filters: DecisionFilters) -> QuerySet:
    body = None
    if filters.body is not None:
        body = Body.objects.filter(platform=platform, pk=filters.body).first()
        if body is None:
            return Decision.objects.none()  # another platform's or no such body: nothing
    decisions = decision_register(
        platform, user=request.user, query=filters.q, body=body, year=filters.year
    )
    since = aware(filters.updated_since)
    if since is not None:
        decisions = decisions.filter(updated_at__gte=since)
    return decisions


@router.get(
    "/platforms/{platform}/decisions",
    response=answers(list[DecisionOut]),
    summary="The register of decisions (the public ones; all of them for the platform's managers)",
    operation_id="decision_list",
)
@paginate(Pages)
def decision_list(request: HttpRequest, platform: PlatformSlug, filters: Query[DecisionFilters]):
    return _register(request, public_platform(platform), filters)


@router.get(
    "/platforms/{platform}/decisions/{pk}",
    response=answers(DecisionOut),
    summary="A decision of the register",
    operation_id="decision_detail",
)
def decision_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> Decision:
    site = public_platform(platform)
    decision = decision_register(site, user=request.user).filter(pk=pk).first()
    if decision is None:
        raise Http404("No such decision")
    return decision
