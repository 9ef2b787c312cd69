"""The annual report's PDF is tagged (PDF/UA-1), in the report's language, with its title."""

import pytest

from platforma.core.tests.pdfinfo import assert_accessible
from platforma.documents.tests.queues import IMMEDIATE, use_queue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "az"])
def test_report_pdf_is_tagged_with_language_and_title(
    client, settings, published_demo_report, tmp_path, language
):
    use_queue(settings, IMMEDIATE)
    response = client.get(f"/{language}/azerbaijan/reports/2014/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_accessible(response.content, tmp_path, language=language, title="2014")
