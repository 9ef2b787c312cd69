"""People's rights over their data: the link, the copy, erasure and retention (docs/privacy.md).

The work on each app's records is done by the holders the apps register in
``core.personal_data``; this module runs them, keeps the request's state and writes one audit
entry per step, which names the address only by its keyed hash.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Platform
from platforma.core.personal_data import (
    Item,
    address_hash,
    held_by,
    holders,
    normalise,
    other_platforms,
)
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from .models import DataRequest

LINK_DAYS = 7


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def holds_anything(email: str, platform: Platform) -> bool:
    """Whether the platform holds anything about the address (``core.personal_data.held_by``)."""
    return held_by(email, platform.pk, lambda holder: holder.export(email, platform))


@transaction.atomic
def link_send(*, platform: Platform, email: str, language: str) -> DataRequest | None:
    """Mail a link (valid :data:`LINK_DAYS` days) to ``email`` when the platform holds anything
    about it; None, and nothing written, otherwise. The page says the same either way."""
    address = normalise(email)
    if not address or not holds_anything(address, platform):
        return None
    token = secrets.token_urlsafe(32)
    request = DataRequest.objects.create(
        platform=platform,
        email=address,
        email_hash=address_hash(address),
        kind=DataRequest.Kind.EXPORT,
        language=language,
        token_hash=token_hash(token),
        expires_at=timezone.now() + datetime.timedelta(days=LINK_DAYS),
    )
    audit.record(
        "privacy.link.sent",
        actor=None,
        actor_label="privacy",
        target=request,
        data={"address": request.email_hash},
    )
    send_templated(
        to=[address],
        language=language,
        template="privacy/email/link",
        context={
            "platform": platform,
            "days": LINK_DAYS,
            "url": absolute_url(
                "privacy:access",
                language=language,
                kwargs={"platform": platform.slug, "token": token},
            ),
        },
        platform=platform,
        purpose="privacy_link",
    )
    return request


def link_find(platform: Platform, token: str) -> DataRequest | None:
    """The valid link's request (the address it was sent to), or None."""
    return (
        DataRequest.objects.filter(
            platform=platform,
            kind=DataRequest.Kind.EXPORT,
            token_hash=token_hash(token),
            expires_at__gt=timezone.now(),
        )
        .exclude(email="")
        .first()
    )


@dataclass
class Plan:
    """The dry run: each holder's lines, and whether another platform keeps the person."""

    lines: list[tuple[str, Item]] = field(default_factory=list)
    shared: bool = False


def erasure_plan(email: str, platform: Platform) -> Plan:
    plan = Plan(shared=bool(other_platforms(email, platform.pk)))
    for holder in holders():
        plan.lines += [(holder.name, item) for item in holder.describe(email, platform)]
    return plan


def export_zip(email: str, platform: Platform) -> tuple[IO[bytes], int, int]:
    """The copy as a ZIP (``data.json`` and the files): the file, records and files counted."""
    data: dict[str, Any] = {
        "address": email,
        "platform": platform.slug,
        "made_at": timezone.now().isoformat(),
        "records": {},
    }
    # Handed to the response, which closes it once sent.
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    records = files = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for holder in holders():
            export = holder.export(email, platform)
            if export.records:
                data["records"][holder.name] = export.records
                records += len(export.records)
            for item in export.files:
                try:
                    content = item.read()
                except OSError:
                    continue  # a file missing from storage: its record still says it existed
                archive.writestr(f"files/{holder.name}/{item.name}", content)
                files += 1
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        )
    out.seek(0)
    return out, records, files


@transaction.atomic
def export_record(*, request: DataRequest, records: int, files: int) -> None:
    """Note that the copy was taken (the first time, the request is done)."""
    if request.status == DataRequest.Status.REQUESTED:
        now = timezone.now()
        request.status = DataRequest.Status.DONE
        request.confirmed_at = request.done_at = now
        request.save(update_fields=["status", "confirmed_at", "done_at"])
    audit.record(
        "privacy.export.downloaded",
        actor=None,
        actor_label="privacy",
        target=request,
        data={"address": request.email_hash, "records": records, "files": files},
    )


