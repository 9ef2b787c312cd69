"""A person asks for a copy through the site: the link by e-mail, the page, the ZIP."""

import io
import json
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.privacy.models import DataRequest

from .conftest import ADDRESS, link_path

pytestmark = pytest.mark.django_db


def ask(client, platform, email):
    return client.post(reverse("privacy:request", args=[platform.slug]), {"email": email})


def test_the_copy_holds_what_the_platform_holds_about_the_address_and_nothing_else(client, world):
    response = ask(client, world.platform, ADDRESS)
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna3@example.org"]
    path = link_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "anna3@example.org" in page.content.decode()
    assert "Ask for erasure" in page.content.decode()

    download = client.get(path + "copy.zip")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    data = json.loads(archive.read("data.json"))
    records = data["records"]
    types = {holder: {r["type"] for r in rows} for holder, rows in records.items()}
    assert "activities.registration" in types["activities"]
    assert "members.representative" in types["members"]
    assert "members.application" in types["members"]
    assert "publications.stakeholder" in types["publications"]
    assert "core.person" in types["core"]
    assert "auth.user" in types["accounts"]
    [registration] = [r for r in records["activities"] if r["type"] == "activities.registration"]
    assert registration["name"] == "Anna Three"
    assert "token" not in registration
    [application] = [r for r in records["members"] if r["type"] == "members.application"]
    assert application["contact_phone"] == "+994 50 000 00 00"
    [user] = records["accounts"][:1]
    assert "password" not in user
    files = [n for n in archive.namelist() if n.startswith("files/")]
    assert len(files) == 1
    assert files[0].endswith("statute.pdf")
    assert archive.read(files[0]) == b"%PDF-1.4 test"
    # Another address's rows are not in it.
    text = archive.read("data.json").decode()
    assert "bob@example.org" not in text
    assert "Bob" not in text
    # The copy is recorded, without the address.
    entry = AuditEntry.objects.filter(action="privacy.export.downloaded").get()
    assert entry.data["records"] >= 6
    assert entry.data["files"] == 1
    assert "anna3" not in json.dumps(entry.data) + entry.target_repr


def test_the_answer_is_the_same_whether_or_not_anything_is_held(client, world):
    known = ask(client, world.platform, ADDRESS)
    unknown = ask(client, world.platform, "nobody@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.content.decode().replace("\n", "") == unknown.content.decode().replace("\n", "")
    assert len(mail.outbox) == 1  # only the known address got a link
    assert DataRequest.objects.count() == 1


def test_an_expired_or_garbled_link_finds_nothing(client, world):
    ask(client, world.platform, ADDRESS)
    path = link_path(mail.outbox[0])
    assert client.get(path.replace("/link/", "/link/x")).status_code == 404
    assert client.get(path.replace("/link/", "/link/x") + "copy.zip").status_code == 404
    # Another platform's address for the same token: not found either.
    assert client.get(path.replace("/testland/", "/elsewhere/")).status_code == 404
    DataRequest.objects.update(expires_at=DataRequest.objects.get().created_at)
    assert client.get(path).status_code == 404
    assert client.get(path + "copy.zip").status_code == 404
    assert client.post(path + "erase/").status_code == 404


def test_asking_too_often_is_refused_for_a_while(client, world):
    for _ in range(5):
        assert ask(client, world.platform, ADDRESS).status_code == 200
    assert ask(client, world.platform, ADDRESS).status_code == 429
    assert len(mail.outbox) == 5


def test_a_person_known_only_to_another_platform_gets_no_link_from_this_one(client, world):
    from platforma.testing.factories import PlatformFactory

    elsewhere = PlatformFactory(slug="elsewhere")
    # Member 0's representative: the shared person belongs to testland only.
    address = world.members[0].person.email
    assert ask(client, elsewhere, address).status_code == 200
    assert mail.outbox == []
    assert ask(client, world.platform, address).status_code == 200
    assert mail.outbox[0].to == [address]
