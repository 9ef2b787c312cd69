"""Applying to join, through the public form, the e-mails and the recommendation links."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from platforma.core.models import AuditEntry
from platforma.members.models import Application, Organisation, Recommendation

from .conftest import with_documents

pytestmark = pytest.mark.django_db


def join_url(lang="en"):
    with translation.override(lang):
        return reverse("members:join", args=["azerbaijan"])


def test_the_form_asks_what_the_statute_requires(client, demo_platform):
    html = client.get(join_url()).content.decode()
    for text in (
        "Extract from the register",
        "Organisation&#x27;s statute",
        "Latest activity report",
        "It may be at most 30 days old.",
        "Choose 2. Each receives an e-mail to confirm.",
        "are not public officials or senior officials of a political party",
    ):
        assert text in html, text
    html = client.get(join_url("az")).content.decode()
    assert 'lang="az"' in html
    assert "Humanitar Tədqiqatlar İctimai Birliyi" in html  # recommenders in the visitor's language


def test_a_complete_application_is_received(
    client, demo_platform, application_data, django_capture_on_commit_callbacks
):
    mail.outbox.clear()  # the demo's own mail (to its tellers), sent as it loaded
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_url(), with_documents(application_data))
    application = Application.objects.get(organisation__legal_name_en="Clean Air Public Union")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/join/status/{application.token}/")
    assert application.membership.status == "applied"
    assert application.documents.count() == 3
    assert set(application.documents.values_list("content_type", flat=True)) == {"application/pdf"}
    assert application.recommendations.count() == 2
    assert AuditEntry.objects.filter(
        action="members.application.submitted", target_id=str(application.pk)
    ).exists()
    # A receipt to the applicant, a request to each recommending member.
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Recommendation requested: Clean Air Public Union",
        "Recommendation requested: Clean Air Public Union",
        "Your application to Azerbaijan National Platform has been received",
    ]
    receipt = next(m for m in mail.outbox if m.to == ["aysel@cleanair.example.org"])
    assert f"/en/azerbaijan/join/status/{application.token}/" in receipt.body
    status = client.get(response["Location"]).content.decode()
    assert "Applied" in status
    assert "Clean Air Public Union" in status


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("statute.pdf", b"just text, not a PDF at all"),
            "“statute.pdf” is not of an accepted type (PDF, ODT, DOCX, JPEG, PNG), "
            "judged by its content.",
        ),
        (
            SimpleUploadedFile("statute.pdf", b"%PDF-" + b"0" * (11 * 1024 * 1024)),
            "“statute.pdf” is 11.0\xa0MB; files may be at most 10.0\xa0MB.",
        ),
        (SimpleUploadedFile("statute.exe", b"MZ\x90\x00"), "is not of an accepted type"),
    ],
)
def test_a_bad_upload_is_refused_and_changes_nothing(
    client, demo_platform, application_data, upload, message
):
    mail.outbox.clear()  # the demo's own mail (to its tellers), sent as it loaded
    organisations = Organisation.objects.count()
    response = client.post(join_url(), with_documents(application_data, document_statute=upload))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Clean Air Public Union"' in html  # the rest of the form is kept
    assert not Application.objects.filter(contact_email="aysel@cleanair.example.org").exists()
    assert Organisation.objects.count() == organisations
    assert mail.outbox == []


def test_docx_and_png_are_recognised_by_content(client, demo_platform, application_data):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    docx = SimpleUploadedFile("statute.docx", buffer.getvalue())
    png = SimpleUploadedFile("report.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    client.post(
        join_url(),
        with_documents(application_data, document_statute=docx, document_activity_report=png),
    )
    kinds = dict(
        Application.objects.get(
            organisation__legal_name_en="Clean Air Public Union"
        ).documents.values_list("kind", "content_type")
    )
    assert kinds["statute"].endswith("wordprocessingml.document")
    assert kinds["activity_report"] == "image/png"


def test_missing_choices_are_explained(client, demo_platform, application_data):
    data = {
        **application_data,
        "working_groups": [],
        "recommenders": application_data["recommenders"][:1],
    }
    html = client.post(join_url(), with_documents(data)).content.decode()
    assert "Choose exactly 2 member organisations." in html
    assert "This field is required." in html
    assert not Application.objects.filter(contact_email="aysel@cleanair.example.org").exists()


def test_the_same_registration_number_cannot_apply_twice(client, demo_platform, application_data):
    client.post(join_url(), with_documents(application_data))
    html = client.post(join_url(), with_documents(application_data)).content.decode()
    assert "already applied or is a member" in html
    assert Application.objects.filter(contact_email="aysel@cleanair.example.org").count() == 1


def test_recommending_through_the_link(
    client, demo_platform, application_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(), with_documents(application_data))
    request = next(m for m in mail.outbox if m.subject.startswith("Recommendation requested"))
    url = re.search(r"https?://\S+", request.body).group(0).split("8000", 1)[1]
    page = client.get(url).content.decode()
    assert "Clean Air Public Union has applied to join the platform" in page
    response = client.post(url, {"responder_name": "Leyla Mammadova", "answer": "confirm"})
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(responder_name="Leyla Mammadova")
    assert recommendation.status == "confirmed"
    again = client.post(url, {"responder_name": "Someone Else", "answer": "decline"})
    assert "This recommendation has already been answered." in again.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.status == "confirmed"


def test_unknown_tokens_are_404(client, demo_platform):
    assert client.get("/en/azerbaijan/join/status/nope/").status_code == 404
    assert client.get("/en/azerbaijan/recommendations/nope/").status_code == 404
