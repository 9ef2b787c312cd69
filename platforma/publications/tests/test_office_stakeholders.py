"""Stakeholders and distributions in the office, through HTTP."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.publications import services
from platforma.publications.models import Distribution, Publication, Stakeholder
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


def publish(platform, title="Brochure"):
    return services.publication_create(
        actor=None,
        platform=platform,
        kind=Publication.Kind.BROCHURE,
        title_en=title,
        published_on=datetime.date(2014, 3, 1),
    )


STAKEHOLDER = {
    "kind": "organisation",
    "name": "Baku State University",
    "category": "university",
    "country": "Azerbaijan",
    "contact_name": "Dr. Aliyev",
    "email": "info@bsu.example",
    "phone": "",
    "address": "",
    "language": "en",
    "consent_source": "",
    "consent_note": "",
    "notes": "",
}


# --- The register ---------------------------------------------------------------------------------


def test_list_filters_and_empty_state(office, platform):
    page = office.get(url("office-stakeholder-list", platform.slug))
    assert "No stakeholder matches" in text(page)
    stakeholder(platform, "Open Library", "library", consent_to_contact=True)
    stakeholder(platform, "Quiet Think Tank", "think_tank")
    by_category = text(
        office.get(url("office-stakeholder-list", platform.slug), {"category": "library"})
    )
    assert "Open Library" in by_category
    assert "Quiet Think Tank" not in by_category
    consenting = text(office.get(url("office-stakeholder-list", platform.slug), {"consent": "yes"}))
    assert "Open Library" in consenting
    assert "Quiet Think Tank" not in consenting
    searched = text(office.get(url("office-stakeholder-list", platform.slug), {"q": "quiet"}))
    assert "Quiet Think Tank" in searched
    assert "Open Library" not in searched


def test_list_query_budget_is_constant(office, platform):
    paper = publish(platform)
    made = []

    def add_stakeholders(n):
        for _ in range(n):
            made.append(stakeholder(platform, f"Org {len(made)}"))
            services.distribution_record(
                actor=None, publication=paper, year=2014, channel="email", stakeholders=made[-1:]
            )

    page = assert_page_budget(
        office, url("office-stakeholder-list", platform.slug), add_stakeholders, ceiling=10
    )
    assert "Org 8" in text(page)


def test_another_platforms_stakeholders_are_not_listed(office, platform, other):
    stakeholder(other[0], "Their Think Tank", "think_tank")
    assert "Their Think Tank" not in text(office.get(url("office-stakeholder-list", platform.slug)))


def test_create_a_stakeholder(office, platform, secretariat):
    response = office.post(
        url("office-stakeholder-create", platform.slug),
        {**STAKEHOLDER, "consent_to_contact": "on", "consent_source": "in_person"},
    )
    assert response.status_code == 302
    created = Stakeholder.objects.get()
    assert created.platform == platform
    assert created.consent_to_contact is True
    assert created.consent_source == "in_person"
    assert created.consent_recorded_at is not None
    assert AuditEntry.objects.get(action="publications.stakeholder.created").actor == secretariat


def test_a_duplicate_stakeholder_is_refused(office, platform):
    stakeholder(platform, "Baku State University", email="info@bsu.example")
    response = office.post(url("office-stakeholder-create", platform.slug), STAKEHOLDER)
    assert response.status_code == 200
    assert "already exists" in text(response)
    assert Stakeholder.objects.count() == 1
    assert not AuditEntry.objects.filter(actor__isnull=False).exists()


def test_edit_records_consent_with_an_audit_entry(office, platform, secretariat):
    bsu = stakeholder(platform, "Baku State University", email="info@bsu.example")
    address = url("office-stakeholder-edit", platform.slug, bsu.pk)
    assert "Baku State University" in text(office.get(address))
    refused = office.post(address, {**STAKEHOLDER, "consent_to_contact": "on"})
    assert "Say how the stakeholder gave its consent." in text(refused)
    response = office.post(
        address,
        {
            **STAKEHOLDER,
            "consent_to_contact": "on",
            "consent_source": "email_reply",
            "consent_note": "Replied to our letter",
        },
    )
    assert response.status_code == 302
    bsu.refresh_from_db()
    assert bsu.consent_to_contact is True
    entry = AuditEntry.objects.get(action="publications.stakeholder.updated")
    assert entry.actor == secretariat
    assert entry.data["changes"]["consent_to_contact"] == {"before": False, "after": True}
    assert entry.data["changes"]["consent_source"] == {"before": "", "after": "email_reply"}
    assert entry.data["changes"]["consent_recorded_at"]["after"]
    assert bsu.consent_source == "email_reply"
    assert bsu.consent_recorded_at is not None
    page = text(office.get(address))
    assert "source: e-mail reply" in page
    assert "Replied to our letter" in page


def test_edit_refuses_bad_input(office, platform):
    bsu = stakeholder(platform, "Baku State University")
    response = office.post(
        url("office-stakeholder-edit", platform.slug, bsu.pk),
        {**STAKEHOLDER, "email": "not an address", "category": "nonsense"},
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in text(response)
    bsu.refresh_from_db()
    assert bsu.email == ""
    assert not AuditEntry.objects.filter(action="publications.stakeholder.updated").exists()


def test_another_platforms_stakeholder_is_404(office, platform, other):
    theirs = stakeholder(other[0], "Theirs")
    address = url("office-stakeholder-edit", platform.slug, theirs.pk)
    assert office.get(address).status_code == 404
    assert office.post(address, {**STAKEHOLDER, "name": "Hacked"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


# --- Import ---------------------------------------------------------------------------------------


def csv_upload(body: str, name="stakeholders.csv"):
    return SimpleUploadedFile(name, body.encode("utf-8"), content_type="text/csv")


GOOD_CSV = (
    "name,category,email,consent\nOpen Library,library,lib@example.org,yes\nThink,think tank,,no\n"
)


def test_import_checks_then_writes(office, platform, secretariat):
    address = url("office-stakeholder-import", platform.slug)
    checked = office.post(address, {"file": csv_upload(GOOD_CSV), "check_only": "on"})
    assert "The file is clean: 2 rows" in text(checked)
    assert not Stakeholder.objects.exists()
    done = office.post(address, {"file": csv_upload(GOOD_CSV)})
    assert "Imported 2 stakeholders." in text(done)
    assert Stakeholder.objects.filter(platform=platform).count() == 2
    assert Stakeholder.objects.get(name="Open Library").consent_to_contact is True
    entry = AuditEntry.objects.get(action="publications.stakeholder.imported")
    assert entry.actor == secretariat
    assert entry.data["count"] == 2


def test_import_reads_xlsx_by_its_content(office, platform):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "category"])
    book.active.append(["EU Delegation", "eu_institution"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("list.bin", buffer.getvalue())
    done = office.post(url("office-stakeholder-import", platform.slug), {"file": upload})
    assert "Imported 1 stakeholder." in text(done)
    assert Stakeholder.objects.get().category == "eu_institution"


def test_import_with_a_bad_row_writes_nothing(office, platform):
    body = "name,category\nGood one,library\n,nonsense\n"
    response = office.post(
        url("office-stakeholder-import", platform.slug), {"file": csv_upload(body)}
    )
    body = text(response)
    assert "Nothing was imported" in body
    assert "Row 3:" in body
    assert "the name is missing" in body
    assert not Stakeholder.objects.exists()
    assert not AuditEntry.objects.filter(action="publications.stakeholder.imported").exists()


def test_import_refuses_an_unknown_column(office, platform):
    response = office.post(
        url("office-stakeholder-import", platform.slug),
        {"file": csv_upload("nom,category\nX,library\n")},
    )
    assert "Unknown columns: nom" in text(response)
    assert not Stakeholder.objects.exists()


# --- Distributions --------------------------------------------------------------------------------


def test_distribution_to_chosen_stakeholders_and_categories(office, platform, secretariat):
    paper = publish(platform)
    eu = stakeholder(platform, "EU Delegation", "eu_institution")
    stakeholder(platform, "Uni One", "university")
    stakeholder(platform, "Uni Two", "university")
    response = office.post(
        url("office-distribution-create", platform.slug, paper.pk),
        {
            "year": "2014",
            "sent_on": "2014-03-10",
            "channel": "print",
            "stakeholders": [eu.pk],
            "categories": ["university"],
            "copies_each": "2",
            "note": "",
        },
    )
    assert response.status_code == 302
    distribution = Distribution.objects.get()
    assert distribution.total == 3
    assert distribution.copies == 6
    assert AuditEntry.objects.get(action="publications.distribution.recorded").actor == secretariat
    page = text(office.get(url("office-publication-edit", platform.slug, paper.pk)))
    assert "Distributed to 3 stakeholders" in page
    public = text(office.get(url("publication-detail", platform.slug, paper.pk)))
    assert "Distributed to 3 stakeholders" in public


def test_a_distribution_with_no_recipient_is_refused(office, platform):
    paper = publish(platform)
    response = office.post(
        url("office-distribution-create", platform.slug, paper.pk),
        {"year": "2014", "channel": "email", "copies_each": "1"},
    )
    assert response.status_code == 200
    assert "Choose at least one stakeholder" in text(response)
    assert not Distribution.objects.exists()


def test_another_platforms_stakeholder_cannot_be_chosen(office, platform, other):
    paper = publish(platform)
    theirs = stakeholder(other[0], "Theirs")
    response = office.post(
        url("office-distribution-create", platform.slug, paper.pk),
        {"year": "2014", "channel": "email", "copies_each": "1", "stakeholders": [theirs.pk]},
    )
    assert "Select a valid choice" in text(response)
    assert not Distribution.objects.exists()


def test_aggregate_totals_with_named_categories(office, platform, secretariat):
    paper = publish(platform)
    response = office.post(
        url("office-distribution-aggregate", platform.slug, paper.pk),
        {
            "year": "2014",
            "channel": "",
            "total": "1000",
            "total_precision": "more_than",
            "count_university": "40",
            "named_library": "on",
            "note": "",
        },
    )
    assert response.status_code == 302
    distribution = Distribution.objects.get()
    assert dict(distribution.categories.values_list("category", "count")) == {
        "university": 40,
        "library": None,
    }
    page = text(office.get(url("office-publication-edit", platform.slug, paper.pk)))
    assert "Distributed to more than 1000 stakeholders" in page
    assert "number not recorded" in page
    assert AuditEntry.objects.get(action="publications.distribution.recorded").actor == secretariat


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"total": "10", "count_university": "40"}, "add up to more than the total"),
        ({"total": "10", "channel": "event"}, "Say at which event"),
        ({"total": "10", "year": "2013", "sent_on": "2014-01-05"}, "do not agree"),
        (
            {"total": "10", "year": str(datetime.date.today().year + 1)},
            "cannot be in the future",
        ),
    ],
)
def test_bad_totals_are_refused(office, platform, data, message):
    paper = publish(platform)
    post = {"year": "2014", "channel": "", "total_precision": "exact", **data}
    response = office.post(url("office-distribution-aggregate", platform.slug, paper.pk), post)
    assert response.status_code == 200
    assert message in text(response)
    assert not Distribution.objects.exists()


def test_removing_a_distribution_asks_first(office, platform, secretariat):
    paper = publish(platform)
    distribution = services.distribution_record_aggregate(
        actor=None, publication=paper, year=2014, channel="", total=5
    )
    address = url("office-distribution-remove", platform.slug, distribution.pk)
    assert "This cannot be undone." in text(office.get(address))
    assert "Tick the box" in text(office.post(address, {}))
    assert Distribution.objects.exists()
    assert office.post(address, {"confirm": "on"}).status_code == 302
    assert not Distribution.objects.exists()
    entry = AuditEntry.objects.get(action="publications.distribution.removed")
    assert entry.actor == secretariat
    assert entry.data["before"]["total"] == 5


def test_removing_another_platforms_distribution_is_404(office, platform, other):
    theirs = services.distribution_record_aggregate(
        actor=None, publication=publish(other[0]), year=2014, channel="", total=5
    )
    address = url("office-distribution-remove", platform.slug, theirs.pk)
    assert office.get(address).status_code == 404
    assert office.post(address, {"confirm": "on"}).status_code == 404
    assert Distribution.objects.filter(pk=theirs.pk).exists()
