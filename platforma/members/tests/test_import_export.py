"""Importing members from CSV/XLSX (command and back office) and exporting them."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from platforma.core.models import AuditEntry
from platforma.members.models import Membership, Organisation
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory
from platforma.workinggroups.models import Enrolment

pytestmark = pytest.mark.django_db

GOOD = (
    "legal_name_en,legal_name_ru,acronym,registration_number,registration_date,admitted_on,"
    "city_en,email,working_groups\n"
    "Lankaran Green Coast,Ленкоранское зелёное побережье,LGC,1400555001,2004-02-03,2015-05-20,"
    "Lankaran,info@lgc.example.org,wg3;WG4\n"
    "Shirvan Youth Forum,,SYF,1400555002,2006-07-08,2016-09-01,Shirvan,,wg4\n"
)


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def snapshot():
    return (Organisation.objects.count(), Membership.objects.count(), AuditEntry.objects.count())


def test_a_clean_file_is_imported_once(demo_platform, tmp_path, capsys):
    path = write(tmp_path, "members.csv", GOOD)
    call_command("import_members", str(path), "--platform", "azerbaijan")
    assert "Imported 2 row(s): 2 new organisation(s)" in capsys.readouterr().out
    lgc = Membership.objects.get(platform=demo_platform, organisation__acronym="LGC")
    assert lgc.status == "admitted"
    assert lgc.organisation.legal_name_ru == "Ленкоранское зелёное побережье"
    assert sorted(lgc.enrolments.values_list("working_group__slug", flat=True)) == ["wg3", "wg4"]
    before = snapshot()
    call_command("import_members", str(path), "--platform", "azerbaijan")
    assert "2 already member(s) left as they are" in capsys.readouterr().out
    assert snapshot()[:2] == before[:2]


def test_dry_run_writes_nothing(demo_platform, tmp_path, capsys):
    before = snapshot()
    call_command(
        "import_members",
        str(write(tmp_path, "m.csv", GOOD)),
        "--platform",
        "azerbaijan",
        "--dry-run",
    )
    assert "Would import 2 row(s)" in capsys.readouterr().out
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("legal_name_en,admitted_on\nCafé,2015-01-01\n".encode("latin-1"), "not UTF-8 text"),
        (
            "legal_name_en,city_en\nA,Baku\n",
            "row 1, column admitted_on: This required column is missing.",
        ),
        (
            "legal_name_en,admitted_on\nSame Name,2015-01-01\nsame name,2015-01-02\n",
            "row 3, column legal_name_en: The same name is on row 2.",
        ),
        (
            "legal_name_en,admitted_on\nA,31/02/2015\n",
            "row 2, column admitted_on: “31/02/2015” is not a date",
        ),
        ("legal_name_en,admitted_on\nA,2999-01-01\n", "The date of admission is in the future."),
        (
            "legal_name_en,admitted_on,working_groups\nA,2015-01-01,wg9\n",
            "“wg9” is not a working group",
        ),
        (
            "legal_name_en,admitted_on,email\nA,2015-01-01,not-an-address\n",
            "Not a valid e-mail address.",
        ),
        (b"", "The file is empty."),
    ],
)
def test_bad_files_are_refused_with_reasons_and_change_nothing(
    demo_platform, tmp_path, capsys, content, expected
):
    # A good row beside the bad one proves that nothing at all is written.
    before = snapshot()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import_members", str(write(tmp_path, "bad.csv", content)), "--platform", "azerbaijan"
        )
    assert caught.value.returncode == 2
    assert expected in capsys.readouterr().err
    assert snapshot() == before


def test_unknown_platform(demo_platform, tmp_path):
    with pytest.raises(CommandError, match="No platform with the slug"):
        call_command("import_members", str(write(tmp_path, "m.csv", GOOD)), "--platform", "narnia")


def test_xlsx_in_the_back_office(client, demo_platform, secretariat):
    book = Workbook()
    sheet = book.active
    sheet.append(["legal_name_en", "admitted_on", "working_groups"])
    sheet.append(["Guba Mountain Trails", "2017-04-04", "wg4"])
    sheet.append(["Broken Date Union", "someday", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(secretariat)
    url = reverse("members:office-member-import", args=["azerbaijan"])
    before = snapshot()
    response = client.post(url, {"file": SimpleUploadedFile("m.xlsx", buffer.getvalue())})
    assert response.status_code == 400
    html = response.content.decode()
    assert "1 problem found; nothing was imported." in html
    assert "“someday” is not a date" in html
    assert snapshot() == before
    sheet.delete_rows(3)
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(url, {"file": SimpleUploadedFile("m.xlsx", buffer.getvalue())})
    assert response.status_code == 200
    assert Membership.objects.filter(organisation__legal_name_en="Guba Mountain Trails").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_query_budget(client, demo_platform, secretariat, fmt):
    group = demo_platform.working_groups.get(slug="wg2")

    def add_members(n):
        for _ in range(n):
            Enrolment.objects.create(
                working_group=group,
                membership=MembershipFactory(platform=demo_platform),
                since=datetime.date(2014, 1, 1),
            )

    client.force_login(secretariat)
    export = reverse("members:office-member-export", args=["azerbaijan", fmt])
    assert_page_budget(client, export, add_members, ceiling=10)


def test_export_csv_and_xlsx(client, demo_platform, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("members:office-member-export", args=["azerbaijan", "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # The importer's column names: the file goes back through import_members unchanged.
    assert rows[0][:3] == ["legal_name_en", "legal_name_az", "legal_name_ru"]
    assert rows[0][-4:] == ["status", "admitted_on", "ended_on", "working_groups"]
    assert len(rows) == 1 + 45 + 1  # the members and the demo's pending applicant
    hrpu = next(r for r in rows if r[rows[0].index("acronym")] == "HRPU")
    assert hrpu[0] == "Humanitarian Research Public Union"
    assert hrpu[-1] == "wg1"
    assert hrpu[rows[0].index("status")] == "admitted"
    response = client.get(reverse("members:office-member-export", args=["azerbaijan", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 47
    assert (
        client.get(reverse("members:office-member-export", args=["azerbaijan", "pdf"])).status_code
        == 404
    )
