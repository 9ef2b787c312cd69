"""Representatives: invitations, their account, and the organisation profile they keep.

A representative changes the organisation's description and contacts directly; changes to legal
data (``Organisation.LEGAL_FIELDS``) wait for the secretariat's approval.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Person, Platform, today_in
from platforma.core.services import (
    SeenVersion,
    lock_and_check,
    person_create,
    require_manage_wholly,
)
from platforma.core.tenancy import may_manage, platforms_of, require_manage
from platforma.core.types import Actor

from ..models import Membership, Organisation, ProfileChangeRequest, Representative
from .registry import organisation_change, organisation_update, representative_assign

if TYPE_CHECKING:
    from django.contrib.auth.models import User

_LANGS = languages.codes()
LEGAL_FIELDS = {f"{f}_{lang}" for f in ("legal_name",) for lang in _LANGS} | {
    "legal_name",
    "registration_number",
    "registration_date",
}
PROFILE_FIELDS = {
    f"{f}_{lang}"
    for f in ("short_name", "description", "fields_of_work", "address")
    for lang in _LANGS
} | {"website", "email", "phone", "acronym"}
CONTACT_CONSENT_FIELDS = {"public_email", "public_phone", "public_website", "public_address"}


@transaction.atomic
def representative_invite(
    *,
    actor: Actor,
    platform: Platform,
    organisation: Organisation,
    first_name: str,
    last_name: str,
    email: str,
    role: str = Representative.Role.PRIMARY,
    language: str = "en",
) -> Representative:
    """Make a person a representative and e-mail them a link to set their password."""
    require_manage(actor, platform)
    if not Membership.objects.filter(platform=platform, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s is not a member of %(platform)s.")
            % {"organisation": organisation, "platform": platform}
        )
    validate_email(email)
    User = get_user_model()
    email = email.strip().lower()
    person = Person.objects.filter(email__iexact=email).first()
    if person is not None and platforms_of(person) and not may_manage(actor, person):
        # Said without the person's name: another platform's people are not ours to read.
        raise ValidationError(
            _(
                "This e-mail address belongs to a person of another platform; the Forum's "
                "secretariat can link them to this organisation."
            )
        )
    person = person or person_create(
        actor=actor,
        platform=platform,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
    )
    user = person.user or User.objects.filter(username=email).first()
    if user is None:
        user = User.objects.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save()
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
    representative = representative_assign(
        actor=actor,
        organisation=organisation,
        person=person,
        role=role,
        since=today_in(platform),
        platform=platform,
    )
    audit.record(
        "members.representative.invited",
        actor=actor,
        target=representative,
        platform=platform,
        data={"email": email, "role": role},
    )
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    send_templated(  # queued with the invitation (core.mail.queue)
        to=[email],
        language=language,
        template="members/email/representative_invitation",
        context={
            "person": person,
            "organisation": organisation,
            "platform": platform,
            "url": absolute_url("invitation-accept", language=language, args=[uid, token]),
            "username": user.get_username(),
        },
        platform=platform,
    )
    return representative


@transaction.atomic
def organisation_profile_update(
    *,
    actor: User,
    platform: Platform,
    organisation: Organisation,
    changes: dict[str, Any],
    seen_version: SeenVersion | None = None,
) -> ProfileChangeRequest | None:
    """Apply profile changes now; put changes to legal data to the secretariat.

    ``actor`` is a user, never the system: a request to change legal data names who made it.
    ``seen_version``: what the form read; a change made since refuses the save (``StaleEdit``).
    """
    require_act_for(actor, platform, organisation)
    lock_and_check(organisation, seen_version)
    unknown = set(changes) - PROFILE_FIELDS - LEGAL_FIELDS
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %s") % ", ".join(sorted(unknown))
        )
    legal = {
        k: v for k, v in changes.items() if k in LEGAL_FIELDS and getattr(organisation, k) != v
    }
    direct = {k: v for k, v in changes.items() if k in PROFILE_FIELDS}
    if direct:
        organisation_change(actor=actor, organisation=organisation, **direct)
    if not legal:
        return None
    request = ProfileChangeRequest.objects.create(
        organisation=organisation,
        platform=platform,
        requested_by=actor,
        changes=audit._jsonable(legal),
    )
    audit.record(
        "members.profile_change.requested",
        actor=actor,
        target=request,
        platform=platform,
        data={"changes": request.changes},
    )
    return request


@transaction.atomic
def profile_change_decide(
    *, actor: Actor, request: ProfileChangeRequest, approve: bool, note: str = ""
) -> ProfileChangeRequest:
    require_manage(actor, request)
    request = ProfileChangeRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != ProfileChangeRequest.Status.PENDING:
        raise ValidationError(_("This change has already been decided."))
    if approve:
        import datetime

        values = dict(request.changes)
        if values.get("registration_date"):
            values["registration_date"] = datetime.date.fromisoformat(values["registration_date"])
        organisation_update(actor=actor, organisation=request.organisation, **values)
    request.status = (
        ProfileChangeRequest.Status.APPROVED if approve else ProfileChangeRequest.Status.REJECTED
    )
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.note = note
    request.save()
    audit.record(
        f"members.profile_change.{request.status}",
        actor=actor,
        target=request,
        platform=request.platform,
        data={"changes": request.changes, "note": note},
    )
    return request


@transaction.atomic
def public_contacts_update(
    *,
    actor: Actor,
    organisation: Organisation,
    seen_version: SeenVersion | None = None,
    **consent: bool,
) -> Organisation:
    """What the organisation agrees to show in the public directory (``seen_version``: what
    the form read; a change made since refuses the save)."""
    require_act_for(actor, None, organisation)
    lock_and_check(organisation, seen_version)
    unknown = set(consent) - CONTACT_CONSENT_FIELDS
    if unknown:
        raise ValidationError(_("Unknown consent fields: %s") % ", ".join(sorted(unknown)))
    changes: dict[str, Any] = consent
    return organisation_change(actor=actor, organisation=organisation, **changes)


def require_act_for(actor: Actor, platform: Platform | None, organisation: Organisation) -> None:
    """The organisation's own current representative, or the secretariat of every platform it
    belongs to, may change its profile and consent (deny by default)."""
    if (
        platform is not None
        and not Membership.objects.filter(platform=platform, organisation=organisation).exists()
    ):
        raise PermissionDenied(_("This organisation is not a member of this platform."))
    if (
        actor is not None
        and Representative.objects.filter(
            organisation=organisation, person__user=actor, until__isnull=True
        ).exists()
    ):
        return
    require_manage_wholly(actor, organisation)
