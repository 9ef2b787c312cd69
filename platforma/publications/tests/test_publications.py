"""Publications: versions with PDFs and covers, signatures, the library, downloads, the feed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from platforma.publications import covers, services
from platforma.publications.models import Publication, PublicationVersion, Signature
from platforma.testing.budget import assert_page_budget
from platforma.testing.factories import MembershipFactory, WorkingGroupFactory

from .pdf import tiny_pdf

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def publish(platform, title="Paper", kind="research_paper", **fields):
    fields.setdefault("published_on", datetime.date(2014, 6, 1))
    return services.publication_create(
        actor=None, actor_label="test", platform=platform, kind=kind, title_en=title, **fields
    )


def pdf_upload(name="paper.pdf", content=None):
    return SimpleUploadedFile(name, content or tiny_pdf(), content_type="application/pdf")


def test_version_gets_a_cover_and_is_served_only_when_public(client, platform, secretariat):
    paper = publish(platform)
    version = services.publication_version_add(
        actor=None, publication=paper, language="en", upload=pdf_upload()
    )
    assert version.size > 0
    assert version.cover.read(8) == b"\x89PNG\r\n\x1a\n"
    download = client.get(
        reverse("publications:version-download", args=[platform.slug, version.pk])
    )
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    cover = client.get(reverse("publications:version-cover", args=[platform.slug, version.pk]))
    assert cover["Content-Type"] == "image/png"

    services.publication_update(actor=None, publication=paper, is_public=False)
    url = reverse("publications:version-download", args=[platform.slug, version.pk])
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("publications:publication-detail", args=[platform.slug, paper.pk])
        ).status_code
        == 404
    )
    client.force_login(secretariat)
    assert client.get(url).status_code == 200
    # Another platform's address does not reach it.
    from platforma.testing.factories import PlatformFactory

    other = PlatformFactory(slug="other")
    assert (
        client.get(
            reverse("publications:version-download", args=[other.slug, version.pk])
        ).status_code
        == 404
    )


def test_uploads_are_checked_by_content_and_size(platform, monkeypatch):
    paper = publish(platform)
    with pytest.raises(ValidationError, match="not of an accepted type"):
        services.publication_version_add(
            actor=None,
            publication=paper,
            language="en",
            upload=SimpleUploadedFile("fake.pdf", b"<html>not a pdf</html>"),
        )
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="files may be at most"):
        services.publication_version_add(actor=None, publication=paper, language="en", upload=big)
    assert not PublicationVersion.objects.exists()


def test_cover_failure_is_graceful(platform, monkeypatch):
    paper = publish(platform)
    # A PDF header with garbage after it: pdftoppm fails, the file is kept without a cover.
    version = services.publication_version_add(
        actor=None,
        publication=paper,
        language="az",
        upload=pdf_upload(content=b"%PDF-1.4\nbroken"),
    )
    assert not version.cover
    monkeypatch.setattr(covers.shutil, "which", lambda name: None)
    assert covers.cover_png(version.file.path) is None


def test_statements_are_signed_by_members_in_good_standing(platform):
    statement = publish(platform, "On elections", kind="statement")
    member = MembershipFactory(platform=platform, admitted_on=datetime.date(2010, 1, 1))
    late = MembershipFactory(platform=platform, admitted_on=datetime.date(2015, 1, 1))
    services.publication_sign(
        actor=None,
        publication=statement,
        organisation=member.organisation,
        signed_on=datetime.date(2014, 6, 2),
    )
    with pytest.raises(ValidationError, match="already signed"):
        services.publication_sign(
            actor=None,
            publication=statement,
            organisation=member.organisation,
            signed_on=datetime.date(2014, 6, 3),
        )
    with pytest.raises(ValidationError, match="not a member in good standing"):
        services.publication_sign(
            actor=None,
            publication=statement,
            organisation=late.organisation,
            signed_on=datetime.date(2014, 6, 3),
        )
    with pytest.raises(ValidationError, match="Only statements"):
        services.publication_sign(
            actor=None,
            publication=publish(platform),
            organisation=member.organisation,
            signed_on=datetime.date(2014, 6, 3),
        )
    assert Signature.objects.count() == 1


def test_isbn_doi_and_wg_are_validated(platform):
    from platforma.testing.factories import PlatformFactory

    foreign = WorkingGroupFactory(platform=PlatformFactory(slug="x"))
    for bad in ({"isbn": "12"}, {"doi": "doi:abc"}, {"working_group": foreign}):
        with pytest.raises(ValidationError):
            publish(platform, **bad)
    assert publish(platform, isbn="978-3-16-148410-0", doi="10.1234/abc").pk


def test_library_filters_and_query_budget(client, platform):
    group = WorkingGroupFactory(platform=platform, slug="wg2")
    trade = publish(platform, "WTO accession", working_group=group)
    services.publication_version_add(
        actor=None, publication=trade, language="ru", upload=pdf_upload()
    )
    publish(platform, "EaP leaflet", kind="brochure", published_on=datetime.date(2013, 3, 1))
    publish(platform, "Draft", is_public=False)
    url = reverse("publications:publication-list", args=[platform.slug])
    html = client.get(url).content.decode()
    assert "WTO accession" in html
    assert "EaP leaflet" in html
    assert "Draft" not in html
    assert "EaP leaflet" not in client.get(url, {"wg": "wg2"}).content.decode()
    html = client.get(url, {"year": "2013"}).content.decode()
    assert "EaP leaflet" in html
    assert "WTO accession" not in html
    html = client.get(url, {"language": "ru"}).content.decode()
    assert "WTO accession" in html
    assert "EaP leaflet" not in html
    assert "EaP leaflet" in client.get(url, {"kind": "brochure"}).content.decode()
    extra = []

    def add_papers(n):
        for _ in range(n):
            paper = publish(platform, f"Extra {len(extra)}", working_group=group)
            PublicationVersion.objects.create(publication=paper, language="az")
            extra.append(paper)

    page = assert_page_budget(client, url, add_papers, ceiling=12)
    assert "Extra 8" in page.content.decode()


def test_atom_feed_lists_publications_and_statements(client, platform):
    publish(platform, "WTO accession")
    publish(platform, "On elections", kind="statement", published_on=datetime.date(2014, 7, 1))
    publish(platform, "Draft", is_public=False)
    response = client.get(reverse("publications:feed-atom", args=[platform.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == ["Statement: On elections", "Research paper: WTO accession"]
    assert Publication.objects.count() == 3
