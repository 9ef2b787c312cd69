"""In chromium, with the Content-Security-Policy enforced: the PDF link shows "Preparing the
PDF…", which reloads itself with no script and no policy violation, and turns into the PDF as
soon as the worker has built it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from platforma.documents.tests.queues import DATABASE, run_worker, use_queue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Violations are handed to the test through a binding, not read back with page.evaluate: the
# page reloads itself every two seconds, and an evaluate caught by a reload fails.
LISTEN = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.reportViolation(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def published_report(live_server, transactional_db, settings):
    from platforma.demo.loader import load_demo
    from platforma.reports import services

    platform = load_demo()
    who = {"actor": None, "actor_label": "test"}
    report = services.report_draft(platform=platform, year=2014, **who)
    services.report_approve(report=report, **who)
    services.report_publish(report=report, **who)
    use_queue(settings, DATABASE)
    return f"{live_server.url}/en/azerbaijan/reports/2014/report.pdf"


def test_the_page_waits_then_delivers_the_pdf(page: Page, published_report):
    violations: list[str] = []
    page.expose_function("reportViolation", lambda text: violations.append(text))
    page.add_init_script(LISTEN)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    first = page.goto(published_report)
    assert first is not None
    assert first.status == 202
    assert "script-src 'self'" in (first.headers.get("content-security-policy") or "")
    assert page.get_by_role("heading", name="Preparing the PDF…").is_visible()

    # It reloads itself while it waits (the meta refresh): a second answer, still 202.
    with page.expect_response(lambda r: r.url == published_report, timeout=10_000) as again:
        pass
    assert again.value.status == 202
    assert violations == []
    assert not [text for text in console if "Content Security Policy" in text]

    run_worker()
    with page.expect_response(
        lambda r: r.url == published_report and r.status == 200, timeout=15_000
    ) as delivered:
        pass
    assert delivered.value.headers["content-type"] == "application/pdf"
    assert "report-azerbaijan-2014-en.pdf" in delivered.value.headers["content-disposition"]
    # (chromium's viewer stands in for the body it shows; the file itself, fetched again:)
    assert page.request.get(published_report).body().startswith(b"%PDF-")
