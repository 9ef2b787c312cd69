"""The member registry: the public directory (as the website's member list shows it) and the
secretariat's memberships and applications (as the office pages show them)."""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# wrapped view's annotations, which must be real types, not strings.

import datetime
from typing import Annotated, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import StringConstraints

from platforma.members.models import (
    Application,
    Membership,
    MembershipChange,
    Recommendation,
    Representative,
)
from platforma.members.selectors import member_directory, text_match
from platforma.workinggroups.models import Enrolment, WorkingGroup

from ..access import managed_platform, public_platform
from ..auth import SIGNED_IN
from ..pagination import Pages
from ..params import Id, PlatformSlug, Text, aware, object_id
from ..schemas import answers

router = Router(tags=["members"])

_STATUSES = "|".join(Membership.Status.values)
MembershipStatus = Annotated[str, StringConstraints(pattern=rf"^({_STATUSES})$")]
ApplicationStatus = Annotated[str, StringConstraints(pattern=rf"^(open|{_STATUSES})$")]


# --- Schemas ---------------------------------------------------------------------------------


class GroupRef(Schema):
    id: int
    slug: str
    code: str
    name: str


class PublicOrganisationOut(Schema):
    """An organisation as the public directory shows it: contacts only where it agreed."""

    id: int
    legal_name: str
    short_name: str
    acronym: str
    city: str
    fields_of_work: str
    contacts: dict[str, str]
    working_groups: list[GroupRef]
    member_since: datetime.date | None
    updated_at: datetime.datetime


def _group(group: WorkingGroup) -> dict[str, Any]:
    return {"id": group.pk, "slug": group.slug, "code": group.code, "name": group.name}


def _public_organisation(membership: Membership) -> dict[str, Any]:
    org = membership.organisation
    return {
        "id": org.pk,
        "legal_name": org.legal_name,
        "short_name": org.short_name,
        "acronym": org.acronym,
        "city": org.city,
        "fields_of_work": org.fields_of_work,
        "contacts": org.public_contacts(),
        "working_groups": [
            _group(e.working_group)
            for e in membership.current_enrolments  # type: ignore[attr-defined]
        ],
        "member_since": membership.admitted_on,
        "updated_at": max(org.updated_at, membership.updated_at),
    }


def _current_enrolments() -> Prefetch:
    """The website's own prefetch of the directory's working groups (website/views.py)."""
    return Prefetch(
        "enrolments",
        queryset=Enrolment.objects.filter(until__isnull=True)
        .select_related("working_group__forum_group")
        .order_by("working_group__position"),
        to_attr="current_enrolments",
    )


class OrganisationRef(Schema):
    id: int
    legal_name: str
    short_name: str
    acronym: str


class MembershipOut(Schema):
    id: int
    organisation: OrganisationRef
    status: str
    status_label: str
    admitted_on: datetime.date | None
    ended_on: datetime.date | None
    updated_at: datetime.datetime

    @staticmethod
    def resolve_status_label(obj: Membership) -> str:
        return str(obj.get_status_display())


class ChangeOut(Schema):
    id: int
    from_status: str
    to_status: str
    to_status_label: str
    effective_on: datetime.date
    decided_by: str
    decision_reference: str
    reason: str
    via_appeal: bool
    recorded_at: datetime.datetime

    @staticmethod
    def resolve_to_status_label(obj: MembershipChange) -> str:
        return str(obj.get_to_status_display())


class EnrolmentOut(Schema):
    working_group: GroupRef
    since: datetime.date
    until: datetime.date | None

    @staticmethod
    def resolve_working_group(obj: Enrolment) -> dict[str, Any]:
        return _group(obj.working_group)


class RepresentativeOut(Schema):
    name: str
    role: str
    role_label: str
    since: datetime.date | None
    until: datetime.date | None

    @staticmethod
    def resolve_name(obj: Representative) -> str:
        return obj.person.full_name

    @staticmethod
    def resolve_role_label(obj: Representative) -> str:
        return str(obj.get_role_display())


