"""Every CSV and XLSX export writes text that no spreadsheet reads as a formula (issue 13).

Through the office's export URLs, as the secretariat downloads them: a member whose phone is
``=HYPERLINK(...)`` and whose names start with ``+``, ``-``, ``@``, a tab or a carriage return; an
event's registrations with the same. In CSV each such cell starts with an apostrophe; in XLSX,
read back with openpyxl, each is a string cell (``data_type`` ``"s"``) with the apostrophe, and no
cell anywhere is a formula. The member importer takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from platforma.activities import services as activities
from platforma.core import exports
from platforma.core.services import platform_role_grant
from platforma.members.services.imports import read_table
from platforma.testing.factories import MembershipFactory, PlatformFactory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example","x")'
HOSTILE = {
    "legal_name_en": "+Plus Union",
    "short_name_en": "-2+3",
    "acronym": "@SUM(1+1)",
    "city_en": "\tTabbed",
    "address_en": "\r=1+1",
    "phone": HYPERLINK,
    "website": "",
}


@pytest.fixture
def platform():
    return PlatformFactory(slug="exportland")


@pytest.fixture
def office(platform, django_user_model) -> Client:
    user = django_user_model.objects.create_user("sec-x", "sec@example.org", "pw-sec-123456")
    platform_role_grant(actor=None, user=user, platform=platform, role="secretariat")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def hostile_member(platform):
    return MembershipFactory(
        platform=platform, **{f"organisation__{field}": value for field, value in HOSTILE.items()}
    )


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def _xlsx(response):
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows()]


def _no_formula_anywhere(cells) -> None:
    for row in cells:
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert cell.data_type == "s", (cell.coordinate, cell.value)


# --- Members ------------------------------------------------------------------------------


def member_export(fmt: str) -> str:
    return reverse("members:office-member-export", args=["exportland", fmt])


def test_member_csv_quotes_every_cell_that_would_be_a_formula(office, hostile_member):
    header, row = _csv(office.get(member_export("csv")))
    cells = dict(zip(header, row, strict=True))
    for field, value in HOSTILE.items():
        if value:
            assert cells[field] == "'" + value, field
    assert cells["phone"] == "'" + HYPERLINK
    # Harmless text and dates are left as they are.
    assert cells["status"] == "admitted"
    assert cells["admitted_on"] == "2010-02-01"
    assert cells["website"] == ""


def test_member_xlsx_has_string_cells_and_no_formula(office, hostile_member):
    header, row = _xlsx(office.get(member_export("xlsx")))
    cells = {h.value: c for h, c in zip(header, row, strict=True)}
    for field, value in HOSTILE.items():
        if value:
            assert cells[field].data_type == "s", field
            # XML reads a carriage return back as a line feed; the apostrophe is what matters.
            assert cells[field].value == "'" + value.replace("\r", "\n"), field
    assert cells["phone"].value == "'" + HYPERLINK
    _no_formula_anywhere([header, row])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_member_importer_reads_back_what_was_typed(office, hostile_member, fmt):
    """The apostrophe protects the spreadsheet, not the data: an import reads the original."""
    content = office.get(member_export(fmt)).content
    rows, errors = read_table(content, f"members.{fmt}")
    assert errors == []
    (row,) = rows
    assert row is not None
    assert row["phone"] == HYPERLINK
    assert row["legal_name_en"] == "+Plus Union"
    assert row["acronym"] == "@SUM(1+1)"
    assert row["short_name_en"] == "-2+3"


# --- Event registrations ------------------------------------------------------------------


@pytest.fixture
def event(platform):
    from platforma.activities.tests.factories import EventFactory

    event = EventFactory(platform=platform)
    for name, email, organisation in [
        (HYPERLINK, "+plus@example.org", "-minus"),
        ("@at", "-dash@example.org", "@organisation"),
        ("Ordinary Name", "ordinary@example.org", "Green Baku"),
    ]:
        activities.registration_create(
            actor=None, event=event, name=name, email=email, organisation_name=organisation
        )
    return event


def registration_export(event, fmt: str) -> str:
    return reverse("activities:office-registration-export", args=["exportland", event.pk, fmt])


def test_registration_csv_quotes_formulas(office, event):
    header, *rows = _csv(office.get(registration_export(event, "csv")))
    assert header[:3] == ["Name", "E-mail", "Organisation"]
    by_name = {r[0]: r for r in rows}
    assert by_name["'" + HYPERLINK][1:3] == ["'+plus@example.org", "'-minus"]
    assert by_name["'@at"][1:3] == ["'-dash@example.org", "'@organisation"]
    assert by_name["Ordinary Name"][1:3] == ["ordinary@example.org", "Green Baku"]


def test_registration_xlsx_has_string_cells_and_no_formula(office, event):
    header, *rows = _xlsx(office.get(registration_export(event, "xlsx")))
    assert [c.value for c in header[:3]] == ["Name", "E-mail", "Organisation"]
    by_name = {r[0].value: r for r in rows}
    hyperlink = by_name["'" + HYPERLINK]
    assert hyperlink[0].data_type == "s"
    assert [c.value for c in hyperlink[1:3]] == ["'+plus@example.org", "'-minus"]
    assert by_name["Ordinary Name"][2].value == "Green Baku"
    _no_formula_anywhere([header, *rows])


# --- The shared writer --------------------------------------------------------------------


def test_numbers_stay_numbers_and_text_stays_text():
    content = exports.xlsx_bytes(
        ["count", "when", "note"],
        [[3, datetime.date(2026, 1, 2), "=1+1"], [-4, None, "plain"]],
        title="Numbers",
    )
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [[3, "2026-01-02", "'=1+1"], [-4, None, "plain"]]
    assert sheet["A3"].data_type == "n"  # a real negative number, not text
    csv_rows = list(csv.reader(io.StringIO(exports.csv_bytes(["n"], [[-4], ["-4"]]).decode())))
    assert csv_rows[1:] == [["-4"], ["'-4"]]


def test_characters_xml_cannot_hold_are_dropped_before_the_check():
    content = exports.xlsx_bytes(["a"], [["\x01=cmd|' /C calc'!A0"], ["bell\x07"]], title="T")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0"
    assert sheet["A2"].data_type == "s"
    assert sheet["A3"].value == "bell"


def test_unescape_is_the_inverse_of_safe_text():
    for text in ["=x", "+994 12", "-", "@a", "\tt", "\rr", "plain", "'quoted", ""]:
        assert exports.unescape(exports.safe_text(text)) == text
    # The one ambiguity: a typed "'=x" reads back as "=x" (spreadsheets hide that apostrophe too).
    assert exports.unescape(exports.safe_text("'=x")) == "=x"
    assert exports.unescape("'plain") == "'plain"  # an apostrophe someone typed stays
