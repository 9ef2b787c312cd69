"""The annual reports API: the published reports only (a draft is not found, whoever asks),
with the addresses of their pages and PDFs."""

from __future__ import annotations

import datetime

import pytest

from platforma.reports import services as reports
from platforma.reports.models import AnnualReport

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan/reports"


def test_reports_published_only_with_their_links(
    world, call, client, django_assert_max_num_queries
):
    users, data = world
    published = AnnualReport.objects.get(platform=data["platform"], year=2014)
    assert published.is_published
    assert AnnualReport.objects.get(platform=data["platform"], year=2015).status == "draft"

    # The list: the published report only, for everyone (the secretariat too: no drafts here).
    for role in ("anonymous", "representative", "secretariat", "forum"):
        answer = call("get", BASE, role=role)
        assert answer.status_code == 200
        page = answer.json()
        assert [r["year"] for r in page["results"]] == [2014], role
    row = page["results"][0]
    assert set(row) == {"year", "title", "published_at", "url", "pdf_url"}
    assert row["title"] == str(published)
    assert row["url"] == "http://testserver/en/azerbaijan/reports/2014/"
    assert row["pdf_url"] == "http://testserver/en/azerbaijan/reports/2014/report.pdf"
    assert client.get(row["url"]).status_code == 200  # the link leads to the page
    # In the active language (Accept-Language / the language of the call).
    answer = client.get(BASE, HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.json()["results"][0]["url"].startswith("http://testserver/ru/")

    # The report.
    answer = call("get", f"{BASE}/2014", role="anonymous")
    assert answer.status_code == 200
    detail = answer.json()
    assert set(detail) == {"year", "title", "published_at", "url", "pdf_url", "pdfs"}
    assert detail["year"] == 2014
    assert {p["language"] for p in detail["pdfs"]} == {"en", "az", "ru"}
    moment = datetime.datetime.fromisoformat(detail["published_at"])
    assert abs(moment - published.published_at) < datetime.timedelta(milliseconds=1)

    # A draft, an approved report not yet published, no such year: 404 for everyone.
    for role in ("anonymous", "representative", "secretariat", "forum"):
        assert call("get", f"{BASE}/2015", role=role).status_code == 404, role
        assert call("get", f"{BASE}/2013", role=role).status_code == 404, role
    draft = AnnualReport.objects.get(platform=data["platform"], year=2015)
    reports.report_approve(actor=users["forum"], report=draft)
    assert call("get", f"{BASE}/2015", role="secretariat").status_code == 404
    assert 2015 not in [r["year"] for r in call("get", BASE, role="forum").json()["results"]]

    # Another platform's list is its own (none); the Forum-wide reports under "forum".
    assert call("get", "/api/v1/platforms/armenia/reports").json()["count"] == 0
    assert call("get", "/api/v1/platforms/armenia/reports/2014").status_code == 404
    assert call("get", "/api/v1/platforms/forum/reports").status_code == 200
    assert call("get", "/api/v1/platforms/forum/reports/2014").status_code == 404
    assert call("get", "/api/v1/platforms/nowhere/reports").status_code == 404
    assert call("get", "/api/v1/platforms/nowhere/reports/2014").status_code == 404
    for bad in ("0", "1800", "99999999999", "abc", "2014.5"):
        answer = call("get", f"{BASE}/{bad}")
        assert answer.status_code == 400, bad
        assert "fields" in answer.json()
    assert call("get", "/api/v1/platforms/bad%20slug/reports").status_code in {400, 404}

    # Queries: a fixed budget whatever the number of reports.
    with django_assert_max_num_queries(3):
        assert call("get", BASE, role="anonymous").json()["count"] == 1
    for year in (2010, 2011, 2012):
        report = reports.report_draft(actor=users["forum"], platform=data["platform"], year=year)
        reports.report_approve(actor=users["forum"], report=report)
        reports.report_publish(actor=users["forum"], report=report)
    with django_assert_max_num_queries(3):
        assert call("get", BASE, role="anonymous").json()["count"] == 4
    with django_assert_max_num_queries(3):
        assert call("get", f"{BASE}/2010", role="anonymous").status_code == 200
