"""The minutes' PDF is built by the worker and kept until the meeting's records change.

Through the office's PDF link: the database queue first answers with a page that says the PDF
is being prepared; after the worker has run the same link delivers it. Another platform's
secretariat finds nothing and queues nothing.
"""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from platforma.documents.models import RenderedDocument
from platforma.documents.tests.queues import DATABASE, IMMEDIATE, run_worker, use_queue
from platforma.meetings import services

from .conftest import check_in

pytestmark = pytest.mark.django_db
T = {"actor": None, "actor_label": "test"}


def pdf_url(meeting):
    return reverse("meetings:minutes-pdf", args=[meeting.platform.slug, meeting.pk])


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_prepared_by_the_worker_then_served(
    client, settings, meeting, members, secretary, tmp_path
):
    use_queue(settings, DATABASE)
    check_in(meeting, members[:5])
    client.force_login(secretary)
    waiting = client.get(pdf_url(meeting))
    assert waiting.status_code == 202
    assert "Preparing the PDF…" in waiting.content.decode()
    assert client.get(pdf_url(meeting)).status_code == 202
    assert DBTaskResult.objects.count() == 1  # asked twice, queued once

    run_worker()

    response = client.get(pdf_url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    expected = f'inline; filename="minutes-testland-{meeting.date.isoformat()}.pdf"'
    assert response["Content-Disposition"] == expected
    assert "General Assembly 2014" in text_of(response.content, tmp_path)
    document = RenderedDocument.objects.get(kind="minutes")
    assert (document.key, document.platform) == (str(meeting.pk), meeting.platform)


def test_a_new_narrative_rebuilds_it(client, settings, meeting, secretary, tmp_path):
    use_queue(settings, IMMEDIATE)
    client.force_login(secretary)
    first = client.get(pdf_url(meeting))
    assert first.status_code == 200
    assert "The chair thanked the hosts." not in text_of(first.content, tmp_path)
    old = RenderedDocument.objects.get(kind="minutes")

    services.minutes_update(meeting=meeting, narrative="The chair thanked the hosts.", **T)

    second = client.get(pdf_url(meeting))
    assert second.status_code == 200
    assert "The chair thanked the hosts." in text_of(second.content, tmp_path)
    new = RenderedDocument.objects.get(kind="minutes")
    assert new.fingerprint != old.fingerprint


def test_another_platforms_secretariat_finds_nothing(client, settings, meeting, outsider):
    use_queue(settings, DATABASE)
    client.force_login(outsider)
    assert client.get(pdf_url(meeting)).status_code == 404
    assert client.post(pdf_url(meeting)).status_code == 404
    assert not RenderedDocument.objects.exists()
    assert not DBTaskResult.objects.exists()
    client.logout()
    assert client.get(pdf_url(meeting)).status_code == 302  # anonymous: sent to log in


def test_a_lost_build_is_offered_again(client, settings, meeting, secretary):
    """A worker stopped in the middle: after PLATFORMA_DOCUMENT_STALE_MINUTES the page stops
    waiting and offers to build it again; the retry queues one new job."""
    import datetime

    from django.utils import timezone

    use_queue(settings, DATABASE)
    client.force_login(secretary)
    assert client.get(pdf_url(meeting)).status_code == 202
    RenderedDocument.objects.update(
        status=RenderedDocument.Status.BUILDING,
        started=timezone.now() - datetime.timedelta(hours=1),
    )
    html = client.get(pdf_url(meeting)).content.decode()
    assert "did not finish in time" in html
    assert "Try again" in html
    DBTaskResult.objects.all().delete()  # the lost job

    assert client.post(pdf_url(meeting)).status_code == 302
    assert RenderedDocument.objects.get().status == RenderedDocument.Status.QUEUED
    assert DBTaskResult.objects.count() == 1
    assert client.post(pdf_url(meeting)).status_code == 302  # a second click queues nothing
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert client.get(pdf_url(meeting))["Content-Type"] == "application/pdf"
