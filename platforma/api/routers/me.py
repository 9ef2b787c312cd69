"""The caller's own: who they are, and the organisations they represent (as "My organisation")."""

# No ``from __future__ import annotations``: ``@paginate`` makes django-ninja read the
# wrapped view's annotations, which must be real types, not strings.

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field, field_validator

from platforma.core.models import Platform
from platforma.core.permissions import managed_platforms
from platforma.members import services
from platforma.members.models import Membership, Organisation
from platforma.members.permissions import represented_organisations

from ..auth import SIGNED_IN
from ..params import SLUG_PATTERN, object_id
from ..schemas import answers

router = Router(tags=["me"])

# The "My organisation" page's translated fields (members/views/account.py), in its language.
PROFILE_TRANSLATED = ("short_name", "address", "fields_of_work", "description", "legal_name")


def _represented(user: Any) -> list[tuple[Organisation, list[Membership]]]:
    """The organisations ``user`` represents now, each with its memberships, through the page's
    own rule (``represented_organisations``, per platform the organisation belongs to)."""
    memberships = list(
        Membership.objects.filter(
            organisation__representatives__person__user=user,
            organisation__representatives__until__isnull=True,
        )
        .select_related("platform", "organisation")
        .distinct()
        .order_by("organisation__legal_name", "platform__slug")
    )
    platforms = {m.platform_id: m.platform for m in memberships}
    allowed: set[tuple[int, int]] = set()
    for platform in platforms.values():
        for org_id in represented_organisations(user, platform).values_list("pk", flat=True):
            allowed.add((org_id, platform.pk))
    found: dict[int, tuple[Organisation, list[Membership]]] = {}
    for m in memberships:
        if (m.organisation_id, m.platform_id) in allowed:
            found.setdefault(m.organisation_id, (m.organisation, []))
    for m in memberships:
        if m.organisation_id in found:
            found[m.organisation_id][1].append(m)
    return list(found.values())


class MembershipBrief(Schema):
    platform: str
    platform_name: str
    status: str
    status_label: str
    admitted_on: datetime.date | None


class MyOrganisationOut(Schema):
    id: int
    legal_name: str
    short_name: str
    acronym: str
    registration_number: str
    registration_date: datetime.date | None
    city: str
    address: str
    website: str
    email: str
    phone: str
    fields_of_work: str
    description: str
    public_email: bool
    public_phone: bool
    public_website: bool
    public_address: bool
    updated_at: datetime.datetime
    memberships: list[MembershipBrief]


def _organisation(org: Organisation, memberships: list[Membership]) -> dict[str, Any]:
    fields = (
        "legal_name", "short_name", "acronym", "registration_number", "registration_date",
        "city", "address", "website", "email", "phone", "fields_of_work", "description",
        "public_email", "public_phone", "public_website", "public_address", "updated_at",
    )  # fmt: skip
    return {
        "id": org.pk,
        **{f: getattr(org, f) for f in fields},
        "memberships": [
            {
                "platform": m.platform.slug,
                "platform_name": m.platform.name,
                "status": m.status,
                "status_label": str(m.get_status_display()),
                "admitted_on": m.admitted_on,
            }
            for m in memberships
        ],
    }


@router.get(
    "/me/organisations",
    response=answers(list[MyOrganisationOut]),
    auth=SIGNED_IN,
    summary="The organisations the caller represents now, with their profile and memberships",
    operation_id="me_organisation_list",
)
def me_organisation_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_organisation(org, ms) for org, ms in _represented(request.user)]


class ProfileIn(Schema):
    """The fields the "My organisation" page lets a representative change; texts in the
    request's language. Changes to legal data wait for the secretariat's approval."""

    platform: str | None = Field(
        None,
        max_length=50,
        pattern=SLUG_PATTERN,
        description="The platform the change is made in (needed when the organisation "
        "belongs to more than one).",
    )
    short_name: str | None = Field(None, max_length=200)
    acronym: str | None = Field(None, max_length=30)
    website: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=50)
    address: str | None = Field(None, max_length=300)
    fields_of_work: str | None = Field(None, max_length=500)
    description: str | None = Field(None, max_length=5000)
    legal_name: str | None = Field(None, min_length=1, max_length=300)
    registration_number: str | None = Field(None, min_length=1, max_length=50)
    registration_date: datetime.date | None = None

    @field_validator("*", mode="after")
    @classmethod
    def _no_control(cls, value: Any) -> Any:
        if isinstance(value, str) and any(ord(c) < 32 and c not in "\n\r\t" for c in value):
            raise ValueError("Control characters are not allowed.")
        return value

    @field_validator("website")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value:
            try:
                URLValidator()(value)
            except ValidationError as exc:
                raise ValueError(" ".join(exc.messages)) from None
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value:
            try:
                validate_email(value)
            except ValidationError as exc:
                raise ValueError(" ".join(exc.messages)) from None
        return value


