"""The working groups, as the website shows them: public."""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# wrapped view's annotations, which must be real types, not strings.

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Router, Schema
from ninja.pagination import paginate

from platforma.core.models import today_in
from platforma.governance import selectors as governance
from platforma.members.selectors import members_in_good_standing
from platforma.workinggroups.models import WorkingGroup
from platforma.workinggroups.selectors import working_groups_with_counts

from ..access import public_platform
from ..pagination import Pages
from ..params import PlatformSlug, Slug
from ..schemas import answers

router = Router(tags=["workinggroups"])


class SubGroupOut(Schema):
    id: int
    slug: str
    name: str


class CoordinatorOut(Schema):
    """A coordinator as the page names them: the person's name and their organisation."""

    name: str
    organisation: str


class WorkingGroupOut(Schema):
    id: int
    slug: str
    code: str
    name: str
    description: str
    forum_group: str | None
    member_count: int
    coordinators: list[CoordinatorOut]
    subgroups: list[SubGroupOut]


class GroupMemberOut(Schema):
    id: int
    legal_name: str
    acronym: str


class WorkingGroupDetailOut(WorkingGroupOut):
    parent: SubGroupOut | None
    members: list[GroupMemberOut]


def _coordinators(mandates: list[Any]) -> list[dict[str, str]]:
    return [
        {
            "name": m.person.full_name,
            "organisation": m.organisation.legal_name if m.organisation else "",
        }
        for m in mandates
    ]


def _group(group: WorkingGroup, coordinators: list[Any], member_count: int) -> dict[str, Any]:
    return {
        "id": group.pk,
        "slug": group.slug,
        "code": group.code,
        "name": group.name,
        "description": group.description,
        "forum_group": group.forum_group.name if group.forum_group else None,
        "member_count": member_count,
        "coordinators": _coordinators(coordinators),
        "subgroups": [{"id": s.pk, "slug": s.slug, "name": s.name} for s in group.subgroups.all()],
    }


@router.get(
    "/platforms/{platform}/working-groups",
    response=answers(list[WorkingGroupOut]),
    summary="The platform's working groups, with their sub-groups, members' count and coordinators",
    operation_id="working_group_list",
)
@paginate(Pages)
def working_group_list(request: HttpRequest, platform: PlatformSlug) -> list[dict[str, Any]]:
    the_platform = public_platform(platform)
    coordinators = governance.coordinators_by_working_group(the_platform, today_in(the_platform))
    return [
        _group(g, coordinators.get(g.pk, []), g.member_count)  # type: ignore[attr-defined]
        for g in working_groups_with_counts(the_platform)
    ]


@router.get(
    "/platforms/{platform}/working-groups/{slug}",
    response=answers(WorkingGroupDetailOut),
    summary="A working group (or sub-group) with its member organisations in good standing",
    operation_id="working_group_detail",
)
def working_group_detail(
    request: HttpRequest, platform: PlatformSlug, slug: Slug
) -> dict[str, Any]:
    the_platform = public_platform(platform)
    group: WorkingGroup = get_object_or_404(
        WorkingGroup.objects.select_related("forum_group", "parent").prefetch_related("subgroups"),
        platform=the_platform,
        slug=slug,
    )
    today = today_in(the_platform)
    members = list(
        members_in_good_standing(the_platform, today)
        .filter(enrolments__working_group=group, enrolments__until__isnull=True)
        .select_related("organisation")
        .distinct()
        .order_by(f"organisation__legal_name_{get_language()}", "organisation__legal_name")
    )
    coordinators = governance.coordinators_by_working_group(the_platform, today)
    parent = group.parent
    return {
        **_group(group, coordinators.get(group.pk, []), len(members)),
        "parent": {"id": parent.pk, "slug": parent.slug, "name": parent.name} if parent else None,
        "members": [
            {
                "id": m.organisation.pk,
                "legal_name": m.organisation.legal_name,
                "acronym": m.organisation.acronym,
            }
            for m in members
        ],
    }
