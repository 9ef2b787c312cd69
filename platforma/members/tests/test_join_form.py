"""The join form: documents kept across an error, the error summary, the recommenders' list.

Through HTTP as an applicant's browser sends it: a form sent back for one field keeps the
documents that passed their checks (held privately under a random token), and sending it again
without choosing them stores them with the application. A forged, expired or someone else's
token finds nothing.
"""

import datetime
import os
import re
import time
from html import unescape

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from platforma.core.uploads import private_storage
from platforma.members import held_uploads
from platforma.members.models import Application

from .conftest import PDF_BYTES, pdf, with_documents

pytestmark = pytest.mark.django_db
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def join_url(lang="en"):
    with translation.override(lang):
        return reverse("members:join", args=["azerbaijan"])


def applied():
    """The applications of this test's applicant (the demo has one of its own)."""
    return Application.objects.filter(contact_email="aysel@cleanair.example.org")


def held_token(html):
    found = re.search(r'<input type="hidden" name="held" value="([^"]+)"', html)
    return found.group(1) if found else None


def held_folders():
    root = os.path.join(private_storage().location, held_uploads.ROOT)
    return sorted(os.listdir(root)) if os.path.isdir(root) else []


def without_a_name(data):
    return {**data, "legal_name": ""}


def first_try(client, application_data):
    """A try with every document but no legal name: sent back, documents kept."""
    response = client.post(
        join_url(),
        with_documents(
            without_a_name(application_data),
            document_activity_report=pdf("Hesabat 2024.pdf", PNG_BYTES),
        ),
    )
    assert response.status_code == 200
    return response.content.decode()


def test_an_error_keeps_the_documents_and_the_next_try_uses_them(
    client, demo_platform, application_data
):
    html = first_try(client, application_data)
    assert not applied().exists()
    token = held_token(html)
    assert token
    for name in ("extract.pdf", "statute.pdf", "Hesabat 2024.pdf"):
        assert f"“{name}”" in unescape(html), name
    assert "is kept from your last try and will be sent" in unescape(html)
    assert len(held_folders()) == 1

    # Sent again with the name filled in and no file chosen: the kept ones go with it.
    response = client.post(join_url(), {**application_data, "held": token})
    assert response.status_code == 302, unescape(response.content.decode())[:3000]
    application = Application.objects.get(organisation__legal_name_en="Clean Air Public Union")
    documents = {d.kind: d for d in application.documents.all()}
    assert set(documents) == {"registration_extract", "statute", "activity_report"}
    assert documents["statute"].original_name == "statute.pdf"
    assert documents["statute"].content_type == "application/pdf"
    assert documents["activity_report"].original_name == "Hesabat 2024.pdf"
    assert documents["activity_report"].content_type == "image/png"  # judged by content
    with documents["statute"].file.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    with documents["activity_report"].file.open("rb") as handle:
        assert handle.read() == PNG_BYTES
    assert not documents["statute"].file.name.startswith(held_uploads.ROOT)
    assert held_folders() == []  # the kept copies are gone once stored


def test_a_new_file_replaces_the_kept_one(client, demo_platform, application_data):
    token = held_token(first_try(client, application_data))
    new = pdf("statute-2025.pdf", PDF_BYTES + b"% the newer one\n")
    response = client.post(join_url(), {**application_data, "held": token, "document_statute": new})
    assert response.status_code == 302
    statute = applied().get().documents.get(kind="statute")
    assert statute.original_name == "statute-2025.pdf"
    with statute.file.open("rb") as handle:
        assert handle.read().endswith(b"% the newer one\n")


def test_a_bad_replacement_is_refused_and_asked_for_again(client, demo_platform, application_data):
    token = held_token(first_try(client, application_data))
    bad = pdf("statute.pdf", b"just text, not a PDF at all")
    html = client.post(
        join_url(), {**application_data, "held": token, "document_statute": bad}
    ).content.decode()
    assert not applied().exists()
    assert "is not of an accepted type" in unescape(html)
    assert 'id="id_document_statute_held"' not in html  # the kept statute is given up
    assert 'id="id_document_registration_extract_held"' in html
    # The other two are still kept; the statute must be chosen again.
    html = client.post(join_url(), {**application_data, "held": held_token(html)}).content.decode()
    assert not applied().exists()
    assert 'href="#id_document_statute"' in html


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature altered
        lambda token: signing.TimestampSigner(salt=held_uploads.SALT).sign("x" * 32),  # unknown
        lambda token: "../../private/applications",  # a path, never a token
    ],
    ids=["altered", "made-up", "path"],
)
def test_a_forged_token_finds_nothing(client, demo_platform, application_data, forge):
    token = held_token(first_try(client, application_data))
    html = client.post(join_url(), {**application_data, "held": forge(token)}).content.decode()
    assert not applied().exists()
    assert 'href="#id_document_statute"' in html  # asked for again
    assert "is kept from your last try" not in html