class ChangeRequestOut(Schema):
    id: int
    status: str
    changes: dict[str, Any]


class ProfileUpdateOut(Schema):
    organisation: MyOrganisationOut
    change_request: ChangeRequestOut | None = Field(
        description="The changes to legal data put to the secretariat, if any."
    )
    message: str


@router.patch(
    "/me/organisations/{pk}",
    response=answers(ProfileUpdateOut),
    auth=SIGNED_IN,
    summary="Change the profile of an organisation the caller represents",
    description="As the “My organisation” page: profile fields change at once; changes to "
    "legal data (legal name, registration number and date) wait for the secretariat's approval.",
    operation_id="me_organisation_update",
)
def me_organisation_update(
    request: HttpRequest, payload: ProfileIn, pk: int = object_id()
) -> dict[str, Any]:
    mine = {org.pk: (org, ms) for org, ms in _represented(request.user)}
    if pk not in mine:
        raise Http404("No such organisation")
    organisation, memberships = mine[pk]
    platforms = [m.platform for m in memberships]
    if payload.platform:
        chosen = next((p for p in platforms if p.slug == payload.platform), None)
        if chosen is None:
            raise ValidationError({"platform": _("The organisation is not a member there.")})
    elif len(platforms) == 1:
        chosen = platforms[0]
    else:
        raise ValidationError({"platform": _("Say in which platform the change is made.")})
    lang = get_language()
    given = payload.dict(exclude_unset=True, exclude={"platform"})
    changes: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            if key in ("legal_name", "registration_number"):
                raise ValidationError({key: _("This field cannot be emptied.")})
            value = "" if key != "registration_date" else None
        name = f"{key}_{lang}" if key in PROFILE_TRANSLATED else key
        if getattr(organisation, name) != value:
            changes[name] = value
    pending = None
    if changes:
        pending = services.organisation_profile_update(
            actor=request.user,  # type: ignore[arg-type]
            platform=chosen,
            organisation=organisation,
            changes=changes,
        )
    organisation.refresh_from_db()
    return {
        "organisation": _organisation(organisation, memberships),
        "change_request": (
            {"id": pending.pk, "status": pending.status, "changes": pending.changes}
            if pending
            else None
        ),
        "message": _("Saved. The changes to legal data wait for the secretariat's approval.")
        if pending
        else _("Saved."),
    }


class TokenOut(Schema):
    name: str
    scope: str
    expires_at: datetime.datetime | None


class PlatformRef(Schema):
    slug: str
    name: str


class RepresentedOut(Schema):
    id: int
    legal_name: str
    platforms: list[str]


class MeOut(Schema):
    username: str
    name: str
    manages: list[PlatformRef]
    represents: list[RepresentedOut]
    token: TokenOut | None


@router.get(
    "/me",
    response=answers(MeOut),
    auth=SIGNED_IN,
    summary="Who the caller is: the platforms they manage, the organisations they represent",
    operation_id="me_detail",
)
def me_detail(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    person = getattr(user, "person", None)
    token = getattr(request, "api_token", None)
    manages: list[Platform] = list(managed_platforms(user).order_by("-is_forum", "slug"))
    return {
        "username": user.get_username(),
        "name": person.full_name if person else (user.get_full_name() or ""),  # type: ignore[union-attr]
        "manages": [{"slug": p.slug, "name": p.name} for p in manages],
        "represents": [
            {"id": org.pk, "legal_name": org.legal_name, "platforms": [m.platform.slug for m in ms]}
            for org, ms in _represented(user)
        ],
        "token": (
            {"name": token.name, "scope": token.scope, "expires_at": token.expires_at}
            if token
            else None
        ),
    }
