"""The annual report's PDF is built by the worker and kept until the records change.

Through the PDF link as a reader follows it: with the database queue the first answer is a page
that says the PDF is being prepared and reloads itself; once the worker has run, the same link
delivers the file. Permissions are those of the report page: the public reads a published
report, its secretariat any, another platform's secretariat nothing.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from platforma.documents.models import RenderedDocument
from platforma.documents.tests.queues import DATABASE, IMMEDIATE, run_worker, use_queue
from platforma.reports import services
from platforma.testing.factories import PlatformFactory

from .conftest import WHO, pdf_text
from .test_demo_report import FACTS

URL = "/en/azerbaijan/reports/2014/report.pdf"


def documents():
    return RenderedDocument.objects.filter(kind="annual-report")


def test_database_queue_prepares_then_serves(client, settings, published_demo_report, tmp_path):
    use_queue(settings, DATABASE)
    first = client.get(URL)
    assert first.status_code == 202
    html = first.content.decode()
    assert "Preparing the PDF…" in html
    assert '<meta http-equiv="refresh" content="2">' in html
    # The page reloads itself without a script of its own (the CSP allows no inline script).
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    # Asked again while waiting: the same row, still one job.
    assert client.get(URL).status_code == 202
    assert documents().count() == 1
    assert DBTaskResult.objects.count() == 1
    document = documents().get()
    assert document.status == RenderedDocument.Status.QUEUED
    assert document.key == "2014/en"

    run_worker()

    document.refresh_from_db()
    assert document.status == RenderedDocument.Status.READY
    assert document.file.name.startswith("documents/annual-report/azerbaijan/")
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="report-azerbaijan-2014-en.pdf"'
    assert "Annual report 2014" in pdf_text(response.content, tmp_path)
    assert DBTaskResult.objects.count() == 1  # served from the file: nothing queued again


def test_served_from_the_cache_until_the_records_change(
    client, settings, published_demo_report, secretariat_of, monkeypatch
):
    use_queue(settings, IMMEDIATE)
    first = client.get(URL)  # built at once by the immediate backend
    assert first.status_code == 200
    assert first.content.startswith(b"%PDF-")
    built = documents().get()

    def never(*args, **kwargs):
        raise AssertionError("the PDF was rendered again")

    monkeypatch.setattr("platforma.reports.pdf.report_pdf", never)
    again = client.get(URL)
    assert again.status_code == 200
    assert again.content == first.content
    monkeypatch.undo()

    # A change to the records (the report goes back to draft) moves the fingerprint.
    secretariat = secretariat_of(published_demo_report.platform)
    services.report_reopen(report=published_demo_report, **WHO)
    assert client.get(URL).status_code == 404  # a draft again: not for the public
    client.force_login(secretariat)
    rebuilt = client.get(URL)
    assert rebuilt.status_code == 200
    assert rebuilt.content.startswith(b"%PDF-")
    current = documents().get()  # the older build was dropped with its file
    assert current.pk != built.pk
    assert current.fingerprint != built.fingerprint
    assert not built.file.storage.exists(built.file.name)


def test_permissions_are_the_report_pages(client, settings, demo_platform, secretariat_of):
    use_queue(settings, DATABASE)
    services.report_draft(platform=demo_platform, year=2014, **WHO)  # a draft
    assert client.get(URL).status_code == 404
    other = secretariat_of(PlatformFactory(slug="elsewhere"))
    client.force_login(other)
    assert client.get(URL).status_code == 404
    assert client.post(URL).status_code == 404
    assert not documents().exists()  # nothing queued for those who may not read it
    client.force_login(secretariat_of(demo_platform))
    assert client.get(URL).status_code == 202
    assert documents().count() == 1


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_worker_builds_each_language(
    client, settings, published_demo_report, language, tmp_path
):
    """The worker has no request and no active language: the key carries it."""
    use_queue(settings, DATABASE)
    url = reverse("reports:report-pdf", args=["azerbaijan", 2014]).replace("/en/", f"/{language}/")
    assert client.get(url).status_code == 202
    run_worker()
    response = client.get(url)
    assert response.status_code == 200
    assert f"report-azerbaijan-2014-{language}.pdf" in response["Content-Disposition"]
    assert documents().get().key == f"2014/{language}"
    text = pdf_text(response.content, tmp_path).replace("-", "")
    for fact in FACTS[language]:
        assert fact.replace("-", "") in text, (language, fact)


def test_a_failed_build_says_so_and_can_be_retried(
    client, settings, published_demo_report, secretariat_of, monkeypatch
):
    use_queue(settings, IMMEDIATE)

    def broken(doc):
        raise RuntimeError("the font went missing")

    monkeypatch.setattr("platforma.reports.pdf.report_pdf", broken)
    public = client.get(URL)
    assert public.status_code == 200
    html = public.content.decode()
    assert "The PDF could not be built" in html
    assert "the font went missing" not in html  # the public is not shown the error
    assert '<button type="submit">Try again</button>' in html
    assert "http-equiv" not in html  # no reloading while nothing is being built
    client.force_login(secretariat_of(published_demo_report.platform))
    assert "RuntimeError: the font went missing" in client.get(URL).content.decode()

    monkeypatch.undo()
    retried = client.post(URL)
    assert retried.status_code == 302
    assert retried["Location"] == URL
    response = client.get(URL)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert documents().get().status == RenderedDocument.Status.READY


def test_the_forum_report_follows_every_platform_and_a_platforms_only_its_own(
    client, settings, demo_platform
):
    """The Forum-wide report reads every platform: any platform's audit chain moving changes
    its fingerprint. A platform's report changes with its own chain and the Forum's only."""
    from platforma.core import audit
    from platforma.documents import selectors

    use_queue(settings, IMMEDIATE)
    report = services.report_draft(platform=None, year=2014, **WHO)
    services.report_approve(report=report, **WHO)
    services.report_publish(report=report, **WHO)
    url = "/en/forum/reports/2014/report.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="report-forum-2014-en.pdf"'
    built = documents().get(platform__isnull=True)
    platform_before = selectors.fingerprint("annual-report", demo_platform, "2014/en")

    other = PlatformFactory(slug="elsewhere")
    audit.record("test.touched", platform=other, actor_label="test")

    assert selectors.fingerprint("annual-report", None, "2014/en") != built.fingerprint
    assert selectors.fingerprint("annual-report", demo_platform, "2014/en") == platform_before
    assert client.get(url).status_code == 200
    assert documents().get(platform__isnull=True).fingerprint != built.fingerprint

    audit.record("test.touched", forum=True, actor_label="test")
    assert selectors.fingerprint("annual-report", demo_platform, "2014/en") != platform_before
