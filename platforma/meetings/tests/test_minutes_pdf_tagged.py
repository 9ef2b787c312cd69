"""The minutes' PDF is tagged (PDF/UA-1), in the meeting's language, with a title."""

import pytest
from django.urls import reverse

from platforma.core.tests.pdfinfo import assert_accessible
from platforma.documents.tests.queues import IMMEDIATE, use_queue

from .conftest import check_in

pytestmark = pytest.mark.django_db


def test_minutes_pdf_is_tagged_with_language_and_title(
    client, settings, meeting, members, secretary, tmp_path
):
    use_queue(settings, IMMEDIATE)
    check_in(meeting, members[:5])
    client.force_login(secretary)
    response = client.get(reverse("meetings:minutes-pdf", args=[meeting.platform.slug, meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_accessible(
        response.content, tmp_path, language=meeting.language, title="General Assembly 2014"
    )