class MembershipDetailOut(MembershipOut):
    history: list[ChangeOut]
    enrolments: list[EnrolmentOut]
    representatives: list[RepresentativeOut]

    @staticmethod
    def resolve_enrolments(obj: Membership) -> list[Enrolment]:
        return obj.enrolments_now  # type: ignore[attr-defined]


class ApplicationOut(Schema):
    id: int
    organisation: OrganisationRef
    status: str
    status_label: str
    submitted_at: datetime.datetime
    confirmed_recommendations: int
    decided_on: datetime.date | None

    @staticmethod
    def resolve_status(obj: Application) -> str:
        return obj.membership.status

    @staticmethod
    def resolve_status_label(obj: Application) -> str:
        return str(obj.membership.get_status_display())

    @staticmethod
    def resolve_confirmed_recommendations(obj: Application) -> int:
        return int(getattr(obj, "confirmed", 0))


class ApplicationDocumentOut(Schema):
    """A document's description: never its file (the office page's download link is a page)."""

    id: int
    kind: str
    original_name: str
    content_type: str
    size: int
    issued_on: datetime.date | None
    uploaded_at: datetime.datetime


class RecommendationOut(Schema):
    id: int
    recommender: str
    status: str
    status_label: str
    responded_at: datetime.datetime | None
    responder_name: str
    comment: str

    @staticmethod
    def resolve_recommender(obj: Any) -> str:
        return obj.recommender.organisation.legal_name

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())


class ApplicationDetailOut(ApplicationOut):
    membership_id: int
    contact_name: str
    contact_email: str
    language: str
    declarations: list[str]
    working_groups: list[GroupRef]
    documents: list[ApplicationDocumentOut]
    recommendations: list[RecommendationOut]
    history: list[ChangeOut]
    board_opinion: str
    board_opinion_on: datetime.date | None
    decided_by: str
    decision_reference: str
    decision_reasons: str

    @staticmethod
    def resolve_working_groups(obj: Application) -> list[dict[str, Any]]:
        return [_group(g) for g in obj.working_groups.all()]

    @staticmethod
    def resolve_history(obj: Application) -> Any:
        return obj.membership.changes.all()


# --- The public directory --------------------------------------------------------------------


class DirectoryFilters(Schema):
    q: Text = ""
    city: Text = ""
    working_group: Id | None = None
    updated_since: datetime.datetime | None = None


@router.get(
    "/platforms/{platform}/organisations",
    response=answers(list[PublicOrganisationOut]),
    summary="The member organisations in good standing (the public directory)",
    description="As the website's member list. An unknown `working_group` gives an empty list.",
    operation_id="organisation_list",
)
@paginate(Pages)
def organisation_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[DirectoryFilters]
) -> list[dict[str, Any]]:
    the_platform = public_platform(platform)
    group = None
    if filters.working_group is not None:
        group = WorkingGroup.objects.filter(platform=the_platform, pk=filters.working_group).first()
        if group is None:
            return []
    members = member_directory(
        the_platform, working_group=group, query=filters.q[:100], city=filters.city[:100]
    )
    since = aware(filters.updated_since)
    if since is not None:
        members = members.filter(Q(updated_at__gte=since) | Q(organisation__updated_at__gte=since))
    return _Rows(members.prefetch_related(_current_enrolments()))  # type: ignore[return-value]


class _Rows:
    """A directory queryset sliced by the paginator, its rows made into the public shape."""

    def __init__(self, queryset: QuerySet[Membership]) -> None:
        self.queryset = queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [_public_organisation(m) for m in self.queryset[index]]


@router.get(
    "/platforms/{platform}/organisations/{pk}",
    response=answers(PublicOrganisationOut),
    summary="A member organisation in good standing, as the directory shows it",
    operation_id="organisation_detail",
)
def organisation_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> dict[str, Any]:
    the_platform = public_platform(platform)
    membership = (
        member_directory(the_platform)
        .filter(organisation_id=pk)
        .prefetch_related(_current_enrolments())
        .first()
    )
    if membership is None:
        raise Http404("No such member")
    return _public_organisation(membership)


