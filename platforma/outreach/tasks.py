"""The worker's tasks of mailings (run by ``manage.py db_worker``; at once in tests)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks import task

from .services import sending

# How long to wait, once every recipient is in the outbox, before looking again whether the
# outbox has delivered them all (then the mailing is "sent").
DELIVERY_CHECK = datetime.timedelta(seconds=30)


@task()
def mailing_send_batch(mailing_id: int) -> int:
    """Write the next batch of a mailing to the outbox, then enqueue the next one after the
    rate's pause; after the last, the check that ends the mailing. A backend that cannot defer
    (immediate: tests, development) writes every batch in this one call. Returns the messages
    written."""
    backend = mailing_send_batch.get_backend()
    written = 0
    while True:
        count, more = sending.send_batch(mailing_id)
        written += count
        if not more:
            break
        if backend.supports_defer:
            delay = sending.batch_delay()
            if delay is None:
                mailing_send_batch.enqueue(mailing_id)
            else:
                mailing_send_batch.using(run_after=timezone.now() + delay).enqueue(mailing_id)
            return written
    mailing_finish.enqueue(mailing_id)
    return written


@task()
def mailing_finish(mailing_id: int) -> bool:
    """End the mailing once the outbox has delivered (or given up on) every message; until
    then look again in a while."""
    if sending.finish(mailing_id):
        return True
    backend = mailing_finish.get_backend()
    if backend.supports_defer:
        mailing_finish.using(run_after=timezone.now() + DELIVERY_CHECK).enqueue(mailing_id)
    return False
