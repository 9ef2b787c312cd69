"""The annual report prints where the platform's audit record stood when it was drafted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.reports.builder import build_forum_report, build_report

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def test_the_report_shows_the_head(client, published_demo_report, tmp_path):
    platform = published_demo_report.platform
    head = AuditEntry.objects.filter(platform=platform).order_by("-seq").first()
    response = client.get(reverse("reports:report-detail", args=["azerbaijan", 2014]))
    html = response.content.decode()
    assert f'<code class="record-head">{head.hash}</code>' in html
    assert f"the platform's audit record had {head.seq} entries" in html
    pdf = client.get(reverse("reports:report-pdf", args=["azerbaijan", 2014])).content
    text = pdf_text(pdf, tmp_path)
    assert f"audit record had {head.seq} entries" in text
    # A long hash may break across lines in print: its characters are all there, in order.
    assert head.hash in text.replace(" ", "")


def test_the_head_is_the_one_at_drafting_time(demo_platform):
    before = build_report(demo_platform, 2014, language="en")
    last = AuditEntry.objects.filter(platform=demo_platform).order_by("-seq").first()
    assert (before.record_length, before.record_head) == (last.seq, last.hash)


def test_the_forum_report_shows_the_forums_head(demo_platform):
    doc = build_forum_report(2014, language="en")
    last = AuditEntry.objects.filter(forum=True).order_by("-seq").first()
    assert (doc.record_length, doc.record_head) == (last.seq, last.hash)
