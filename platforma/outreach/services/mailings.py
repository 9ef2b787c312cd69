"""Writing a mailing, trying it, sending it, cancelling it (docs/mailings.md).

A mailing is the secretariat's (any audience) or, for a working group's members only, that
group's coordinators'. Sending takes the snapshot of recipients (:mod:`.audience`) and hands the
rest to the worker (:mod:`.sending`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.activities.models import Event
from platforma.core import audit
from platforma.core.mail import queue
from platforma.core.models import Platform
from platforma.core.tenancy import require_manage, require_manage_or_coordinate
from platforma.core.types import Actor
from platforma.members.models import Membership
from platforma.publications.models import Publication, StakeholderCategory
from platforma.workinggroups.models import WorkingGroup

from ..models import Audience, Mailing, MailingRecipient, MailingText
from . import messages
from .audience import resolve

MAILING_FIELDS = ("name", "language", "audience", "categories", "organisations")
Texts = Mapping[str, tuple[str, str]]  # language -> (subject, body)


def _require(actor: Actor, mailing: Mailing) -> None:
    """The secretariat may act on any mailing; a coordinator on their group's only."""
    group_ids = mailing.group_ids if mailing.audience == Audience.WORKING_GROUP else []
    require_manage_or_coordinate(actor, mailing, group_ids, every=True)


def _validate(
    mailing: Mailing,
    texts: Texts,
    publications: list[Publication],
) -> dict[str, tuple[str, str]]:
    platform = mailing.platform
    errors: dict[str, str] = {}
    if mailing.audience == Audience.STAKEHOLDERS:
        bad = set(mailing.categories) - set(StakeholderCategory.values)
        if bad:
            errors["categories"] = _("Unknown categories: %s") % ", ".join(sorted(bad))
    else:
        mailing.categories = []
    if mailing.audience == Audience.WORKING_GROUP:
        if mailing.working_group is None:
            errors["working_group"] = _("Choose the working group.")
        elif mailing.working_group.platform_id != platform.pk:
            errors["working_group"] = _("This working group is another platform's.")
    else:
        mailing.working_group = None
    if mailing.audience == Audience.EVENT:
        if mailing.event is None:
            errors["event"] = _("Choose the event.")
        elif mailing.event.platform_id != platform.pk:
            errors["event"] = _("This event is another platform's.")
    else:
        mailing.event = None
    if mailing.audience == Audience.MEMBERS and mailing.organisations:
        members = set(
            Membership.objects.filter(
                platform=platform, organisation_id__in=mailing.organisations
            ).values_list("organisation_id", flat=True)
        )
        if set(mailing.organisations) - members:
            errors["organisations"] = _("Choose only the platform's member organisations.")
    elif mailing.audience != Audience.MEMBERS:
        mailing.organisations = []
    if any(p.platform_id != platform.pk for p in publications):
        errors["publications"] = _("A publication of another platform cannot be attached.")
    written: dict[str, tuple[str, str]] = {}
    for language, (subject, body) in texts.items():
        subject, body = subject.strip(), body.strip()
        if subject and body:
            written[language] = (subject, body)
        elif subject or body:
            errors[f"body_{language}"] = _("Write both the subject and the text, or neither.")
    if mailing.language not in written:
        errors["language"] = _("Write the subject and the text in the main language.")
    if errors:
        raise ValidationError(errors)
    mailing.full_clean(exclude=["created_by"])
    return written


def _save_texts(mailing: Mailing, written: dict[str, tuple[str, str]]) -> None:
    mailing.texts.exclude(language__in=list(written)).delete()
    for language, (subject, body) in written.items():
        MailingText.objects.update_or_create(
            mailing=mailing, language=language, defaults={"subject": subject, "body": body}
        )


