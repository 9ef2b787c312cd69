"""Background tasks of the core: delivering the outbox (``core.mail.queue``).

Run by ``manage.py db_worker`` (django-tasks' database backend); the tests run them at once
(``platforma.testing.tasks_plugin``).
"""

from __future__ import annotations

import datetime
import logging

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .mail import message_of
from .models import OutgoingMail

logger = logging.getLogger(__name__)

S = OutgoingMail.Status

# The wait before each new attempt after a failure: 1 min, 5 min, 30 min, 2 h; the fifth
# failure is final (the mail stays, "failed", on the secretariat's page).
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
)
MAX_ATTEMPTS = len(BACKOFF) + 1


@task()
def deliver(mail_id: int) -> str:
    """Send one outbox mail through Django's mail backend; on failure count the attempt and
    enqueue the next one after its back-off, or mark the mail failed. Returns its status.

    Nothing here runs in a transaction: the SMTP conversation (up to ``EMAIL_TIMEOUT``) holds
    no database lock. A mail is claimed (queued -> sending) by one conditional update, so that
    two tasks for one mail (a retry clicked twice) send it once.
    """
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=S.QUEUED).update(status=S.SENDING)
    if not claimed:
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        sent = message_of(mail).send(fail_silently=False)
        if not sent:
            raise RuntimeError("the mail backend sent nothing")
    except Exception as exc:  # any failure of the backend (socket, SMTP, timeout) is retried
        return _failed(mail, f"{type(exc).__name__}: {exc}"[:2000])
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=S.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )
    return S.SENT


def _failed(mail: OutgoingMail, error: str) -> str:
    attempts = mail.attempts + 1
    retry = attempts < MAX_ATTEMPTS and deliver.get_backend().supports_defer
    # A backend that cannot defer (the immediate one, in tests and development) has no later:
    # the mail fails at once and waits for the secretariat's "Retry".
    next_attempt = timezone.now() + BACKOFF[attempts - 1] if retry else None
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=S.QUEUED if retry else S.FAILED,
        attempts=attempts,
        last_error=error,
        next_attempt_at=next_attempt,
    )
    if next_attempt is not None:
        deliver.using(run_after=next_attempt).enqueue(mail.pk)
        logger.warning(
            "Mail %s to %s failed (attempt %s of %s), next attempt at %s: %s",
            mail.pk,
            ", ".join(mail.to),
            attempts,
            MAX_ATTEMPTS,
            next_attempt.isoformat(),
            error,
        )
        return S.QUEUED
    logger.error(
        "Mail %s to %s failed after %s attempt(s): %s", mail.pk, ", ".join(mail.to), attempts, error
    )
    return S.FAILED
