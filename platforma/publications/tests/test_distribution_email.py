"""A publication e-mailed to 1,000 stakeholders: the page answers at once, the worker writes and
sends the mails, and only those who consented to be contacted are written to."""

import datetime
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from platforma.core.models import AuditEntry, OutgoingMail
from platforma.publications import services
from platforma.publications.models import Distribution, Stakeholder


def paper(platform, *, is_public=True):
    return services.publication_create(
        actor=None,
        platform=platform,
        kind="brochure",
        title_en="Civic space in 2014",
        published_on=datetime.date(2014, 1, 1),
        is_public=is_public,
    )


def stakeholders(platform, n=1000):
    """Every third one has not consented; every tenth of the others has no address."""
    rows = []
    for i in range(n):
        consent = i % 3 != 0
        rows.append(
            Stakeholder(
                platform=platform,
                kind="organisation",
                name=f"Stakeholder {i}",
                category="media",
                email="" if consent and i % 10 == 1 else f"s{i}@example.org",
                consent_to_contact=consent,
            )
        )
    Stakeholder.objects.bulk_create(rows)
    return {
        s.email
        for s in Stakeholder.objects.filter(platform=platform, consent_to_contact=True)
        if s.email
    }


def email_url(platform, publication):
    return reverse("publications:office-distribution-email", args=[platform.slug, publication.pk])


@pytest.mark.django_db(transaction=True)
def test_a_thousand_stakeholders_only_the_consenting_are_written_to_by_the_worker(
    office, platform, db_task_queue, settings
):
    settings.PLATFORMA_BASE_URL = "https://platforma.example.org"
    publication = paper(platform)
    consenting = stakeholders(platform)
    assert 550 < len(consenting) < 700
    page = office.get(email_url(platform, publication)).content.decode()
    assert f"{len(consenting)} stakeholders who agreed to be contacted" in page
    assert f"{1000 - len(consenting)} other stakeholders" in page

    office.post(email_url(platform, publication))  # without the box ticked: nothing
    assert not Distribution.objects.exists()

    started = time.perf_counter()
    response = office.post(email_url(platform, publication), {"confirm": "on"})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert elapsed < 2, f"the page took {elapsed:.2f} s"
    distribution = Distribution.objects.get()
    assert (distribution.channel, distribution.total) == ("email", len(consenting))
    assert distribution.recipients.count() == len(consenting)
    entry = AuditEntry.objects.get(action="publications.distribution.emailed")
    assert entry.data["written_to"] == len(consenting)
    assert entry.data["not_written_to"] == 1000 - len(consenting)
    # The page wrote one task, not a thousand mails.
    assert not OutgoingMail.objects.exists()
    assert DBTaskResult.objects.count() == 1
    assert not mail.outbox

    started = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    worker = time.perf_counter() - started
    print(f"page {elapsed * 1000:.0f} ms; worker {worker:.1f} s for {len(consenting)} mails")
    assert OutgoingMail.objects.filter(platform=platform, status="sent").count() == len(consenting)
    assert {m.to[0] for m in mail.outbox} == consenting
    assert len(mail.outbox) == len(consenting)
    message = mail.outbox[0]
    assert "Civic space in 2014" in message.subject
    assert f"https://platforma.example.org/en/testland/publications/{publication.pk}/" in (
        message.body
    )
    # The task run again writes nothing more.
    from platforma.publications.tasks import distribution_mail

    assert distribution_mail.call(distribution.pk, "en") == 0
    assert OutgoingMail.objects.count() == len(consenting)


def test_refused_when_unpublished_nobody_consents_or_another_platforms(office, platform, other):
    hidden = paper(platform, is_public=False)
    Stakeholder.objects.create(
        platform=platform, kind="organisation", name="No", email="no@example.org"
    )
    response = office.post(email_url(platform, hidden), {"confirm": "on"}, follow=True)
    assert "Publish it on the website first" in response.content.decode()
    public = paper(platform)
    response = office.post(email_url(platform, public), {"confirm": "on"}, follow=True)
    assert "No stakeholder with an e-mail address has agreed" in response.content.decode()
    assert not Distribution.objects.exists()
    assert not OutgoingMail.objects.exists()
    theirs = paper(other[0])
    assert office.get(email_url(platform, theirs)).status_code == 404
    assert office.post(email_url(other[0], theirs), {"confirm": "on"}).status_code == 404


def test_the_publication_page_links_the_email_button(office, platform):
    publication = paper(platform)
    page = office.get(
        reverse("publications:office-publication-edit", args=[platform.slug, publication.pk])
    ).content.decode()
    assert email_url(platform, publication) in page
