"""Two tabs on a meeting's, an agenda item's and the minutes' edit pages: the second save does
not silently undo the first; a deliberate second save from the refusal goes through."""

import pytest
from django.test import Client
from django.urls import reverse

from platforma.core.models import AuditEntry, PlatformRole
from platforma.meetings import services
from platforma.meetings.models import Minutes
from platforma.testing.stale import assert_refused, edit_form, two_tabs

pytestmark = pytest.mark.django_db


def url(name, meeting, *extra):
    return reverse(f"meetings:{name}", args=[meeting.platform.slug, meeting.pk, *extra])


@pytest.fixture
def office(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def colleague(platform, django_user_model):
    user = django_user_model.objects.create_user("sec-2", "sec2@example.org", "pw-sec-22345")
    PlatformRole.objects.create(user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    return client


def test_a_meetings_second_tab_is_refused_then_saved_deliberately(office, colleague, meeting):
    page = url("office-meeting-edit", meeting)
    first, second = two_tabs(office, page)
    assert colleague.post(page, {**first, "title_en": "GA 2014, moved"}).status_code == 302

    entries = AuditEntry.objects.count()
    refused = office.post(page, {**second, "place_en": "Ganja"})
    assert refused.status_code == 200
    assert_refused(refused, who="sec-2", typed="General Assembly 2014", saved="GA 2014, moved")
    meeting.refresh_from_db()
    assert (meeting.title_en, meeting.place_en) == ("GA 2014, moved", "Baku")
    assert AuditEntry.objects.count() == entries

    again = edit_form(refused)
    assert again["place_en"] == "Ganja"
    assert office.post(page, again).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title_en, meeting.place_en) == ("General Assembly 2014", "Ganja")


def test_an_agenda_items_second_tab_is_refused(office, colleague, meeting):
    item = services.agenda_item_add(
        actor=None, actor_label="test", meeting=meeting, title_en="Budget"
    )
    page = url("office-agenda-item-edit", meeting, item.pk)
    first, second = two_tabs(office, page)
    assert colleague.post(page, {**first, "title_en": "Budget 2014"}).status_code == 302

    refused = office.post(page, {**second, "description_en": "Draft attached"})
    assert_refused(refused, who="sec-2", typed="Budget", saved="Budget 2014")
    item.refresh_from_db()
    assert (item.title_en, item.description_en) == ("Budget 2014", "")

    assert office.post(page, edit_form(refused)).status_code == 302
    item.refresh_from_db()
    assert (item.title_en, item.description_en) == ("Budget", "Draft attached")


def test_the_minutes_second_tab_is_refused_even_before_the_first_save(office, colleague, meeting):
    """Two tabs open on minutes nobody has written yet: the first save creates them."""
    page = url("minutes", meeting)
    first, second = two_tabs(office, page)
    saved = colleague.post(page, {**first, "narrative": "Opened at ten.", "save": "1"})
    assert saved.status_code == 302

    refused = office.post(page, {**second, "narrative": "Opened at eleven.", "save": "1"})
    assert_refused(refused, who="sec-2", typed="Opened at eleven.", saved="Opened at ten.")
    assert Minutes.objects.get(meeting=meeting).narrative == "Opened at ten."

    again = edit_form(refused)
    assert again["narrative"] == "Opened at eleven."
    assert office.post(page, {**again, "save": "1"}).status_code == 302
    assert Minutes.objects.get(meeting=meeting).narrative == "Opened at eleven."