# --- The secretariat's memberships and applications ------------------------------------------


class MembershipFilters(Schema):
    status: MembershipStatus | None = None
    q: Text = ""
    updated_since: datetime.datetime | None = None


@router.get(
    "/platforms/{platform}/memberships",
    response=answers(list[MembershipOut]),
    auth=SIGNED_IN,
    summary="The platform's memberships, whatever their status (the secretariat's)",
    operation_id="membership_list",
)
@paginate(Pages)
def membership_list(
    request: HttpRequest, platform: PlatformSlug, filters: Query[MembershipFilters]
) -> QuerySet[Membership]:
    the_platform = managed_platform(request, platform)
    memberships = Membership.objects.filter(platform=the_platform).select_related("organisation")
    if filters.status:
        memberships = memberships.filter(status=filters.status)
    query = filters.q.strip()[:100]
    if query:
        lookup, value = text_match(query)
        memberships = memberships.filter(
            Q(**{f"organisation__legal_name__{lookup}": value})
            | Q(**{f"organisation__legal_name_{get_language()}__{lookup}": value})
            | Q(**{f"organisation__acronym__{lookup}": value})
        )
    since = aware(filters.updated_since)
    if since is not None:
        memberships = memberships.filter(
            Q(updated_at__gte=since) | Q(organisation__updated_at__gte=since)
        )
    return memberships.order_by(
        f"organisation__legal_name_{get_language()}", "organisation__legal_name"
    )


@router.get(
    "/platforms/{platform}/memberships/{pk}",
    response=answers(MembershipDetailOut),
    auth=SIGNED_IN,
    summary="A membership with its history, working groups and representatives",
    operation_id="membership_detail",
)
def membership_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> Membership:
    the_platform = managed_platform(request, platform)
    membership = get_object_or_404(
        Membership.objects.select_related("organisation"), platform=the_platform, pk=pk
    )
    membership.history = list(membership.changes.all())  # type: ignore[attr-defined]
    membership.enrolments_now = list(  # type: ignore[attr-defined]
        membership.enrolments.select_related("working_group__forum_group").order_by(
            "working_group__position"
        )
    )
    membership.representatives = list(  # type: ignore[attr-defined]
        Representative.objects.filter(organisation=membership.organisation).select_related("person")
    )
    return membership


def _applications(platform: Any) -> QuerySet[Application]:
    return (
        Application.objects.filter(platform=platform)
        .select_related("organisation", "membership")
        .annotate(confirmed=Count("recommendations", filter=Q(recommendations__status="confirmed")))
    )


@router.get(
    "/platforms/{platform}/applications",
    response=answers(list[ApplicationOut]),
    auth=SIGNED_IN,
    summary="Applications for membership, newest first (the secretariat's)",
    description="`status`: a membership status, or `open` (applied or under review); "
    "none: every application.",
    operation_id="application_list",
)
@paginate(Pages)
def application_list(
    request: HttpRequest, platform: PlatformSlug, status: ApplicationStatus | None = None
) -> QuerySet[Application]:
    the_platform = managed_platform(request, platform)
    applications = _applications(the_platform)
    if status == "open":
        applications = applications.filter(
            membership__status__in=[Membership.Status.APPLIED, Membership.Status.UNDER_REVIEW]
        )
    elif status:
        applications = applications.filter(membership__status=status)
    return applications.order_by("-submitted_at")


@router.get(
    "/platforms/{platform}/applications/{pk}",
    response=answers(ApplicationDetailOut),
    auth=SIGNED_IN,
    summary="An application: documents' names, recommendations' states, history",
    operation_id="application_detail",
)
def application_detail(
    request: HttpRequest, platform: PlatformSlug, pk: int = object_id()
) -> Application:
    the_platform = managed_platform(request, platform)
    application: Application = get_object_or_404(
        _applications(the_platform).prefetch_related(
            "documents",
            "working_groups__forum_group",
            "membership__changes",
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.select_related("recommender__organisation"),
            ),
        ),
        pk=pk,
    )
    return application
