"""Two tabs on a report's text: the second save does not silently undo the first; a deliberate
second save from the refusal goes through."""

import pytest
from django.test import Client

from platforma.reports import services
from platforma.reports.models import ReportNarrative
from platforma.testing.stale import assert_refused, edit_form, two_tabs

from .conftest import WHO

pytestmark = pytest.mark.django_db
EDIT = "/en/azerbaijan/reports/2014/edit/"


def text(report, section):
    row = ReportNarrative.objects.filter(report=report, language="en", section=section).first()
    return row.text if row else ""


def test_a_reports_second_tab_is_refused_then_saved_deliberately(demo_platform, secretariat_of):
    report = services.report_draft(platform=demo_platform, year=2014, **WHO)
    office = Client()
    office.force_login(secretariat_of(demo_platform))
    first, second = two_tabs(office, EDIT)
    colleague = Client()
    colleague.force_login(secretariat_of(demo_platform, "sec-az-2"))
    assert colleague.post(EDIT, {**first, "introduction": "Our year."}).status_code == 302

    refused = office.post(EDIT, {**second, "membership": "Two joined."})
    assert refused.status_code == 200
    assert_refused(refused, who="sec-az-2", typed="—", saved="Our year.")
    assert (text(report, "introduction"), text(report, "membership")) == ("Our year.", "")

    again = edit_form(refused)
    assert again["membership"] == "Two joined."  # what was typed stays
    assert office.post(EDIT, again).status_code == 302
    assert (text(report, "introduction"), text(report, "membership")) == ("", "Two joined.")
