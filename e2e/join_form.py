"""Filling the public join form in a browser, as an applicant does (shared by browser tests)."""

import datetime
from pathlib import Path

from playwright.sync_api import Page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def platform_today() -> datetime.date:
    """Today in Baku, the platform's day: the service judges dates by it, not the machine's."""
    from platforma.core.models import Platform, today_in

    return today_in(Platform.objects.get(slug="azerbaijan"))


def fill_everything_but_the_name(page: Page, tmp_path: Path) -> None:
    """Every required field of the join form except the legal name and the recommenders, with the
    three documents ``extract.pdf``, ``statute.pdf`` and ``report.pdf`` from ``tmp_path``."""
    page.get_by_label("Registration number").fill("1400999001")
    page.get_by_label("Date of registration").fill("2015-03-01")
    page.get_by_label("Working in the platform's fields since").fill("2016-01-01")
    page.get_by_label("City").fill("Baku")
    page.get_by_label("Organisation's e-mail").fill("info@cleanair.example.org")
    page.get_by_label("What the organisation does").fill("Monitors air quality in Absheron.")
    page.locator("#id_contact_name").fill("Aysel Karimova")
    page.get_by_label("Contact person's e-mail").fill("aysel@cleanair.example.org")
    page.get_by_label("Environment, climate change and energy security").check()
    page.get_by_label("Extract from the register").set_input_files(str(tmp_path / "extract.pdf"))
    page.get_by_label("Date of issue of this document").fill(
        (platform_today() - datetime.timedelta(days=5)).isoformat()
    )
    page.get_by_label("Organisation's statute").set_input_files(str(tmp_path / "statute.pdf"))
    page.get_by_label("Latest activity report").set_input_files(str(tmp_path / "report.pdf"))