def test_another_browser_cannot_use_someone_elses_token(demo_platform, application_data):
    applicant, stranger = Client(), Client()
    token = held_token(first_try(applicant, application_data))
    html = stranger.post(join_url(), {**application_data, "held": token}).content.decode()
    assert not applied().exists()
    assert "extract.pdf" not in html
    assert 'href="#id_document_registration_extract"' in html
    # The applicant still can.
    assert applicant.post(join_url(), {**application_data, "held": token}).status_code == 302


def test_an_expired_token_finds_nothing_and_the_purge_deletes_it(
    client, demo_platform, application_data, monkeypatch
):
    token = held_token(first_try(client, application_data))
    time.sleep(1.1)
    monkeypatch.setattr(held_uploads, "MAX_AGE", datetime.timedelta(seconds=1))
    html = client.post(join_url(), {**application_data, "held": token}).content.decode()
    assert not applied().exists()
    assert "is kept from your last try" not in html
    assert len(held_folders()) == 1
    call_command("members_purge_held_uploads", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert held_folders() == []


def test_the_purge_keeps_recent_files(client, demo_platform, application_data):
    first_try(client, application_data)
    call_command("members_purge_held_uploads", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert len(held_folders()) == 1


def test_the_error_summary_links_each_error_to_its_field(client, demo_platform, application_data):
    data = {**application_data, "legal_name": "", "email": "not an address", "working_groups": []}
    html = client.post(join_url(), with_documents(data)).content.decode()
    summary = re.search(
        r'<div class="error error-summary" id="error-summary"[^>]*>(.*?)</div>', html, re.S
    )
    assert summary, html[:2000]
    assert 'role="alert"' in summary.group(0)
    assert html.index('id="error-summary"') < html.index("<h1")  # first in the content
    targets = re.findall(r'<a href="#([^"]+)">', summary.group(1))
    assert targets[:3] == ["id_legal_name", "id_email", "id_working_groups_0"]
    for target in targets:
        assert f'id="{target}"' in html, target
    for name in ("legal_name", "email"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in field
        assert f"id_{name}_error" in re.search(r'aria-describedby="([^"]+)"', field).group(1)
        assert f'id="id_{name}_error"' in html
    group = re.search(r'<fieldset class="choice-group" id="id_working_groups_group"[^>]*>', html)
    assert "id_working_groups_error" in group.group(0)
    assert 'id="id_working_groups_error"' in html
    assert 'for=""' not in html


def test_recommenders_are_checkboxes_sorted_by_the_distinctive_name(client, demo_platform):
    html = unescape(client.get(join_url("ru")).content.decode())
    assert 'for=""' not in html
    box = re.search(r'<div class="choice-box">(.*?)</div>\s*</div>', html, re.S).group(1)
    assert 'type="checkbox" name="recommenders"' in box
    labels = [
        " ".join(t.split())
        for t in re.findall(r"<label[^>]*>\s*<input[^>]*>\s*([^<]*)</label>", box)
    ]
    assert "Гуманитарные исследования (Общественное объединение)" in labels
    shown = [re.sub("[«»„“”]", "", label.split(" (")[0]) for label in labels]
    assert shown == sorted(shown, key=str.casefold)
    # Every name of the organisation is searchable, in any language.
    assert 'data-search="' in box
    assert "humanitarian research" in box
    assert re.search(r'<input type="search" id="id_recommenders_filter"', html)
    assert 'src="/static/members/join.js" defer' in html


def test_chosen_recommenders_are_sent(client, demo_platform, application_data):
    response = client.post(join_url(), with_documents(application_data))
    assert response.status_code == 302
    chosen = {str(pk) for pk in application_data["recommenders"]}
    application = applied().get()
    assert {str(r.recommender_id) for r in application.recommendations.all()} == chosen
