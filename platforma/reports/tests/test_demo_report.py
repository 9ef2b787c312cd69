"""The 2014 report of the demo platform states every fact of the seed's 2014 section."""

from __future__ import annotations

import pytest

from platforma.reports.builder import build_report

from .conftest import pdf_text

# The seed's 2014 facts, as each language writes them (names and places are translated
# records; dates and numbers follow the language's formats).
FACTS = {
    "en": [
        "Activities of the Azerbaijan National Platform in 2014",
        "workshop on communication and outreach for CSOs",
        "Baku on 26 April 2014",
        "representatives of 27 CSOs took part",
        "develop skills for communicating with target groups",
        "training on advocacy and campaigning in civil society",
        "24 May 2014",
        "more than 20 CSOs",
        "policy-making dynamics",
        "Assessing Azerbaijan’s WTO accession process",
        "Brochures on the Eastern Partnership and EU-Azerbaijan cooperation",
        "more than 1000 stakeholders",
        "EU institutions, universities, libraries, think tanks, government agencies and "
        "international institutions",
        "Avaz Hasanov, Humanitarian Research Public Union",
        "45 member organisations",
        "established in November 2009",
        "General Assembly",
        "Board of Governance",
        "GA-2014-01",
    ],
    "az": [
        "26 aprel 2014",
        "24 may 2014",
        "Bakı",
        "27",
        "20",
        "1000",
        "Əvəz Həsənov",
        "ÜTT",
        "Humanitar Tədqiqatlar İctimai Birliyi",
        "45",
    ],
    "ru": [
        "26 апреля 2014",
        "24 мая 2014",
        "Баку",
        "27",
        "20",
        "1000",
        "Аваз Гасанов",
        "ВТО",
        "Гуманитарные исследования",
        "45",
    ],
}


def test_document_states_every_fact_of_2014(demo_platform):
    text = " ".join(build_report(demo_platform, 2014, language="en").text().split())
    for fact in FACTS["en"]:
        assert fact in text, fact


def test_activities_are_in_date_order_and_count_precision_is_kept(demo_platform):
    doc = build_report(demo_platform, 2014, language="en")
    first, second = doc.section("activities").paragraphs
    assert first.startswith(
        "The workshop on communication and outreach for CSOs took place in "
        "Baku on 26 April 2014; representatives of 27 CSOs took part. "
        "It aimed to develop skills"
    )
    assert "representatives of more than 20 CSOs took part" in second
    assert doc.section("activities").charts[0].svg.startswith("<svg")


def test_html_page_of_the_published_report(client, published_demo_report):
    response = client.get("/en/azerbaijan/reports/2014/")
    assert response.status_code == 200
    html = " ".join(response.content.decode().split())
    for fact in [
        "Baku on 26 April 2014",
        "representatives of 27 CSOs",
        "more than 20 CSOs",
        "more than 1000 stakeholders",
        "Avaz Hasanov",
        "WTO accession",
    ]:
        assert fact in html, fact
    assert "data:image/svg+xml;base64," in html
    assert "/az/azerbaijan/reports/2014/report.pdf" in html
    assert "/ru/azerbaijan/reports/2014/report.pdf" in html


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_pdf_states_the_key_facts_in_each_language(
    client, published_demo_report, language, tmp_path
):
    response = client.get(f"/{language}/azerbaijan/reports/2014/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    # pdftotext joins a word broken at a hyphen ("policy-" + "making" -> "policymaking").
    text = pdf_text(response.content, tmp_path).replace("-", "")
    for fact in FACTS[language]:
        assert fact.replace("-", "") in text, (language, fact)
