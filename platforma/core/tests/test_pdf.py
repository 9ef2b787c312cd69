"""PDFs read the project's static files from disk and fetch nothing else."""

import logging

from platforma.core.pdf import _static_path, html_to_pdf


def test_static_urls_map_to_files_and_others_to_nothing():
    assert _static_path("https://platforma.invalid/static/css/site.css").name == "site.css"
    assert _static_path("/static/css/../css/site.css") is not None
    assert _static_path("https://platforma.invalid/static/nope.css") is None
    assert _static_path("http://169.254.169.254/latest/meta-data") is None


def test_a_page_renders_with_its_stylesheet_and_without_remote_fetches(caplog):
    html = (
        '<link rel="stylesheet" href="/static/css/site.css">'
        '<img src="http://example.org/tracker.png"><h1>Minutes</h1>'
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = html_to_pdf(html)
    assert pdf.startswith(b"%PDF-")
    assert "Not fetched while building a PDF: http://example.org/tracker.png" in caplog.text
    assert "site.css" not in caplog.text
