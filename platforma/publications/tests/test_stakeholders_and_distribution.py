"""Stakeholders, their import (all rows checked first), distributions and their totals."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from platforma.core.models import AuditEntry
from platforma.publications import selectors, services
from platforma.publications.models import Distribution, Stakeholder

pytestmark = pytest.mark.django_db

GOOD = (
    "name,category,kind,country,contact_name,email,consent\n"
    "Delegation of the EU,EU institution,organisation,Azerbaijan,Ms Smith,eu@example.org,yes\n"
    "Baku State University,university,,Azerbaijan,,,no\n"
    "National Library,Library,,Azerbaijan,,lib@example.org,\n"
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_import_writes_every_row_with_one_audit_entry(tmp_path, platform, capsys):
    call_command("import_stakeholders", platform.slug, str(write(tmp_path, "s.csv", GOOD)))
    out = capsys.readouterr().out
    assert "Imported 3 stakeholders" in out
    assert "Checking rows" in out
    eu = Stakeholder.objects.get(name="Delegation of the EU")
    assert (eu.category, eu.consent_to_contact, eu.email) == (
        "eu_institution",
        True,
        "eu@example.org",
    )
    assert Stakeholder.objects.get(name="National Library").category == "library"
    assert AuditEntry.objects.filter(action="publications.stakeholder.imported").count() == 1


def test_one_bad_row_and_nothing_is_written(tmp_path, platform, capsys):
    bad = (
        GOOD
        + "Think Lab,think tank,,,,not-an-email,yes\nNobody,astrologers,,,,,maybe\n,media,,,,,\n"
    )
    with pytest.raises(CommandError, match="3 of 6 rows have errors; nothing was imported"):
        call_command("import_stakeholders", platform.slug, str(write(tmp_path, "bad.csv", bad)))
    err = capsys.readouterr().err
    assert "Row 5: “not-an-email” is not an e-mail address." in err
    assert "Row 6: unknown category “astrologers”" in err
    assert "consent must be yes or no" in err
    assert "Row 7: the name is missing." in err
    assert not Stakeholder.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="publications.stakeholder").exists()


def test_duplicates_in_file_are_refused_and_registered_rows_are_left_as_they_are(
    tmp_path, platform, capsys
):
    call_command("import_stakeholders", platform.slug, str(write(tmp_path, "a.csv", GOOD)))
    call_command("import_stakeholders", platform.slug, str(write(tmp_path, "b.csv", GOOD)))
    assert "Imported 0 stakeholders; updated 0, unchanged 3." in capsys.readouterr().out
    assert AuditEntry.objects.filter(action="publications.stakeholder.imported").count() == 1

    with pytest.raises(ValidationError, match="same name and e-mail as row 2"):
        services.stakeholders_import(
            actor=None,
            platform=platform,
            rows=[{"name": "X", "category": "media"}, {"name": "x", "category": "media"}],
        )
    with pytest.raises(CommandError, match="Unknown columns: colour"):
        call_command(
            "import_stakeholders",
            platform.slug,
            str(write(tmp_path, "c.csv", "name,colour\nA,b\n")),
        )
    assert Stakeholder.objects.count() == 3


def test_xlsx_import_and_dry_run(tmp_path, platform, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Category", "Consent"])
    sheet.append(["Caucasus Think Tank", "think-tank", "yes"])
    sheet.append(["Ministry of Economy", "government agency", None])
    path = tmp_path / "s.xlsx"
    book.save(path)
    call_command("import_stakeholders", platform.slug, str(path), "--dry-run")
    assert "All 2 rows are valid" in capsys.readouterr().out
    assert not Stakeholder.objects.exists()
    call_command("import_stakeholders", platform.slug, str(path))
    assert sorted(Stakeholder.objects.values_list("category", flat=True)) == [
        "government_agency",
        "think_tank",
    ]
    with pytest.raises(CommandError, match="No platform"):
        call_command("import_stakeholders", "atlantis", str(path))
    with pytest.raises(CommandError, match=".csv or .xlsx"):
        call_command("import_stakeholders", platform.slug, str(write(tmp_path, "s.txt", "x")))


def paper(platform, title="Brochure"):
    return services.publication_create(
        actor=None,
        platform=platform,
        kind="brochure",
        title_en=title,
        published_on=datetime.date(2014, 1, 1),
    )


def test_individual_and_aggregate_distributions_and_their_totals(platform):
    brochure = paper(platform)
    eu = services.stakeholder_create(
        actor=None, platform=platform, name="EU Delegation", category="eu_institution"
    )
    uni = services.stakeholder_create(
        actor=None, platform=platform, name="ADA University", category="university"
    )
    services.stakeholder_create(actor=None, platform=platform, name="BSU", category="university")
    services.distribution_record(
        actor=None,
        publication=brochure,
        year=2014,
        channel="print",
        stakeholders=[eu],
        categories=["university"],
        copies_each=2,
    )
    services.distribution_record_aggregate(
        actor=None,
        publication=brochure,
        year=2014,
        channel="print",
        total=1000,
        total_precision="more_than",
        breakdown={"eu_institution": None, "library": None, "think_tank": 40},
    )
    totals = selectors.distribution_totals_for_publication(brochure)
    assert (totals.recipients, totals.more_than, totals.copies) == (1003, True, 6)
    by = {c.category: c for c in totals.by_category}
    assert (by["university"].count, by["university"].unknown) == (2, False)
    assert (by["eu_institution"].count, by["eu_institution"].unknown) == (1, True)
    assert (by["library"].count, by["library"].unknown) == (0, True)
    assert by["think_tank"].count == 40
    year = selectors.distribution_totals_for_year(platform, 2014)
    assert year.recipients == 1003
    assert year.distributions == 2
    assert selectors.distribution_totals_for_year(platform, 2015).recipients == 0
    assert uni.receipts.get().copies == 2
    ((pub, pub_totals),) = selectors.distribution_totals_by_publication(platform, 2014)
    assert pub == brochure
    assert pub_totals.recipients == 1003


def test_distribution_bad_input_changes_nothing(platform):
    brochure = paper(platform)
    with pytest.raises(ValidationError, match="at least one stakeholder"):
        services.distribution_record(actor=None, publication=brochure, year=2014, channel="email")
    with pytest.raises(ValidationError, match="add up to more than the total"):
        services.distribution_record_aggregate(
            actor=None,
            publication=brochure,
            year=2014,
            channel="print",
            total=10,
            breakdown={"library": 11},
        )
    with pytest.raises(ValidationError, match="Unknown categories"):
        services.distribution_record_aggregate(
            actor=None,
            publication=brochure,
            year=2014,
            channel="print",
            total=10,
            breakdown={"aliens": 1},
        )
    with pytest.raises(ValidationError, match="which event"):
        services.distribution_record_aggregate(
            actor=None,
            publication=brochure,
            year=2014,
            channel="event",
            total=10,
        )
    with pytest.raises(ValidationError, match="do not agree"):
        services.distribution_record_aggregate(
            actor=None,
            publication=brochure,
            year=2014,
            channel="print",
            total=10,
            sent_on=datetime.date(2015, 1, 1),
        )
    assert not Distribution.objects.exists()


def test_distribution_totals_shown_on_the_publication_page(client, platform):
    from django.urls import reverse

    brochure = paper(platform, "EaP brochure")
    services.distribution_record_aggregate(
        actor=None,
        publication=brochure,
        year=2014,
        channel="print",
        total=1000,
        total_precision="more_than",
        breakdown={"library": None},
    )
    html = client.get(
        reverse("publications:publication-detail", args=[platform.slug, brochure.pk])
    ).content.decode()
    assert "Distributed to more than 1000 stakeholders" in html
    assert "library" in html
    assert "number not recorded" in html
