"""The worker's side of a mailing: batches written to the outbox at the configured rate, the
end of sending (with the distributions of the attached publications), the progress counts.

Exactly once: a batch claims its recipients (pending -> queued, a conditional update) and
writes their outbox mail in one transaction, so a recipient has one outbox row or none and
none is claimed twice. A worker that dies mid-batch rolls the batch back; the next batch (a
resumed task: ``manage.py outreach_resume``, or the page's "Resume") starts where it stopped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from platforma.core import audit
from platforma.core.mail import queue
from platforma.core.models import OutgoingMail, today_in
from platforma.publications.services import distribution_email

from ..models import Mailing, MailingRecipient
from . import messages
from .audience import opted_out

R = MailingRecipient.Status
M = OutgoingMail.Status


def batch_size() -> int:
    return max(1, settings.PLATFORMA_MAILING_BATCH)


def batch_delay() -> datetime.timedelta | None:
    """The wait between two batches for ``PLATFORMA_MAILING_RATE`` messages a minute (0: none)."""
    rate = settings.PLATFORMA_MAILING_RATE
    if rate <= 0:
        return None
    return datetime.timedelta(minutes=batch_size() / rate)


def send_batch(mailing_id: int, *, fail_after: int | None = None) -> tuple[int, bool]:
    """Write the next batch of a mailing being sent to the outbox. Returns (messages written,
    whether recipients are still waiting).

    ``fail_after``: raise after that many claims (the tests' crash in the middle of a batch).
    """
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().select_related("platform").get(pk=mailing_id)
        if mailing.status != Mailing.Status.SENDING:
            return 0, False
        batch = list(mailing.recipients.filter(status=R.PENDING).order_by("pk")[: batch_size()])
        if not batch:
            return 0, False
        unwanted = opted_out(mailing.platform, mailing.audience)
        prepared = messages.prepare(mailing)
        written = 0
        for recipient in batch:
            if recipient.email in unwanted:
                MailingRecipient.objects.filter(pk=recipient.pk, status=R.PENDING).update(
                    status=R.SKIPPED, error="unsubscribed"
                )
                continue
            if not MailingRecipient.objects.filter(pk=recipient.pk, status=R.PENDING).update(
                status=R.QUEUED
            ):
                continue  # another batch has it
            if fail_after is not None and written >= fail_after:
                raise RuntimeError("simulated crash in the middle of a batch")
            message, headers, files = messages.build(
                prepared,
                to=recipient.email,
                name=recipient.name,
                language=recipient.language,
                token=recipient.token,
            )
            mail = queue(
                message,
                platform=mailing.platform,
                purpose=f"mailing {mailing.pk}",
                headers=headers,
                files=files,
            )
            MailingRecipient.objects.filter(pk=recipient.pk).update(mail=mail)
            written += 1
        more = mailing.recipients.filter(status=R.PENDING).exists()
    return written, more


@dataclass
class Progress:
    total: int
    pending: int
    queued: int  # in the outbox, not yet delivered
    sent: int
    failed: int
    bounced: int
    skipped: int

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.bounced + self.skipped

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.done / self.total)

    @property
    def waiting(self) -> int:
        return self.pending + self.queued


def progress(mailing: Mailing) -> Progress:
    """The counts of the mailing's page, in one query. A recipient's delivery is its outbox
    mail's status (sent, or failed after the outbox's retries)."""
    queued = Q(status=R.QUEUED)
    counts = mailing.recipients.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(status=R.PENDING)),
        queued=Count("pk", filter=queued & Q(mail__status__in=[M.QUEUED, M.SENDING])),
        sent=Count("pk", filter=queued & Q(mail__status=M.SENT)),
        failed=Count("pk", filter=queued & (Q(mail__status=M.FAILED) | Q(mail__isnull=True))),
        bounced=Count("pk", filter=Q(status=R.BOUNCED)),
        skipped=Count("pk", filter=Q(status=R.SKIPPED)),
    )
    return Progress(**counts)


def finish(mailing_id: int) -> bool:
    """End a mailing whose every recipient is written and delivered (or failed): it is
    "sent", and each attached publication gets its e-mail distribution, recorded through the
    publications' service, counting the messages that left. False while mail is on its way."""
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().select_related("platform").get(pk=mailing_id)
        if mailing.status != Mailing.Status.SENDING:
            return mailing.status == Mailing.Status.SENT
        counts = progress(mailing)
        if counts.waiting:
            return False
        mailing.status = Mailing.Status.SENT
        mailing.finished_at = timezone.now()
        mailing.save(update_fields=["status", "finished_at", "updated_at"])
        delivered = mailing.recipients.filter(status=R.QUEUED, mail__status=M.SENT)
        stakeholders = list(
            delivered.filter(source=MailingRecipient.Source.STAKEHOLDER).values_list(
                "source_id", flat=True
            )
        )
        label = f"mailing {mailing.pk}"
        for publication in mailing.publications.all():
            if not counts.sent:
                break
            distribution = distribution_email(
                actor=None,
                actor_label=label,
                publication=publication,
                stakeholder_ids=stakeholders,
                total=counts.sent,
                sent_on=today_in(mailing.platform),
                note=mailing.name,
            )
            mailing.distributions.add(distribution)
        audit.record(
            "outreach.mailing.finished",
            actor=None,
            actor_label=label,
            target=mailing,
            data={
                "sent": counts.sent,
                "failed": counts.failed,
                "bounced": counts.bounced,
                "skipped": counts.skipped,
            },
        )
    return True
