"""Mailings, as the office's pages show them: the secretariat sees the platform's, a working
group's coordinator those written to their groups (the office's own rule, read from its views).
Counts and state only: the recipients' addresses stay on the office's page."""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# operations' annotations in its own module, where strings would name nothing.

import dataclasses
import datetime
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from platforma.core.models import Platform
from platforma.outreach.models import Mailing
from platforma.outreach.selectors import mailing_for, mailings_for
from platforma.outreach.services.audience import REASONS, resolve
from platforma.outreach.services.sending import progress

from ..access import managed_or_coordinated
from ..auth import SIGNED_IN
from ..pagination import Pages
from ..params import PlatformSlug, aware, object_id
from ..schemas import answers
from .activities import one_of

router = Router(tags=["outreach"])

MailingStatus = Annotated[str, one_of(Mailing.Status.values)]


class MailingGroup(Schema):
    id: int
    name: str


class MailingEvent(Schema):
    id: int
    title: str


class MailingPublication(Schema):
    id: int
    title: str


class MailingOut(Schema):
    id: int
    name: str
    status: str = Field(description="“draft”, “sending”, “sent” or “cancelled”.")
    status_label: str
    audience: str
    audience_label: str
    working_group: MailingGroup | None
    event: MailingEvent | None
    total: int = Field(description="Recipients written to (0 for a draft).")
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    updated_at: datetime.datetime

    @staticmethod
    def resolve_status_label(obj: Mailing) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_audience_label(obj: Mailing) -> str:
        return str(obj.get_audience_display())


class MailingProgress(Schema):
    total: int
    pending: int
    queued: int = Field(description="In the outbox, not yet delivered.")
    sent: int
    failed: int
    bounced: int
    skipped: int
    percent: int


class MailingExclusion(Schema):
    reason: str = Field(description="“no_consent”, “no_address”, “opted_out”, “duplicate”.")
    label: str
    count: int


class MailingDetailOut(MailingOut):
    language: str = Field(description="The main language.")
    languages: list[str] = Field(description="The languages it is written in.")
    publications: list[MailingPublication] = Field(description="The attached publications.")
    audience_count: int = Field(
        description="A draft: who would receive it now; else the recipients written to."
    )
    excluded: list[MailingExclusion] = Field(description="Those not written to, by reason.")
    progress: MailingProgress | None = Field(description="None for a draft.")

    # Computed by the operation (``api_*``): the model's own ``publications`` is a manager.
    @staticmethod
    def resolve_languages(obj: Mailing) -> Any:
        return obj.api_languages  # type: ignore[attr-defined]

    @staticmethod
    def resolve_publications(obj: Mailing) -> Any:
        return obj.api_publications  # type: ignore[attr-defined]

    @staticmethod
    def resolve_audience_count(obj: Mailing) -> Any:
        return obj.api_audience_count  # type: ignore[attr-defined]

    @staticmethod
    def resolve_excluded(obj: Mailing) -> Any:
        return obj.api_excluded  # type: ignore[attr-defined]

    @staticmethod
    def resolve_progress(obj: Mailing) -> Any:
        return obj.api_progress  # type: ignore[attr-defined]


class MailingFilters(Schema):
    status: MailingStatus | None = Field(None, description="Only this status.")
    updated_since: datetime.datetime | None = Field(
        None, description="Changed at or after this moment (no time zone: UTC)."
    )


def _scoped(request: HttpRequest, slug: str) -> tuple[Platform, frozenset[int] | None]:
    """The platform and the working groups the caller reaches in it (None: all, the
    secretariat's), as the office's pages decide; 404 for anyone else."""
    return managed_or_coordinated(request, slug)


@router.get(
    "/platforms/{platform}/mailings",
    auth=SIGNED_IN,
    response=answers(list[MailingOut]),
    summary="The platform's mailings, newest first, as the office's list",
    description=(
        "The secretariat's: every mailing of the platform; a working group's coordinator's: "
        "those to their groups. 404 for anyone else."
    ),
    operation_id="mailing_list",
)
@paginate(Pages)
def mailing_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[MailingFilters]
) -> QuerySet[Mailing]:
    site, groups = _scoped(request, platform)
    rows = mailings_for(site, groups).select_related("working_group", "event")
    if filters.status:
        rows = rows.filter(status=filters.status)
    since = aware(filters.updated_since)
    if since is not None:
        rows = rows.filter(updated_at__gte=since)
    return rows.order_by("-created_at", "-pk")


@router.get(
    "/platforms/{platform}/mailings/{pk}",
    auth=SIGNED_IN,
    response=answers(MailingDetailOut),
    summary="A mailing: its state and counts, as the office's page",
    operation_id="mailing_detail",
)
def mailing_detail(request: HttpRequest, platform: PlatformSlug, pk: int = object_id()) -> Any:
    site, groups = _scoped(request, platform)
    mailing = mailing_for(site, groups, pk)
    found: dict[str, Any] = {
        "languages": [t.language for t in mailing.texts.order_by("language")],
        "publications": list(mailing.publications.order_by("pk")),
    }
    if mailing.status == Mailing.Status.DRAFT:
        audience = resolve(mailing)
        excluded = dict(audience.excluded)
        found.update(audience_count=audience.count, progress=None)
    else:
        counts = progress(mailing)
        excluded = dict(mailing.excluded)
        found.update(
            audience_count=mailing.total,
            progress={**dataclasses.asdict(counts), "percent": counts.percent},
        )
    found["excluded"] = [
        {"reason": key, "label": str(REASONS.get(key, key)), "count": n}
        for key, n in sorted(excluded.items())
        if n
    ]
    for name, value in found.items():
        setattr(mailing, f"api_{name}", value)
    return mailing
