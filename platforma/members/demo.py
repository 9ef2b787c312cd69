"""Demo: one fictional application waiting for the secretariat, so the back office has work."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from platforma.core.models import Platform, today_in

from .models import Membership
from .services import application_submit, recommendation_respond

PDF = b"%PDF-1.4\n% Platforma demo document\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load(*, platform: Platform, who: dict) -> None:
    today = today_in(platform)
    recommenders = list(
        Membership.objects.filter(platform=platform, organisation__acronym__in=["HRPU", "CCO"])
    )
    application = application_submit(
        platform=platform,
        organisation_fields={
            "legal_name_en": "Absheron Clean Air Initiative Public Union",
            "legal_name_az": "«Abşeron Təmiz Hava Təşəbbüsü» İctimai Birliyi",
            "legal_name_ru": "Общественное объединение «Апшеронская инициатива за чистый воздух»",
            "short_name_en": "Absheron Clean Air",
            "short_name_az": "Abşeron Təmiz Hava",
            "short_name_ru": "Апшеронская инициатива за чистый воздух",
            "city_en": "Sumgait",
            "city_az": "Sumqayıt",
            "city_ru": "Сумгаит",
            "description_en": "Measures air quality around Sumgait and publishes the data.",
            "registration_number": "1400777001",
            "registration_date": datetime.date(2016, 5, 12),
            "active_since": datetime.date(2016, 9, 1),
            "email": "info@absheron-air.example.org",
            "is_demo": True,
        },
        contact_name="Nigar Rzayeva (demo)",
        contact_email="nigar@absheron-air.example.org",
        working_groups=list(platform.working_groups.filter(slug="wg3")),
        recommenders=recommenders,
        declarations=["no_public_officials"],
        documents=[
            ("registration_extract", SimpleUploadedFile("extract.pdf", PDF), today),
            ("statute", SimpleUploadedFile("statute.pdf", PDF), None),
            ("activity_report", SimpleUploadedFile("report.pdf", PDF), None),
        ],
        notify=False,
    )
    by_hrpu = application.recommendations.get(recommender__organisation__acronym="HRPU")
    recommendation_respond(recommendation=by_hrpu, confirm=True, responder_name="Avaz Hasanov")
