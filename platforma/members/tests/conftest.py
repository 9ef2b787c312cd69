import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from platforma.core.models import PlatformRole
from platforma.core.services import platform_role_grant

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="document.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def secretariat(demo_platform, django_user_model):
    user = django_user_model.objects.create_user("sec-az", "sec@example.org", "pw-sec-123456")
    platform_role_grant(
        actor=None, user=user, platform=demo_platform, role=PlatformRole.Role.SECRETARIAT
    )
    return user


@pytest.fixture
def application_data(demo_platform):
    """A complete, valid "Join the platform" submission for the demo platform."""
    members = list(demo_platform.memberships.order_by("pk")[:2])
    wg = demo_platform.working_groups.get(slug="wg3")
    today = datetime.date.today()
    return {
        "legal_name": "Clean Air Public Union",
        "short_name": "Clean Air",
        "acronym": "CAPU",
        "registration_number": "1400999001",
        "registration_date": "2015-03-01",
        "active_since": "2016-01-01",
        "city": "Baku",
        "address": "",
        "website": "https://cleanair.example.org/",
        "email": "info@cleanair.example.org",
        "phone": "",
        "fields_of_work": "air quality",
        "description": "Monitors air quality in Absheron.",
        "contact_name": "Aysel Karimova",
        "contact_email": "aysel@cleanair.example.org",
        "contact_phone": "",
        "working_groups": [str(wg.pk)],
        "recommenders": [str(m.pk) for m in members],
        "issued_registration_extract": (today - datetime.timedelta(days=10)).isoformat(),
        "declaration_no_public_officials": "on",
    }


def with_documents(data, **overrides):
    files = {
        "document_registration_extract": pdf("extract.pdf"),
        "document_statute": pdf("statute.pdf"),
        "document_activity_report": pdf("report.pdf"),
    }
    files.update(overrides)
    return {**data, **files}
