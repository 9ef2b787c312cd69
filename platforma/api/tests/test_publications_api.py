"""The publications' operations: the library and a publication's page (what the website shows,
with the versions' download links), and the secretariat's list of stakeholders."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from platforma.publications import services
from platforma.publications.models import Publication, Stakeholder
from platforma.publications.tests.pdf import tiny_pdf
from platforma.testing.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan/publications"
LIST_KEYS = {
    "id",
    "kind",
    "kind_label",
    "title",
    "published_on",
    "published_precision",
    "date_display",
    "working_group",
    "author_organisations",
    "author_persons",
    "signature_count",
    "versions",
    "is_public",
    "is_demo",
    "url",
    "updated_at",
}
DETAIL_KEYS = LIST_KEYS | {"abstract", "isbn", "doi", "signatures", "distribution"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def _version(publication, language="en"):
    upload = SimpleUploadedFile("paper.pdf", tiny_pdf(), content_type="application/pdf")
    return services.publication_version_add(
        actor=None, publication=publication, language=language, upload=upload
    )


def test_the_library_and_a_publications_page(world, call, client):
    users, data = world
    platform = data["platform"]
    public = Publication.objects.filter(platform=platform, is_public=True)
    statement = public.get(kind="statement")
    brochure = public.get(kind="brochure")
    version = _version(brochure, "az")
    hidden = public.get(kind="research_paper")
    Publication.objects.filter(pk=hidden.pk).update(is_public=False)

    everything = call("get", f"{BASE}?page_size=100")
    body = everything.json()
    assert body["count"] == public.count()
    assert _ids(everything) == list(
        public.order_by("-published_on", "-id").values_list("pk", flat=True)
    )
    row = next(r for r in body["results"] if r["id"] == brochure.pk)
    assert set(row) == LIST_KEYS
    assert (row["title"], row["kind"], row["published_on"]) == (
        brochure.title,
        "brochure",
        brochure.published_on.isoformat(),
    )
    assert row["url"].endswith(f"/azerbaijan/publications/{brochure.pk}/")
    [shown] = row["versions"]
    assert shown["id"] == version.pk
    assert shown["language"] == "az"
    assert shown["size"] == version.size > 0
    # The download link is the page's, and it serves the PDF.
    link = shown["download_url"]
    assert link.startswith(settings.PLATFORMA_BASE_URL)
    download = client.get(link[len(settings.PLATFORMA_BASE_URL) :])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert (shown["cover_url"] is None) == (not version.cover)
    signed = next(r for r in body["results"] if r["id"] == statement.pk)
    assert signed["signature_count"] == statement.signatures.count() > 0
    assert signed["working_group"]["id"] == statement.working_group_id

    # The page: signatures of a statement, none for a brochure; the distribution's totals.
    page = call("get", f"{BASE}/{statement.pk}").json()
    assert set(page) == DETAIL_KEYS
    assert page["abstract"] == statement.abstract
    assert sorted(s["organisation"] for s in page["signatures"]) == sorted(
        str(s.organisation) for s in statement.signatures.all()
    )
    assert call("get", f"{BASE}/{brochure.pk}").json()["signatures"] is None
    distributed = public.filter(distributions__isnull=False).distinct().first()
    totals = call("get", f"{BASE}/{distributed.pk}").json()["distribution"]
    assert totals["recipients"] > 0
    assert totals["categories"]

    # An unpublished one: the public finds nothing; the secretariat sees it, marked.
    assert hidden.pk not in _ids(everything)
    assert call("get", f"{BASE}/{hidden.pk}").status_code == 404
    assert call("get", f"{BASE}/{hidden.pk}", role="other_secretariat").status_code == 404
    mine = call("get", f"{BASE}/{hidden.pk}", role="secretariat")
    assert mine.status_code == 200
    assert mine.json()["is_public"] is False
    assert hidden.pk in _ids(call("get", f"{BASE}?page_size=100", role="secretariat"))
    assert call("get", f"/api/v1/platforms/armenia/publications/{brochure.pk}").status_code == 404
    assert call("get", f"{BASE}/{2**31 - 1}").status_code == 404
    assert call("get", f"{BASE}/{2**40}").status_code == 400


def test_the_library_filters_and_its_queries(world, call):
    _users, data = world
    platform = data["platform"]
    public = Publication.objects.filter(platform=platform, is_public=True)

    def ids(query):
        return sorted(_ids(call("get", f"{BASE}?page_size=100&{query}")))

    def expected(**lookups):
        return sorted(public.filter(**lookups).values_list("pk", flat=True))

    assert ids("kind=statement") == expected(kind="statement")
    assert ids("year=2015") == expected(published_on__year=2015)
    group = public.exclude(working_group=None).first().working_group
    assert ids(f"working_group={group.pk}") == expected(working_group=group)
    other_group = WorkingGroupFactory(platform=data["other_platform"], slug="elsewhere")
    assert ids(f"working_group={other_group.pk}") == []
    brochure = public.get(kind="brochure")
    _version(brochure, "ru")
    assert ids("language=ru") == [brochure.pk]
    # Words of the title or abstract, as the site's search (any case, every word).
    visa = public.get(title__icontains="visa")
    assert ids("q=VISA") == [visa.pk]
    assert ids("q=visa%20readmission") == [visa.pk]
    assert ids("q=nowhere-to-be-found") == []
    Publication.objects.filter(pk=visa.pk).update(
        updated_at=timezone.now() + datetime.timedelta(hours=1)
    )
    later = (timezone.now() + datetime.timedelta(minutes=30)).replace(tzinfo=None).isoformat()
    assert ids(f"updated_since={later}") == [visa.pk]
    for query, field in (
        ("kind=novel", "kind"),
        ("language=fr", "language"),
        ("year=1800", "year"),
        ("working_group=-1", "working_group"),
        ("q=a%00b", "q"),
        ("q=" + "x" * 201, "q"),
    ):
        response = call("get", f"{BASE}?{query}")
        assert response.status_code == 400, query
        assert field in response.json()["fields"], query

    counts = []
    for size in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            assert call("get", f"{BASE}?page_size={size}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10, counts
    with CaptureQueriesContext(connection) as queries:
        assert call("get", f"{BASE}/{brochure.pk}").status_code == 200
    assert len(queries) <= 12


def test_the_secretariats_stakeholders(world, call):
    users, data = world
    platform = data["platform"]
    path = "/api/v1/platforms/azerbaijan/stakeholders"
    services.stakeholder_create(
        actor=users["secretariat"],
        platform=platform,
        kind="person",
        name="Zara Reporter",
        category="media",
        country="Georgia",
        contact_name="Zara",
        email="zara@example.org",
        phone="+995 555 000",
        consent_to_contact=True,
        consent_source="in_person",
    )
    mine = Stakeholder.objects.filter(platform=platform)
    Stakeholder.objects.create(
        platform=data["other_platform"], name="Theirs", category="media", email="t@example.org"
    )

    response = call("get", path + "?page_size=100", role="secretariat")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == list(mine.order_by("name", "id").values_list("pk", flat=True))
    zara = next(r for r in rows if r["name"] == "Zara Reporter")
    assert zara["email"] == "zara@example.org"
    assert zara["contact_name"] == "Zara"
    assert zara["consent_to_contact"] is True
    assert zara["consent_recorded_at"]
    assert (zara["consent_source"], zara["consent_source_label"]) == (
        "in_person",
        "in person at an event",
    )
    assert zara["kind"] == "person"
    assert zara["category_label"] == "media"
    assert "phone" not in zara
    assert "+995" not in response.content.decode()
    assert "Theirs" not in response.content.decode()

    def names(query):
        found = call("get", f"{path}?page_size=100&{query}", role="secretariat")
        assert found.status_code == 200, (query, found.content)
        return [r["name"] for r in found.json()["results"]]

    assert names("q=ZARA") == ["Zara Reporter"]
    assert names("category=media") == ["Zara Reporter"]
    assert names("consent=yes") == ["Zara Reporter"]
    assert "Zara Reporter" not in names("consent=no")
    assert names("has_email=yes") == ["Zara Reporter"]
    assert names("kind=person&country=georgia") == ["Zara Reporter"]
    assert names("updated_since=2999-01-01T00:00:00Z") == []
    for query in ("category=friends", "consent=maybe", "kind=robot", "q=a%00b", "has_email=1"):
        assert call("get", f"{path}?{query}", role="secretariat").status_code == 400, query

    # Only the platform's secretariat (and the Forum's).
    assert call("get", path).status_code == 401
    assert call("get", path, role="representative").status_code == 404
    assert call("get", path, role="other_secretariat").status_code == 404
    assert call("get", path, role="forum").status_code == 200
    assert call("get", path, role="secretariat", scope="read").status_code == 200

    call("get", path, role="secretariat")  # the token's use is recorded once a minute
    counts = []
    for extra in (0, 6):
        for i in range(extra):
            Stakeholder.objects.create(platform=platform, name=f"S{i}", category="library")
        with CaptureQueriesContext(connection) as queries:
            assert call("get", path, role="secretariat").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10, counts