@transaction.atomic
def erasure_request(*, link: DataRequest) -> DataRequest:
    """The person, from their link, asks for erasure: a request for the secretariat to decide
    (one open request per address)."""
    open_request = DataRequest.objects.filter(
        platform=link.platform,
        kind=DataRequest.Kind.ERASURE,
        email_hash=link.email_hash,
        status=DataRequest.Status.CONFIRMED,
    ).first()
    if open_request is not None:
        return open_request
    request = DataRequest.objects.create(
        platform=link.platform,
        email=link.email,
        email_hash=link.email_hash,
        kind=DataRequest.Kind.ERASURE,
        status=DataRequest.Status.CONFIRMED,
        language=link.language,
        confirmed_at=timezone.now(),
    )
    audit.record(
        "privacy.erasure.requested",
        actor=None,
        actor_label="privacy",
        target=request,
        data={"address": request.email_hash},
    )
    # The secretariat hears of it at the platform's address (the mail names no one).
    send_templated(
        to=[link.platform.email],
        language=settings.LANGUAGE_CODE,
        template="privacy/email/erasure_waiting",
        context={
            "platform": link.platform,
            "url": absolute_url(
                "privacy:office-request-detail",
                language=settings.LANGUAGE_CODE,
                args=[link.platform.slug, request.pk],
            ),
        },
        platform=link.platform,
        purpose="privacy_erasure_waiting",
    )
    return request


def _require_open(actor: Actor, request: DataRequest) -> None:
    require_manage(actor, request)
    if request.kind != DataRequest.Kind.ERASURE or request.status != DataRequest.Status.CONFIRMED:
        raise ValidationError(_("This request has already been decided."))


@transaction.atomic
def erasure_approve(*, actor: Actor, request: DataRequest) -> dict[str, int]:
    """Erase the address's records on the request's platform, by every holder in turn; the
    request keeps only the address's hash and what was done. The person is told."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(actor, request)
    email, platform = request.email, request.platform
    shared = bool(other_platforms(email, platform.pk))
    counts: dict[str, int] = {}
    for holder in holders():
        for key, value in holder.erase(email, platform, actor).items():
            counts[key] = counts.get(key, 0) + value
    now = timezone.now()
    user = actor if actor is not None and actor.is_authenticated else None
    request.status = DataRequest.Status.DONE
    request.decided_by, request.decided_at, request.done_at = user, now, now
    request.counts = {**counts, "kept_for_another_platform": int(shared)}
    request.email = ""
    request.save()
    # The links sent to the address stop working; their rows keep only its hash.
    DataRequest.objects.filter(platform=platform, email_hash=request.email_hash).exclude(
        pk=request.pk
    ).update(email="", token_hash="")
    audit.record(
        "privacy.erasure.done",
        actor=actor,
        target=request,
        data={"address": request.email_hash, "counts": request.counts},
    )
    send_templated(
        to=[email],
        language=request.language,
        template="privacy/email/erasure_done",
        context={"platform": platform, "shared": shared},
        platform=platform,
        purpose="privacy_erasure",
    )
    return dict(request.counts)


@transaction.atomic
def erasure_refuse(*, actor: Actor, request: DataRequest, reason: str) -> None:
    """Refuse, with the reason the person is sent."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(actor, request)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why: the person is sent the reason.")})
    user = actor if actor is not None and actor.is_authenticated else None
    request.status = DataRequest.Status.REFUSED
    request.decided_by, request.decided_at, request.reason = user, timezone.now(), reason
    request.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    audit.record(
        "privacy.erasure.refused",
        actor=actor,
        target=request,
        data={"address": request.email_hash, "reason": reason},
    )
    send_templated(
        to=[request.email],
        language=request.language,
        template="privacy/email/erasure_refused",
        context={"platform": request.platform, "reason": reason},
        platform=request.platform,
        purpose="privacy_erasure",
    )


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    days = int(settings.PLATFORMA_REGISTRATION_RETENTION_DAYS)
    return (now or timezone.now()) - datetime.timedelta(days=days)


@transaction.atomic
def registrations_retention(
    *, actor: Actor = None, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Pseudonymise the registrations of events that ended more than the retention period ago;
    one audit entry per platform where some were; ``{platform slug: how many}``."""
    from platforma.activities.personal_data import registrations_pseudonymise_before

    cutoff = retention_cutoff(now)
    counts = registrations_pseudonymise_before(cutoff)
    done: dict[str, int] = {}
    for platform in Platform.objects.filter(pk__in=counts).order_by("slug"):
        audit.record(
            "privacy.retention.registrations_pseudonymised",
            actor=actor,
            actor_label="" if actor else "retention",
            platform=platform,
            data={
                "registrations": counts[platform.pk],
                "ended_before": cutoff.isoformat(),
                "retention_days": int(settings.PLATFORMA_REGISTRATION_RETENTION_DAYS),
            },
        )
        done[platform.slug] = counts[platform.pk]
    return done