@transaction.atomic
def mailing_create(
    *,
    actor: Actor,
    platform: Platform,
    name: str,
    audience: str,
    texts: Texts,
    language: str = "",
    categories: Iterable[str] = (),
    organisations: Iterable[int] = (),
    working_group: WorkingGroup | None = None,
    event: Event | None = None,
    publications: Iterable[Publication] = (),
) -> Mailing:
    """A draft: nothing is sent until :func:`mailing_send`."""
    publications = list(publications)
    mailing = Mailing(
        platform=platform,
        name=name,
        audience=audience,
        language=language or settings.LANGUAGE_CODE,
        categories=sorted(set(categories)),
        organisations=sorted(set(organisations)),
        working_group=working_group,
        event=event,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    _require(actor, mailing)
    written = _validate(mailing, texts, publications)
    mailing.save()
    mailing.publications.set(publications)
    _save_texts(mailing, written)
    audit.record(
        "outreach.mailing.created",
        actor=actor,
        target=mailing,
        data={"after": audit.snapshot(mailing), "publications": [p.pk for p in publications]},
    )
    return mailing


@transaction.atomic
def mailing_update(
    *,
    actor: Actor,
    mailing: Mailing,
    texts: Texts,
    publications: Iterable[Publication] = (),
    working_group: WorkingGroup | None = None,
    event: Event | None = None,
    **fields: object,
) -> Mailing:
    """Change a draft (a mailing being sent or sent is what it was)."""
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    _require(actor, mailing)
    if mailing.status != Mailing.Status.DRAFT:
        raise ValidationError(_("Only a draft can be changed."))
    before = audit.snapshot(mailing)
    unknown = set(fields) - set(MAILING_FIELDS)
    if unknown:
        raise ValueError(f"not mailing fields: {sorted(unknown)}")
    for key, value in fields.items():
        setattr(mailing, key, value)
    mailing.working_group, mailing.event = working_group, event
    _require(actor, mailing)  # a coordinator cannot turn their draft into another audience's
    publications = list(publications)
    written = _validate(mailing, texts, publications)
    mailing.save()
    mailing.publications.set(publications)
    _save_texts(mailing, written)
    audit.record(
        "outreach.mailing.updated",
        actor=actor,
        target=mailing,
        data={"before": before, "after": audit.snapshot(mailing)},
    )
    return mailing


@transaction.atomic
def mailing_test_send(*, actor: Actor, mailing: Mailing) -> int:
    """One message per written language to the acting user's own address, as a recipient
    would get it (its unsubscribe link goes to an example page). Returns the number queued."""
    _require(actor, mailing)
    address = getattr(actor, "email", "")
    if not address:
        raise ValidationError(_("Your account has no e-mail address to send the test to."))
    prepared = messages.prepare(mailing)
    _check_size(prepared)
    for language in prepared.texts:
        message, headers, files = messages.build(
            prepared,
            to=address,
            name=actor.get_full_name() if actor is not None else "",
            language=language,
            token=messages.SAMPLE_TOKEN,
        )
        message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
        queue(
            message,
            platform=mailing.platform,
            purpose=f"mailing test {mailing.pk}",
            headers=headers,
            files=files,
        )
    audit.record(
        "outreach.mailing.tested",
        actor=actor,
        target=mailing,
        data={"languages": sorted(prepared.texts)},
    )
    return len(prepared.texts)


def _check_size(prepared: messages.Prepared) -> None:
    limit = settings.PLATFORMA_MAILING_MAX_ATTACHMENT_MB * 1024 * 1024
    if messages.attachment_bytes(prepared) > limit:
        raise ValidationError(
            _(
                "The attached files are larger than %(mb)s MB: many mail servers refuse such "
                "messages. Link to the publication's page instead."
            )
            % {"mb": settings.PLATFORMA_MAILING_MAX_ATTACHMENT_MB}
        )


@transaction.atomic
def mailing_send(*, actor: Actor, mailing: Mailing) -> Mailing:
    """Take the snapshot of recipients (as the rules say now) and start sending: the worker
    writes and sends the messages in batches (``outreach.tasks.mailing_send_batch``)."""
    from ..tasks import mailing_send_batch

    mailing = Mailing.objects.select_for_update().select_related("platform").get(pk=mailing.pk)
    _require(actor, mailing)
    if mailing.status != Mailing.Status.DRAFT:
        raise ValidationError(_("This mailing has already been sent or cancelled."))
    _check_size(messages.prepare(mailing))
    resolved = resolve(mailing)
    if not resolved.recipients:
        raise ValidationError(_("Nobody would receive this mailing: choose other recipients."))
    MailingRecipient.objects.bulk_create(
        (
            MailingRecipient(
                mailing=mailing,
                email=c.email,
                name=c.name[:300],
                language=c.language,
                source=c.source,
                source_id=c.source_id,
            )
            for c in resolved.recipients
        ),
        batch_size=500,
    )
    mailing.status = Mailing.Status.SENDING
    mailing.started_at = timezone.now()
    mailing.total = resolved.count
    mailing.excluded = dict(resolved.excluded)
    mailing.save(update_fields=["status", "started_at", "total", "excluded", "updated_at"])
    audit.record(
        "outreach.mailing.sent",
        actor=actor,
        target=mailing,
        data={"recipients": resolved.count, "not_written_to": dict(resolved.excluded)},
    )
    mailing_send_batch.enqueue(mailing.pk)
    return mailing


@transaction.atomic
def mailing_cancel(*, actor: Actor, mailing: Mailing) -> Mailing:
    """Stop a mailing: a draft is dropped from sending, one being sent sends no more (what is
    already in the outbox leaves)."""
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    _require(actor, mailing)
    if mailing.status not in (Mailing.Status.DRAFT, Mailing.Status.SENDING):
        raise ValidationError(_("This mailing is already finished."))
    skipped = mailing.recipients.filter(status=MailingRecipient.Status.PENDING).update(
        status=MailingRecipient.Status.SKIPPED, error="cancelled"
    )
    mailing.status = Mailing.Status.CANCELLED
    mailing.finished_at = timezone.now()
    mailing.save(update_fields=["status", "finished_at", "updated_at"])
    audit.record(
        "outreach.mailing.cancelled", actor=actor, target=mailing, data={"not_sent": skipped}
    )
    return mailing


@transaction.atomic
def mailing_resume(*, actor: Actor, mailing: Mailing) -> bool:
    """Enqueue the next batch of a mailing left "being sent" (a worker restarted and its task
    was lost). Harmless when a batch is already waiting: each recipient is claimed once."""
    from ..tasks import mailing_send_batch

    if actor is not None:
        _require(actor, mailing)
    else:
        require_manage(actor, mailing)
    if mailing.status != Mailing.Status.SENDING:
        return False
    mailing_send_batch.enqueue(mailing.pk)
    return True


@transaction.atomic
def recipient_mark_bounced(
    *, actor: Actor, recipient: MailingRecipient, error: str = "", actor_label: str = ""
) -> MailingRecipient:
    """Record a hard bounce: the recipient is marked, and the address gets no more of the
    platform's mailings (an opt-out of everything, source "bounce")."""
    from .preferences import record_preference

    mailing = recipient.mailing
    if actor is not None:
        _require(actor, mailing)
    MailingRecipient.objects.filter(pk=recipient.pk).update(
        status=MailingRecipient.Status.BOUNCED, error=error[:2000] or "bounced"
    )
    record_preference(
        platform=mailing.platform, email=recipient.email, topic="all", source="bounce"
    )
    audit.record(
        "outreach.recipient.bounced",
        actor=actor,
        actor_label=actor_label,
        target=mailing,
        data={"recipient": recipient.pk},
    )
    recipient.refresh_from_db()
    return recipient
