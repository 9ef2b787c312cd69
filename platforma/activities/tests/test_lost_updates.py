"""Two tabs on an event's edit page: the second save does not silently undo the first; a
registration arriving meanwhile (which touches the event's ``updated_at``) is no conflict."""

import pytest
from django.test import Client

from platforma.activities import services
from platforma.activities.models import Event
from platforma.core.models import AuditEntry
from platforma.core.services import platform_role_grant
from platforma.testing.stale import assert_refused, edit_form, two_tabs

from .factories import EventFactory
from .office_helpers import event_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(platform, django_user_model):
    user = django_user_model.objects.create_user("sec-2", "sec2@example.org", "pw-sec-22345")
    platform_role_grant(
        actor=None, actor_label="test", user=user, platform=platform, role="secretariat"
    )
    client = Client()
    client.force_login(user)
    return client


def test_an_events_second_tab_is_refused_then_saved_deliberately(office, colleague, platform):
    event = EventFactory(platform=platform, title_en="Budget monitoring", capacity=10)
    url = event_url("office-event-edit", event)
    first, second = two_tabs(office, url)
    assert colleague.post(url, {**first, "title_en": "Budget watch"}).status_code == 302

    entries = AuditEntry.objects.count()
    refused = office.post(url, {**second, "capacity": "12"})
    assert refused.status_code == 400
    assert_refused(refused, who="sec-2", typed="Budget monitoring", saved="Budget watch")
    event.refresh_from_db()
    assert (event.title_en, event.capacity) == ("Budget watch", 10)
    assert AuditEntry.objects.count() == entries

    again = edit_form(refused)
    assert again["capacity"] == "12"  # kept as typed
    assert office.post(url, again).status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.capacity) == ("Budget monitoring", 12)


def test_a_registration_meanwhile_is_not_a_conflict(office, platform):
    """Registrations touch the event's ``updated_at`` (the public page's cache key), not what
    its edit form shows: the organiser's save goes through."""
    event = EventFactory(platform=platform, title_en="Budget monitoring", capacity=10)
    url = event_url("office-event-edit", event)
    form = edit_form(office.get(url))
    before = Event.objects.get(pk=event.pk).updated_at
    services.registration_create(actor=None, event=event, name="Person 1", email="p1@example.org")
    assert Event.objects.get(pk=event.pk).updated_at > before
    assert office.post(url, {**form, "title_en": "Budget watch"}).status_code == 302
    event.refresh_from_db()
    assert event.title_en == "Budget watch"
