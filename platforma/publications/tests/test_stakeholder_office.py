"""The stakeholders' office through HTTP: filters and paging, export and its round trip through
the import, consent with its date and source, deletion, and the merging of duplicates."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from platforma.core.models import AuditEntry
from platforma.publications import services
from platforma.publications.models import Distribution, DistributionRecipient, Stakeholder
from platforma.testing.budget import assert_page_budget

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"publications:{name}", args=args)


def text(response) -> str:
    return response.content.decode()


def stakeholder(platform, name, category="university", **fields):
    return services.stakeholder_create(
        actor=None, platform=platform, name=name, category=category, **fields
    )


def paper(platform, title="Brochure"):
    return services.publication_create(
        actor=None,
        platform=platform,
        kind="brochure",
        title_en=title,
        published_on=datetime.date(2014, 3, 1),
    )


def upload(content: bytes, name="stakeholders.csv"):
    return SimpleUploadedFile(name, content)


def snapshot(platform):
    return [
        (s.name, s.category, s.kind, s.country, s.contact_name, s.email, s.phone, s.address)
        + (s.consent_to_contact, s.consent_recorded_at, s.consent_source, s.consent_note)
        + (s.language, s.notes)
        for s in Stakeholder.objects.filter(platform=platform).order_by("pk")
    ]


# --- The list -------------------------------------------------------------------------------------


def test_filters_by_country_email_and_kind(office, platform):
    stakeholder(platform, "Tbilisi Institute", country="Georgia", email="ti@example.org")
    stakeholder(platform, "Baku Library", "library", country="Azerbaijan")
    stakeholder(platform, "Ms Guliyeva", kind="person", country="Azerbaijan", email="g@example.org")
    address = url("office-stakeholder-list", platform.slug)
    page = text(office.get(address, {"country": "Georgia"}))
    assert "Tbilisi Institute" in page
    assert "Baku Library" not in page
    no_email = text(office.get(address, {"has_email": "no"}))
    assert "Baku Library" in no_email
    assert "Tbilisi Institute" not in no_email
    persons = text(office.get(address, {"kind": "person", "has_email": "yes"}))
    assert "Ms Guliyeva" in persons
    assert "Tbilisi Institute" not in persons
    assert "1 stakeholder" in persons
    by_contact = text(office.get(address, {"q": "G@EXAMPLE"}))
    assert "Ms Guliyeva" in by_contact


def test_the_list_is_paged_by_fifty_and_sorted_by_name(office, platform):
    for i in range(55):
        stakeholder(platform, f"Org {i:02d}", consent_to_contact=i < 5, consent_source="import")
    address = url("office-stakeholder-list", platform.slug)
    first = text(office.get(address))
    assert "55 stakeholders" in first
    assert "5 consent to be contacted" in first
    assert "Org 49" in first
    assert "Org 50" not in first
    assert "Page 1 of 2" in first
    second = text(office.get(address, {"page": 2}))
    assert "Org 54" in second
    assert "Org 49" not in second


def test_filtered_list_query_budget_is_constant(office, platform):
    made = []

    def add(n):
        for _ in range(n):
            made.append(
                stakeholder(
                    platform,
                    f"Org {len(made)}",
                    country="Georgia",
                    email=f"o{len(made)}@example.org",
                    consent_to_contact=True,
                    consent_source="email_reply",
                )
            )

    page = assert_page_budget(
        office,
        url("office-stakeholder-list", platform.slug)
        + "?country=Georgia&has_email=yes&consent=yes",
        add,
        ceiling=12,
    )
    assert "source: e-mail reply" in text(page)


# --- Export and its round trip ------------------------------------------------------------------


def _registry(platform, other_platform):
    stakeholder(
        platform,
        "=HYPERLINK Institute",
        "think_tank",
        country="Azerbaijan",
        contact_name="Dr. Aliyev",
        email="Info@Example.org",
        phone="+994 12 000 00 00",
        consent_to_contact=True,
        consent_source="email_reply",
        consent_note="answered our letter",
        language="az",
        notes="line one\nline two",
    )
    stakeholder(platform, "Baku Library", "library", kind="person")
    stakeholder(other_platform, "Their Think Tank", "think_tank")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reimports_without_a_change(office, platform, other, secretariat, fmt):
    _registry(platform, other[0])
    before = snapshot(platform)
    response = office.get(url("office-stakeholder-export", platform.slug, fmt))
    assert response.status_code == 200
    assert f'.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        body = response.content.decode("utf-8-sig")
        assert "'=HYPERLINK Institute" in body  # never a formula in a spreadsheet
        assert "Their Think Tank" not in body
        assert body.splitlines()[0].startswith("name,category,kind,")
    else:
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert names == ["'=HYPERLINK Institute", "Baku Library"]
    entry = AuditEntry.objects.get(action="publications.stakeholders.exported")
    assert entry.actor == secretariat
    assert entry.data["count"] == 2
    assert entry.data["format"] == fmt

    done = office.post(
        url("office-stakeholder-import", platform.slug),
        {"file": upload(response.content, f"back.{fmt}")},
    )
    assert "New: 0; updated: 0; unchanged: 2." in text(done), text(done)
    assert snapshot(platform) == before
    assert not AuditEntry.objects.filter(action="publications.stakeholder.imported").exists()


def test_export_takes_the_filters_and_records_them(office, platform, other):
    _registry(platform, other[0])
    response = office.get(
        url("office-stakeholder-export", platform.slug, "csv"), {"category": "library"}
    )
    body = response.content.decode("utf-8-sig")
    assert "Baku Library" in body
    assert "HYPERLINK" not in body
    entry = AuditEntry.objects.get(action="publications.stakeholders.exported")
    assert entry.data == {"count": 1, "format": "csv", "filters": {"category": "library"}}
    assert office.get(url("office-stakeholder-export", platform.slug, "pdf")).status_code == 404


def test_an_edited_export_updates_only_what_changed(office, platform, other):
    _registry(platform, other[0])
    exported = office.get(url("office-stakeholder-export", platform.slug, "csv"))
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    header, rows = table[0], table[1:]
    # Baku Library now consents: the date was left empty, the source column too.
    library_row = next(r for r in rows if r[0] == "Baku Library")
    library_row[header.index("consent")] = "yes"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    done = office.post(
        url("office-stakeholder-import", platform.slug),
        {"file": upload(buffer.getvalue().encode())},
    )
    assert "New: 0; updated: 1; unchanged: 1." in text(done)
    library = Stakeholder.objects.get(name="Baku Library")
    assert library.consent_to_contact is True
    assert library.consent_source == "import"
    assert timezone.now() - library.consent_recorded_at < datetime.timedelta(minutes=1)
    entry = AuditEntry.objects.get(action="publications.stakeholder.imported")
    [[pk, name, changes]] = entry.data["updated"]
    assert (pk, name) == (library.pk, "Baku Library")
    assert changes["consent_to_contact"] == {"before": False, "after": True}


# --- Consent from the import ----------------------------------------------------------------------


def test_import_records_consent_with_its_date_and_source(office, platform):
    body = (
        "name,category,email,consent,consent_recorded_at,consent_source,consent_note,language\n"
        "Open Library,library,lib@example.org,yes,2026-03-03,e-mail reply,wrote back,ru\n"
        "Think Lab,think tank,,yes,,,,\n"
        "Quiet Office,government agency,,no,,,,\n"
    )
    done = office.post(
        url("office-stakeholder-import", platform.slug), {"file": upload(body.encode())}
    )
    assert "Imported 3 stakeholders." in text(done)
    library = Stakeholder.objects.get(name="Open Library")
    assert library.consent_source == "email_reply"
    assert library.consent_note == "wrote back"
    assert library.language == "ru"
    assert library.consent_recorded_at.date() == datetime.date(2026, 3, 3)
    lab = Stakeholder.objects.get(name="Think Lab")
    assert (lab.consent_source, lab.language) == ("import", "en")
    assert lab.consent_recorded_at is not None
    quiet = Stakeholder.objects.get(name="Quiet Office")
    assert (quiet.consent_to_contact, quiet.consent_recorded_at, quiet.consent_source) == (
        False,
        None,
        "",
    )
    listing = text(office.get(url("office-stakeholder-list", platform.slug)))
    assert "source: e-mail reply" in listing
    assert "source: import" in listing


def test_bad_consent_columns_change_nothing(office, platform):
    registered = stakeholder(platform, "Open Library", "library", email="lib@example.org")
    body = (
        "name,category,email,consent,consent_recorded_at,consent_source,language\n"
        "Open Library,library,lib@example.org,yes,2099-01-01,,en\n"
        "New One,library,,yes,yesterday,carrier pigeon,klingon\n"
    )
    done = text(
        office.post(
            url("office-stakeholder-import", platform.slug), {"file": upload(body.encode())}
        )
    )
    assert "Nothing was imported" in done
    assert "Row 2: the date of the consent is in the future." in done
    assert "“yesterday” is not a date" in done
    assert "unknown consent source “carrier pigeon”" in done
    assert "unknown language “klingon”" in done
    registered.refresh_from_db()
    assert registered.consent_to_contact is False
    assert Stakeholder.objects.count() == 1
    assert not AuditEntry.objects.filter(action="publications.stakeholder.imported").exists()


def test_the_consent_service_records_withdrawal(platform):
    s = stakeholder(platform, "Open Library", consent_to_contact=True, consent_source="in_person")
    services.stakeholder_consent_set(actor=None, stakeholder=s, consent=False, source="unsubscribe")
    s.refresh_from_db()
    assert (s.consent_to_contact, s.consent_source) == (False, "unsubscribe")
    entry = AuditEntry.objects.get(action="publications.stakeholder.updated")
    assert entry.data["changes"]["consent_source"] == {
        "before": "in_person",
        "after": "unsubscribe",
    }


# --- Deletion -------------------------------------------------------------------------------------


def test_delete_one_who_received_nothing(office, platform, secretariat):
    s = stakeholder(platform, "Mistake")
    address = url("office-stakeholder-delete", platform.slug, s.pk)
    assert "Mistake" in text(office.get(address))
    assert office.post(address, {"confirm": "on"}).status_code == 302
    assert not Stakeholder.objects.filter(pk=s.pk).exists()
    entry = AuditEntry.objects.get(action="publications.stakeholder.deleted")
    assert (entry.actor, entry.data["before"]["name"]) == (secretariat, "Mistake")


def test_delete_one_who_received_a_publication_is_refused(office, platform):
    s = stakeholder(platform, "Reader")
    services.distribution_record(
        actor=None, publication=paper(platform), year=2014, channel="email", stakeholders=[s]
    )
    response = office.post(
        url("office-stakeholder-delete", platform.slug, s.pk), {"confirm": "on"}, follow=True
    )
    assert "has received publications" in text(response)
    assert "merge it" in text(response)
    assert Stakeholder.objects.filter(pk=s.pk).exists()
    assert not AuditEntry.objects.filter(action="publications.stakeholder.deleted").exists()


# --- Duplicates and merging -----------------------------------------------------------------------


def test_duplicates_are_listed(office, platform):
    a = stakeholder(platform, "Baku State University", email="info@bsu.example")
    b = stakeholder(platform, "BSU", email="INFO@bsu.example")
    c = stakeholder(platform, "baku state  university.", "university")
    stakeholder(platform, "Someone Else")
    page = text(office.get(url("office-stakeholder-duplicates", platform.slug)))
    assert url("office-stakeholder-merge", platform.slug, b.pk, a.pk) in page
    assert f"#{c.pk}" in page
    assert "Someone Else" not in page


def test_merge_moves_receipts_and_writes_one_audit_entry(office, platform, secretariat):
    keep = stakeholder(platform, "Baku State University", email="info@bsu.example", country="AZ")
    dup = stakeholder(
        platform,
        "BSU",
        email="INFO@bsu.example",
        phone="+994 12",
        consent_to_contact=True,
        consent_source="email_reply",
    )
    brochure, report = paper(platform, "Brochure"), paper(platform, "Report")
    both = services.distribution_record(
        actor=None, publication=brochure, year=2014, channel="print", stakeholders=[keep, dup]
    )
    only_dup = services.distribution_record(
        actor=None, publication=report, year=2015, channel="email", stakeholders=[dup]
    )
    address = url("office-stakeholder-merge", platform.slug, keep.pk, dup.pk)
    page = text(office.get(address))
    assert "+994 12" in page
    response = office.post(
        address, {"keep": "a", "field_phone": "b", "field_consent": "b", "field_name": "a"}
    )
    assert response.status_code == 302
    assert not Stakeholder.objects.filter(pk=dup.pk).exists()
    keep.refresh_from_db()
    assert (keep.name, keep.phone, keep.country) == ("Baku State University", "+994 12", "AZ")
    assert (keep.consent_to_contact, keep.consent_source) == (True, "email_reply")
    assert DistributionRecipient.objects.get(distribution=both).copies == 2
    assert DistributionRecipient.objects.get(distribution=only_dup).stakeholder == keep
    assert Distribution.objects.get(pk=both.pk).total == 1
    [entry] = AuditEntry.objects.filter(action="publications.stakeholder.merged")
    assert entry.actor == secretariat
    assert entry.data["kept"]["name"] == "Baku State University"
    assert entry.data["merged"]["name"] == "BSU"
    assert entry.data["taken"] == ["consent", "phone"]
    assert (entry.data["receipts_moved"], entry.data["receipts_combined"]) == (1, 1)


def test_merge_can_keep_the_second_record(office, platform):
    a = stakeholder(platform, "Lib", email="a@example.org")
    b = stakeholder(platform, "Lib ", email="b@example.org", country="AZ")
    response = office.post(
        url("office-stakeholder-merge", platform.slug, a.pk, b.pk),
        {"keep": "b", "field_email": "a", "field_country": "b"},
    )
    assert response.status_code == 302
    assert list(Stakeholder.objects.values_list("pk", "email", "country")) == [
        (b.pk, "a@example.org", "AZ")
    ]


def test_another_platforms_stakeholder_is_404_on_every_page(office, platform, other):
    mine = stakeholder(platform, "Mine", email="same@example.org")
    theirs = stakeholder(other[0], "Mine", email="same@example.org")
    for address in (
        url("office-stakeholder-edit", platform.slug, theirs.pk),
        url("office-stakeholder-delete", platform.slug, theirs.pk),
        url("office-stakeholder-merge", platform.slug, mine.pk, theirs.pk),
        url("office-stakeholder-merge", platform.slug, theirs.pk, mine.pk),
    ):
        assert office.get(address).status_code == 404, address
        assert office.post(address, {"confirm": "on", "keep": "a"}).status_code == 404, address
    assert Stakeholder.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2
    assert "Mine" not in text(office.get(url("office-stakeholder-duplicates", platform.slug)))
    assert not AuditEntry.objects.filter(
        action__in=["publications.stakeholder.merged", "publications.stakeholder.deleted"]
    ).exists()


def test_the_merge_service_refuses_two_platforms(platform, other):
    from django.core.exceptions import ValidationError

    a = stakeholder(platform, "A")
    b = stakeholder(other[0], "B")
    with pytest.raises(ValidationError, match="same platform"):
        services.stakeholders_merge(actor=None, keep=a, other=b)
