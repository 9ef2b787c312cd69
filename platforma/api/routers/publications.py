"""Publications: the public library and a publication's page (as the website's, with the
language versions' download links), and the secretariat's register of stakeholders."""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# operations' annotations in its own module, where strings would name nothing.

import datetime
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from platforma.core.mail import absolute
from platforma.publications import selectors
from platforma.publications.models import (
    Publication,
    PublicationVersion,
    Stakeholder,
    StakeholderCategory,
)
from platforma.publications.permissions import can_manage_publications
from platforma.workinggroups.models import WorkingGroup

from ..access import managed_platform, public_platform
from ..auth import SIGNED_IN
from ..pagination import Pages
from ..params import Id, PlatformSlug, Text, Year, aware, object_id
from ..schemas import answers
from .activities import one_of

router = Router(tags=["publications"])

PublicationKind = Annotated[str, one_of(Publication.Kind.values)]
Language = Annotated[str, one_of([code for code, _name in settings.LANGUAGES])]
Category = Annotated[str, one_of(StakeholderCategory.values)]
StakeholderKind = Annotated[str, one_of(Stakeholder.Kind.values)]


# --- Schemas -------------------------------------------------------------------------------


class PublicationWorkingGroup(Schema):
    id: int
    slug: str
    name: str


class PublicationVersionOut(Schema):
    id: int
    language: str
    language_label: str
    size: int = Field(description="The PDF's size in bytes.")
    download_url: str | None = Field(description="The PDF, as the page links it (none: no file).")
    cover_url: str | None = Field(description="The cover image (none: no cover).")

    @staticmethod
    def resolve_language_label(obj: PublicationVersion) -> str:
        return str(obj.get_language_display())

    @staticmethod
    def resolve_download_url(obj: PublicationVersion) -> str | None:
        return _file_url("publications:version-download", obj) if obj.file else None

    @staticmethod
    def resolve_cover_url(obj: PublicationVersion) -> str | None:
        return _file_url("publications:version-cover", obj) if obj.cover else None


def _file_url(name: str, version: PublicationVersion) -> str:
    # The version's publication is the one being shown, whose platform the selector read.
    slug = version.publication.platform.slug
    return absolute(reverse(name, kwargs={"platform": slug, "pk": version.pk}))


class PublicationOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    published_on: datetime.date
    published_precision: str = Field(description="“day”, “month” or “year”: what is known.")
    date_display: str = Field(description="The date at its precision, in the language asked.")
    working_group: PublicationWorkingGroup | None
    author_organisations: list[str]
    author_persons: list[str]
    signature_count: int
    versions: list[PublicationVersionOut]
    is_public: bool = Field(description="False only in the answers to the secretariat.")
    is_demo: bool
    url: str = Field(description="The publication's page on the website.")
    updated_at: datetime.datetime

    @staticmethod
    def resolve_kind_label(obj: Publication) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_author_organisations(obj: Publication) -> list[str]:
        return [str(o) for o in obj.author_organisations.all()]

    @staticmethod
    def resolve_author_persons(obj: Publication) -> list[str]:
        return [p.full_name for p in obj.author_persons.all()]

    @staticmethod
    def resolve_signature_count(obj: Publication) -> int:
        found = getattr(obj, "signature_count", None)
        return found if found is not None else len(obj.signatures.all())

    @staticmethod
    def resolve_versions(obj: Publication) -> list[PublicationVersion]:
        versions = list(obj.versions.all())
        for version in versions:
            version.publication = obj  # its platform is read already: no query a version
        return versions

    @staticmethod
    def resolve_url(obj: Publication) -> str:
        return absolute(
            reverse(
                "publications:publication-detail",
                kwargs={"platform": obj.platform.slug, "pk": obj.pk},
            )
        )


class PublicationSignature(Schema):
    organisation: str
    signed_on: datetime.date


class PublicationCategoryTotal(Schema):
    category: str
    label: str
    count: int
    more_than: bool
    unknown: bool = Field(description="Named by a source without a number.")


class PublicationDistribution(Schema):
    """“Distributed to N stakeholders”, by category, as the page says it."""

    recipients: int
    more_than: bool
    categories: list[PublicationCategoryTotal]


