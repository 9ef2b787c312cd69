"""The publications office through HTTP: list, create, edit, files, signatures; downloads."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.members.services import representative_assign
from platforma.publications import services
from platforma.publications.models import Publication, PublicationVersion, Signature
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, PersonFactory

from .pdf import tiny_pdf

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"publications:{name}", args=args)


def publish(platform, title="Paper", kind="research_paper", **fields):
    fields.setdefault("published_on", datetime.date(2014, 6, 1))
    return services.publication_create(
        actor=None, actor_label="test", platform=platform, kind=kind, title_en=title, **fields
    )


def text(response) -> str:
    return response.content.decode()


def form_data(**overrides):
    data = {
        "kind": "statement",
        "title_en": "On free assembly",
        "title_az": "Sərbəst toplaşma haqqında",
        "title_ru": "О свободе собраний",
        "abstract_en": "",
        "abstract_az": "",
        "abstract_ru": "",
        "published_on": "2014-06-01",
        "published_precision": "day",
        "working_group": "",
        "isbn": "",
        "doi": "",
        "is_public": "on",
    }
    data.update(overrides)
    return data


# --- The list ---------------------------------------------------------------------------------


def test_list_shows_unpublished_ones_and_has_an_empty_state(office, platform):
    page = office.get(url("office-publication-list", platform.slug))
    assert page.status_code == 200
    assert "No publication matches" in text(page)
    publish(platform, "Hidden draft", is_public=False)
    page = office.get(url("office-publication-list", platform.slug))
    assert "Hidden draft" in text(page)


def test_list_query_budget_is_constant(office, platform):
    made = []

    def add_papers(n):
        for _ in range(n):
            paper = publish(platform, f"Paper {len(made)}", kind="statement")
            PublicationVersion.objects.create(publication=paper, language="en")
            made.append(paper)

    page = assert_page_budget(
        office, url("office-publication-list", platform.slug), add_papers, ceiling=12
    )
    assert "Paper 8" in text(page)


def test_the_office_is_closed_to_others(client, platform, other):
    client.get(url("office-publication-list", platform.slug))
    assert client.get(url("office-publication-list", platform.slug)).status_code == 302
    client.force_login(other[1])
    assert client.get(url("office-publication-list", platform.slug)).status_code == 404


# --- Create and edit ----------------------------------------------------------------------------


def test_create_with_translations_and_authors(office, platform, secretariat):
    member = MembershipFactory(platform=platform)
    person = PersonFactory()
    representative_assign(actor=None, organisation=member.organisation, person=person)
    response = office.post(
        url("office-publication-create", platform.slug),
        form_data(author_persons=[person.pk], author_organisations=[member.organisation.pk]),
    )
    publication = Publication.objects.get()
    assert response.status_code == 302
    assert response.url == url("office-publication-edit", platform.slug, publication.pk)
    assert publication.title_az == "Sərbəst toplaşma haqqında"
    assert publication.title_ru == "О свободе собраний"
    assert list(publication.author_persons.all()) == [person]
    assert list(publication.author_organisations.all()) == [member.organisation]
    entry = AuditEntry.objects.get(action="publications.publication.created")
    assert entry.actor == secretariat
    public_page = text(office.get(url("publication-detail", platform.slug, publication.pk)))
    assert response.url in public_page  # "Edit in the office", for the secretariat only
    assert entry.data["author_organisations"] == [member.organisation.pk]


def test_create_refuses_bad_input_and_writes_nothing(office, platform, other):
    stranger = MembershipFactory(platform=other[0]).organisation  # another platform's member
    response = office.post(
        url("office-publication-create", platform.slug),
        form_data(isbn="12345", author_organisations=[stranger.pk]),
    )
    assert response.status_code == 200
    body = text(response)
    assert "Nothing was saved" in body
    assert "An ISBN has 10 or 13 digits." in body
    assert "Select a valid choice" in body  # the stranger is not even offered
    assert stranger.legal_name not in body
    assert not Publication.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="publications.").exists()


def test_create_refuses_a_missing_english_title(office, platform):
    response = office.post(url("office-publication-create", platform.slug), form_data(title_en=""))
    assert "This field is required." in text(response)
    assert not Publication.objects.exists()


def test_edit_saves_changes_with_one_audit_entry(office, platform, secretariat):
    paper = publish(platform, is_public=False)
    response = office.post(
        url("office-publication-edit", platform.slug, paper.pk),
        form_data(
            kind="research_paper", title_en="Paper", title_az="Məqalə", published_precision="month"
        ),
    )
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.title_az == "Məqalə"
    assert paper.is_public is True
    assert paper.published_precision == "month"
    entry = AuditEntry.objects.get(action="publications.publication.updated")
    assert entry.actor == secretariat
    assert set(entry.data["changes"]) >= {"title_az", "is_public", "published_precision"}


def test_edit_keeps_an_author_the_form_would_not_offer(office, platform):
    """An author recorded earlier (no longer a representative) is not dropped by a save."""
    outsider = PersonFactory()
    paper = publish(platform, author_persons=[])
    paper.author_persons.add(outsider)  # as an older record left it
    page = office.get(url("office-publication-edit", platform.slug, paper.pk))
    assert outsider.full_name in text(page)
    office.post(
        url("office-publication-edit", platform.slug, paper.pk),
        form_data(kind="research_paper", title_en="Paper", author_persons=[outsider.pk]),
    )
    assert list(paper.author_persons.all()) == [outsider]


@pytest.mark.parametrize(
    "name",
    ["office-publication-edit", "office-distribution-create", "office-distribution-aggregate"],
)
def test_our_address_with_another_platforms_id_is_404(office, platform, other, name):
    theirs = publish(other[0], "Theirs")
    assert office.get(url(name, platform.slug, theirs.pk)).status_code == 404
    response = office.post(url(name, platform.slug, theirs.pk), form_data(title_en="Hacked"))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"


# --- Files ----------------------------------------------------------------------------------------


def test_upload_names_the_file_by_its_content(office, platform, secretariat):
    paper = publish(platform)
    upload = SimpleUploadedFile("paper.html", tiny_pdf(), content_type="text/html")
    response = office.post(
        url("office-version-add", platform.slug, paper.pk), {"language": "az", "file": upload}
    )
    assert response.status_code == 302
    version = PublicationVersion.objects.get(publication=paper)
    assert version.language == "az"
    assert version.file.name.endswith(".pdf")
    assert ".html" not in version.file.name
    entry = AuditEntry.objects.get(action="publications.version.added")
    assert entry.actor == secretariat


def test_upload_refuses_what_is_not_a_pdf(office, platform):
    paper = publish(platform)
    fake = SimpleUploadedFile(
        "paper.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    response = office.post(
        url("office-version-add", platform.slug, paper.pk), {"language": "en", "file": fake}
    )
    assert response.status_code == 200
    assert "is not of an accepted type (PDF), judged by its content" in text(response)
    assert not PublicationVersion.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="publications.version").exists()


def test_another_platforms_secretariat_cannot_upload_here(client, platform, other):
    paper = publish(platform)
    client.force_login(other[1])
    upload = SimpleUploadedFile("p.pdf", tiny_pdf())
    response = client.post(
        url("office-version-add", platform.slug, paper.pk), {"language": "en", "file": upload}
    )
    assert response.status_code == 404
    theirs_address = url("office-version-add", other[0].slug, paper.pk)
    upload.seek(0)
    assert client.post(theirs_address, {"language": "en", "file": upload}).status_code == 404
    assert not PublicationVersion.objects.exists()


def test_downloads_are_attachments_that_no_browser_runs(client, platform):
    paper = publish(platform)
    version = services.publication_version_add(
        actor=None, publication=paper, language="en", upload=SimpleUploadedFile("p.pdf", tiny_pdf())
    )
    response = client.get(url("version-download", platform.slug, version.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    cover = client.get(url("version-cover", platform.slug, version.pk))
    if version.cover:
        assert cover["Content-Type"] == "image/png"
        assert cover["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in cover["Content-Security-Policy"]


def test_a_stored_html_file_is_never_served_inline(client, platform):
    """Whatever reached the storage (an older upload, a restored backup), HTML is not shown."""
    from django.core.files.base import ContentFile

    paper = publish(platform)
    version = PublicationVersion(publication=paper, language="en")
    version.file.save("evil.pdf", ContentFile(b"<svg onload=alert(1)>"), save=False)
    version.cover.save("evil.png", ContentFile(b"<html><script>alert(1)</script>"), save=False)
    version.save()
    response = client.get(url("version-download", platform.slug, version.pk))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    cover = client.get(url("version-cover", platform.slug, version.pk))
    assert cover["Content-Type"] == "application/octet-stream"
    assert cover["Content-Disposition"].startswith("attachment")


def test_removing_a_file_asks_first(
    office, platform, secretariat, django_capture_on_commit_callbacks
):
    paper = publish(platform)
    version = services.publication_version_add(
        actor=None, publication=paper, language="en", upload=SimpleUploadedFile("p.pdf", tiny_pdf())
    )
    stored = version.file.name
    address = url("office-version-remove", platform.slug, version.pk)
    page = office.get(address)
    assert "This cannot be undone." in text(page)
    refused = office.post(address, {})
    assert "Tick the box to confirm." in text(refused)
    assert PublicationVersion.objects.filter(pk=version.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = office.post(address, {"confirm": "on"})
    assert done.status_code == 302
    assert not PublicationVersion.objects.filter(pk=version.pk).exists()
    assert not version.file.storage.exists(stored)
    entry = AuditEntry.objects.get(action="publications.version.removed")
    assert entry.actor == secretariat
    assert entry.data["before"]["file"] == stored


def test_removing_another_platforms_file_is_404(office, platform, other):
    theirs = PublicationVersion.objects.create(publication=publish(other[0]), language="en")
    address = url("office-version-remove", platform.slug, theirs.pk)
    assert office.get(address).status_code == 404
    assert office.post(address, {"confirm": "on"}).status_code == 404
    assert PublicationVersion.objects.filter(pk=theirs.pk).exists()


# --- Signatures -----------------------------------------------------------------------------------


def test_signatures_are_recorded_and_removed(office, platform, secretariat):
    statement = publish(platform, "On elections", kind="statement")
    member = MembershipFactory(platform=platform, admitted_on=datetime.date(2010, 1, 1))
    response = office.post(
        url("office-signature-add", platform.slug, statement.pk),
        {"organisation": member.organisation.pk, "signed_on": "2014-06-02"},
    )
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert AuditEntry.objects.get(action="publications.signature.added").actor == secretariat
    page = office.get(url("office-publication-edit", platform.slug, statement.pk))
    assert member.organisation.legal_name in text(page)

    address = url("office-signature-remove", platform.slug, signature.pk)
    assert member.organisation.legal_name in text(office.get(address))
    assert office.post(address, {"confirm": "on"}).status_code == 302
    assert not Signature.objects.exists()
    assert AuditEntry.objects.get(action="publications.signature.removed").actor == secretariat


@pytest.mark.parametrize(
    ("signed_on", "message"),
    [
        ("2014-05-01", "A signature cannot be dated before the text."),
        ((datetime.date.today() + datetime.timedelta(days=3)).isoformat(), "in the future"),
    ],
)
def test_a_bad_signature_is_refused(office, platform, signed_on, message):
    statement = publish(platform, "On elections", kind="statement")
    member = MembershipFactory(platform=platform, admitted_on=datetime.date(2010, 1, 1))
    response = office.post(
        url("office-signature-add", platform.slug, statement.pk),
        {"organisation": member.organisation.pk, "signed_on": signed_on},
    )
    assert response.status_code == 200
    assert message in text(response)
    assert not Signature.objects.exists()
    assert not AuditEntry.objects.filter(action="publications.signature.added").exists()


def test_another_platforms_member_cannot_sign_here(office, platform, other):
    statement = publish(platform, "On elections", kind="statement")
    stranger = MembershipFactory(platform=other[0], admitted_on=datetime.date(2010, 1, 1))
    response = office.post(
        url("office-signature-add", platform.slug, statement.pk),
        {"organisation": stranger.organisation.pk, "signed_on": "2014-06-02"},
    )
    assert "Select a valid choice" in text(response)
    assert not Signature.objects.exists()


def test_the_service_refuses_another_platforms_secretariat(platform, other):
    from django.core.exceptions import PermissionDenied

    paper = publish(platform)
    with pytest.raises(PermissionDenied):
        services.publication_update(actor=other[1], publication=paper, title_en="Hacked")
    with pytest.raises(PermissionDenied):
        services.publication_create(
            actor=other[1],
            platform=platform,
            kind="statement",
            title_en="Hacked",
            published_on=datetime.date(2014, 1, 1),
        )
    paper.refresh_from_db()
    assert paper.title == "Paper"
    assert Publication.objects.count() == 1
