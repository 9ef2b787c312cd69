"""The join form in a browser: the recommenders are filtered by typing, a form sent back for an
error still lists the chosen documents, and sending it again without choosing them applies."""

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, expect

from e2e.join_form import PDF, fill_everything_but_the_name
from e2e.test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_recommenders_then_an_error_keeps_the_files(page: Page, demo_site, tmp_path):
    for name in ("extract", "statute", "report"):
        (tmp_path / f"{name}.pdf").write_bytes(PDF)
    page.goto(f"{demo_site.url}/en/azerbaijan/join/")

    # The filter box narrows the scrollable list of member organisations as one types.
    box = page.locator(".choice-box")
    rows = box.locator("input[type=checkbox]")
    total = rows.count()
    assert total > 3
    search = page.get_by_label("Find by name")
    expect(search).to_be_visible()
    search.fill("humanit")
    visible = box.locator("input[type=checkbox]:visible")
    expect(visible).to_have_count(1)
    page.get_by_label("Humanitarian Research Public Union").check()
    search.fill("civic oversight")
    expect(visible).to_have_count(2)  # the match, and the one already chosen stays shown
    page.get_by_label("Centre for Civic Oversight Public Union").check()
    search.fill("no such organisation at all")
    expect(page.get_by_text("No member organisation matches")).to_be_visible()
    search.fill("")
    expect(visible).to_have_count(total)

    # Everything but the legal name: the form comes back with its summary, files still there.
    fill_everything_but_the_name(page, tmp_path)
    page.get_by_label("are not public officials", exact=False).check()
    page.get_by_role("button", name="Send the application").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    link = summary.get_by_role("link", name="Legal name of the organisation")
    expect(link).to_have_attribute("href", "#id_legal_name")
    for name in ("extract.pdf", "statute.pdf", "report.pdf"):
        expect(page.locator(".held-file", has_text=f"“{name}”")).to_have_count(1)
    expect(page.get_by_label("Humanitarian Research Public Union")).to_be_checked()
    # The page with its errors passes axe's WCAG 2.1 A/AA rules as the error-free one does.
    violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []

    link.click()
    expect(page.locator("#id_legal_name")).to_be_focused()
    expect(page.locator("#id_legal_name")).to_have_attribute("aria-invalid", "true")
    page.locator("#id_legal_name").fill("Clean Air Public Union")
    page.get_by_role("button", name="Send the application").click()
    expect(page.locator(".message")).to_contain_text("Your application has been received")

    from platforma.members.models import Application

    application = Application.objects.get(contact_email="aysel@cleanair.example.org")
    assert sorted(application.documents.values_list("original_name", flat=True)) == [
        "extract.pdf",
        "report.pdf",
        "statute.pdf",
    ]
    assert application.recommendations.count() == 2