class PublicationDetailOut(PublicationOut):
    abstract: str
    isbn: str
    doi: str
    signatures: list[PublicationSignature] | None = Field(
        description="For a statement or position paper: the organisations that signed it."
    )
    distribution: PublicationDistribution | None = Field(
        description="None when no distribution is recorded."
    )

    @staticmethod
    def resolve_signatures(obj: Publication) -> list[dict[str, Any]] | None:
        if not obj.is_signable:
            return None
        return [
            {"organisation": str(s.organisation), "signed_on": s.signed_on}
            for s in obj.signatures.all()
        ]

    @staticmethod
    def resolve_distribution(obj: Publication) -> dict[str, Any] | None:
        totals = selectors.distribution_totals_for_publication(obj)
        if not totals.distributions:
            return None
        return {
            "recipients": totals.recipients,
            "more_than": totals.more_than,
            "categories": [
                {
                    "category": c.category,
                    "label": c.label,
                    "count": c.count,
                    "more_than": c.more_than,
                    "unknown": c.unknown,
                }
                for c in totals.by_category
            ],
        }


class PublicationFilters(Schema):
    year: Year | None = Field(None, description="Published in this year.")
    kind: PublicationKind | None = Field(None, description="The kind of publication.")
    working_group: Id | None = Field(
        None, description="A working group's id: its publications (unknown group: empty list)."
    )
    language: Language | None = Field(None, description="With a version in this language.")
    q: Text | None = Field(None, description="Words of the title or abstract, as the search.")
    updated_since: datetime.datetime | None = Field(
        None, description="Changed at or after this moment (no time zone: UTC)."
    )


class StakeholderOut(Schema):
    """A stakeholder as the office's list shows it (private: contact and consent)."""

    id: int
    kind: str
    name: str
    category: str
    category_label: str
    country: str
    contact_name: str
    email: str
    language: str
    consent_to_contact: bool
    consent_recorded_at: datetime.datetime | None
    consent_source: str = Field(
        description="How the consent (or its withdrawal) came; “”: unknown."
    )
    consent_source_label: str
    consent_note: str
    receipt_count: int = Field(description="Publications received (distributions).")
    updated_at: datetime.datetime

    @staticmethod
    def resolve_category_label(obj: Stakeholder) -> str:
        return str(obj.get_category_display())

    @staticmethod
    def resolve_consent_source_label(obj: Stakeholder) -> str:
        return str(obj.get_consent_source_display()) if obj.consent_source else ""


class StakeholderFilters(Schema):
    q: Text | None = Field(None, description="In the name, the contact's name or the e-mail.")
    category: Category | None = None
    kind: StakeholderKind | None = None
    consent: Literal["yes", "no"] | None = Field(None, description="Consents to be contacted.")
    country: Text | None = Field(None, description="The country, as written (any case).")
    has_email: Literal["yes", "no"] | None = None
    updated_since: datetime.datetime | None = Field(
        None, description="Changed at or after this moment (no time zone: UTC)."
    )


# --- Public --------------------------------------------------------------------------------


@router.get(
    "/platforms/{platform}/publications",
    response=answers(list[PublicationOut]),
    summary="The platform's library, newest first, as the website's",
    operation_id="publication_list",
)
@paginate(Pages)
def publication_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[PublicationFilters]
) -> QuerySet[Publication]:
    site = public_platform(platform)
    group = None
    if filters.working_group:
        group = WorkingGroup.objects.filter(platform=site, pk=filters.working_group).first()
        if group is None:
            return Publication.objects.none()
    publications = selectors.library(
        site,
        organiser=can_manage_publications(request.user, site),
        kind=filters.kind or "",
        working_group=group,
        year=filters.year,
        language=filters.language or "",
    ).select_related("platform")
    since = aware(filters.updated_since)
    if since is not None:
        publications = publications.filter(updated_at__gte=since)
    return selectors.publications_matching(publications, filters.q or "")


@router.get(
    "/platforms/{platform}/publications/{pk}",
    response=answers(PublicationDetailOut),
    summary="A publication, as its page on the website",
    operation_id="publication_detail",
)
def publication_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> Publication:
    site = public_platform(platform)
    return selectors.publication_for(
        site, pk, organiser=can_manage_publications(request.user, site)
    )


# --- The secretariat -----------------------------------------------------------------------


@router.get(
    "/platforms/{platform}/stakeholders",
    auth=SIGNED_IN,
    response=answers(list[StakeholderOut]),
    summary="The platform's stakeholders, as the office's list (secretariat only)",
    description="Filters as the office's list. Private: contacts and consent; 404 for others.",
    operation_id="stakeholder_list",
)
@paginate(Pages)
def stakeholder_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[StakeholderFilters]
) -> QuerySet[Stakeholder]:
    site = managed_platform(request, platform)
    stakeholders = selectors.office_stakeholders(
        site,
        q=filters.q or "",
        category=filters.category or "",
        kind=filters.kind or "",
        consent=filters.consent or "",
        country=filters.country or "",
        has_email=filters.has_email or "",
    )
    since = aware(filters.updated_since)
    if since is not None:
        stakeholders = stakeholders.filter(updated_at__gte=since)
    return stakeholders
