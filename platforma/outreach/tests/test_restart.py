"""A mailing to 1,000 stakeholders survives its worker dying in the middle of a batch: resumed,
it sends every address exactly one message (the real database queue and worker)."""

from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command

from platforma.core.models import OutgoingMail
from platforma.outreach import services
from platforma.outreach.models import Mailing, MailingRecipient
from platforma.outreach.services import sending
from platforma.publications.models import Stakeholder


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_thousand_survive_a_crash_half_way_without_anyone_twice(
    platform, db_task_queue, settings, monkeypatch
):
    settings.PLATFORMA_MAILING_BATCH = 50
    Stakeholder.objects.bulk_create(
        Stakeholder(
            platform=platform,
            kind="organisation",
            name=f"Stakeholder {i}",
            category="media",
            email=f"s{i}@example.org",
            consent_to_contact=True,
        )
        for i in range(1000)
    )
    mailing = services.mailing_create(
        actor=None,
        platform=platform,
        name="News",
        audience="stakeholders",
        texts={"en": ("News", "Our news.")},
    )
    services.mailing_send(actor=None, mailing=mailing)
    assert not OutgoingMail.objects.exists()  # the page wrote the snapshot and one task

    # The worker dies in the eleventh batch, after claiming 20 of its recipients: the batch's
    # transaction is rolled back and no next batch is enqueued.
    real = sending.send_batch
    calls = Counter()

    def crashing(mailing_id, **kwargs):
        calls["batch"] += 1
        if calls["batch"] == 11:
            return real(mailing_id, fail_after=20)
        return real(mailing_id, **kwargs)

    monkeypatch.setattr(sending, "send_batch", crashing)
    work()
    monkeypatch.setattr(sending, "send_batch", real)

    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENDING
    assert len(mail.outbox) == 500
    pending = MailingRecipient.objects.filter(mailing=mailing, status="pending").count()
    assert pending == 500

    # Resumed twice by mistake (cron and the page's button): still one message each.
    call_command("outreach_resume", verbosity=0)
    call_command("outreach_resume", verbosity=0)
    work()

    per_address = Counter(m.to[0] for m in mail.outbox)
    assert len(per_address) == 1000
    assert set(per_address.values()) == {1}
    assert OutgoingMail.objects.filter(status="sent").count() == 1000
    mailing.refresh_from_db()
    if mailing.status != Mailing.Status.SENT:  # the end's check ran before the last delivery
        assert sending.finish(mailing.pk)
    counts = sending.progress(mailing)
    assert (counts.sent, counts.pending, counts.queued, counts.percent) == (1000, 0, 0, 100)
