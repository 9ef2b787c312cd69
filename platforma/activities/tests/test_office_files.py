"""Event files through the office: checked by content, stored under a name that follows it,
published or withdrawn, removed; and never served inline, whatever they hold."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from platforma.activities.models import EventFile
from platforma.core.models import AuditEntry

from .office_helpers import actions, event_url

pytestmark = pytest.mark.django_db

POLYGLOT = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def upload(office, event, name, content, kind, **extra):
    return office.post(
        event_url("office-event-files", event),
        {"kind": kind, "upload": SimpleUploadedFile(name, content), "is_public": "on", **extra},
    )


def assert_never_inline(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert not response["Content-Type"].startswith(("text/html", "image/svg+xml"))


def test_a_photo_is_stored_under_a_name_that_follows_its_content(office, client, event):
    response = upload(office, event, "holiday.html", png(), "photo", caption="Group photo")
    assert response.status_code == 302
    item = EventFile.objects.get()
    assert item.file.name.endswith(".png")
    assert ".html" not in item.file.name
    assert item.caption == "Group photo"
    assert item.is_public
    entry = AuditEntry.objects.get(action="activities.event_file.added")
    assert entry.data["content_type"] == "image/png"
    assert entry.actor.username == "sec"
    served = client.get(event_url("event-file", event, item.pk))
    assert_never_inline(served)
    assert served["Content-Type"] == "image/png"


def test_a_pdf_with_a_script_named_html_is_kept_as_a_pdf_and_never_served_inline(
    office, client, event
):
    assert upload(office, event, "x.html", POLYGLOT, "document").status_code == 302
    item = EventFile.objects.get()
    assert item.file.name.endswith(".pdf")
    for who in (client, office):
        response = who.get(event_url("event-file", event, item.pk))
        assert_never_inline(response)
        assert response["Content-Type"] == "application/pdf"
        assert ".html" not in response["Content-Disposition"]


def test_an_svg_is_refused_as_a_photo_and_never_served_inline_if_one_is_on_record(
    office, client, event
):
    response = upload(office, event, "logo.svg", SVG, "photo")
    assert response.status_code == 400
    assert "not an image that can be read" in response.content.decode()
    assert not EventFile.objects.exists()
    assert actions() == []
    # One that came in before these checks (the old admin) is served as an inert attachment.
    item = EventFile(event=event, kind="photo", is_public=True)
    item.file.save("logo.svg", ContentFile(SVG), save=True)
    response = client.get(event_url("event-file", event, item.pk))
    assert_never_inline(response)
    assert response["Content-Type"] == "application/octet-stream"
    assert 'filename="logo.bin"' in response["Content-Disposition"]


def test_a_document_that_is_not_a_pdf_is_refused_with_a_message(office, event):
    response = upload(office, event, "notes.pdf", b"<html>hello</html>", "document")
    assert response.status_code == 400
    assert "not of an accepted type (PDF)" in response.content.decode()
    assert not EventFile.objects.exists()


def test_a_file_is_withdrawn_and_published_again(office, client, event):
    upload(office, event, "photo.png", png(), "photo")
    item = EventFile.objects.get()
    url = event_url("office-event-file-update", event, item.pk)
    response = office.post(url, {"is_public": "0"}, follow=True)
    assert "only the organisers see it" in response.content.decode()
    item.refresh_from_db()
    assert not item.is_public
    assert client.get(event_url("event-file", event, item.pk)).status_code == 404
    assert office.get(event_url("event-file", event, item.pk)).status_code == 200
    office.post(url, {"is_public": "1"})
    item.refresh_from_db()
    assert item.is_public
    assert actions().count("activities.event_file.updated") == 2


def test_removing_asks_for_confirmation_then_deletes_the_row_and_the_file(
    office, event, django_capture_on_commit_callbacks
):
    upload(office, event, "photo.png", png(), "photo")
    item = EventFile.objects.get()
    storage, name = item.file.storage, item.file.name
    url = event_url("office-event-file-remove", event, item.pk)
    response = office.post(url, follow=True)
    assert "to remove the file" in response.content.decode()
    assert EventFile.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(url, {"confirm": "on"}, follow=True)
    assert "The file is removed." in response.content.decode()
    assert not EventFile.objects.exists()
    assert not storage.exists(name)
    entry = AuditEntry.objects.get(action="activities.event_file.removed")
    assert entry.data["before"]["file"] == name


def test_files_page_lists_files_and_offers_the_form(office, event):
    page = office.get(event_url("office-event-files", event)).content.decode()
    assert "No photos or documents yet." in page
    assert 'enctype="multipart/form-data"' in page
