"""The platforms and the Forum: public."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from platforma.core.models import Platform
from platforma.core.selectors import platform_for_public

from ..pagination import Pages
from ..params import PlatformSlug
from ..schemas import answers

router = Router(tags=["platforms"])


class PlatformOut(Schema):
    slug: str
    name: str
    country: str
    country_code: str
    description: str
    is_forum: bool
    is_demo: bool
    founded_on: datetime.date | None
    website: str
    email: str
    time_zone: str


@router.get(
    "/platforms",
    response=answers(list[PlatformOut]),
    summary="The national platforms and the Forum",
    operation_id="platform_list",
)
@paginate(Pages)
def platform_list(request: HttpRequest) -> QuerySet[Platform]:
    return Platform.objects.order_by("-is_forum", "slug")


@router.get(
    "/platforms/{platform}",
    response=answers(PlatformOut),
    summary="A platform (or the Forum: slug “forum”)",
    operation_id="platform_detail",
)
def platform_detail(request: HttpRequest, platform: PlatformSlug) -> Platform:
    return platform_for_public(platform)
