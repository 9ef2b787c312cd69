"""A working group's coordinators organise their group's events in the office: they see,
create and edit only events of the groups they coordinate, and manage their registrations;
another group's event is a 404 and the services refuse it, whatever is posted."""

import pytest
from django.core.exceptions import PermissionDenied

from platforma.activities import services
from platforma.activities.models import Event, Registration
from platforma.core.models import AuditEntry
from platforma.testing.factories import PlatformFactory

from .factories import EventFactory
from .office_helpers import event_url, office_url
from .test_office_events import event_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(platform, groups):
    ours = EventFactory(platform=platform, title_en="Budget hearing")
    ours.working_groups.set([groups[0]])
    theirs = EventFactory(platform=platform, title_en="River clean-up")
    theirs.working_groups.set([groups[1]])
    nobodys = EventFactory(platform=platform, title_en="General Assembly party")
    return ours, theirs, nobodys


def test_the_list_shows_only_their_groups_events(coord, events, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        response = coord.get(office_url("office-event-list", events[0].platform))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Budget hearing" in page
    assert "River clean-up" not in page
    assert "General Assembly party" not in page


def test_coordinator_creates_an_event_of_their_group(coord, platform, groups, coordinator):
    form = coord.get(office_url("office-event-create", platform))
    offered = {g.pk for g in form.context["form"].fields["working_groups"].queryset}
    assert offered == {groups[0].pk}
    response = coord.post(
        office_url("office-event-create", platform), event_data(working_groups=[groups[0].pk])
    )
    assert response.status_code == 302
    event = Event.objects.get(title_en="Budget monitoring")
    assert list(event.working_groups.all()) == [groups[0]]
    assert AuditEntry.objects.get(action="activities.event.created").actor_id == coordinator.pk


def test_an_event_of_another_group_or_of_none_is_refused(coord, platform, groups):
    url = office_url("office-event-create", platform)
    assert coord.post(url, event_data(working_groups=[groups[1].pk])).status_code == 400
    assert coord.post(url, event_data()).status_code == 400  # no group: the secretariat's
    assert not Event.objects.filter(title_en="Budget monitoring").exists()


def test_another_groups_event_is_not_found(coord, events):
    _ours, theirs, nobodys = events
    for event in (theirs, nobodys):
        for name in (
            "office-event-edit",
            "office-event-cancel",
            "office-event-files",
            "office-event-registrations",
            "office-event-message",
            "event-checkin",
        ):
            assert coord.get(event_url(name, event)).status_code == 404, (name, event)
        assert coord.get(event_url("office-registration-export", event, "csv")).status_code == 404
        posted = coord.post(
            event_url("office-registration-add", event), {"name": "Eve", "email": "e@example.org"}
        )
        assert posted.status_code == 404
        edited = coord.post(event_url("office-event-edit", event), event_data(title_en="Ours"))
        assert edited.status_code == 404
    assert not Registration.objects.exists()
    theirs.refresh_from_db()
    assert theirs.title_en == "River clean-up"


def test_coordinator_edits_their_event_but_cannot_hand_it_to_another_group(coord, events, groups):
    ours = events[0]
    url = event_url("office-event-edit", ours)
    version = coord.get(url).context["form"]["seen_version"].value()
    forged = coord.post(
        url,
        event_data(working_groups=[groups[0].pk, groups[1].pk], seen_version=version),
    )
    assert forged.status_code == 400
    assert set(ours.working_groups.all()) == {groups[0]}
    saved = coord.post(
        url,
        event_data(
            title_en="Budget hearing II", working_groups=[groups[0].pk], seen_version=version
        ),
    )
    assert saved.status_code == 302
    ours.refresh_from_db()
    assert ours.title_en == "Budget hearing II"


def test_coordinator_manages_their_events_registrations(coord, events, coordinator):
    ours = events[0]
    response = coord.post(
        event_url("office-registration-add", ours),
        {"name": "Leyla", "email": "leyla@example.org", "notify": "on"},
        follow=True,
    )
    assert "Leyla has a confirmed place." in response.content.decode()
    registration = Registration.objects.get(event=ours)
    entry = AuditEntry.objects.get(action="activities.registration.created")
    assert entry.actor_id == coordinator.pk
    page = coord.get(event_url("office-event-registrations", ours))
    assert "Leyla" in page.content.decode()
    assert coord.get(event_url("office-registration-export", ours, "csv")).status_code == 200
    checkin = coord.post(event_url("event-checkin", ours), {"registration": registration.pk})
    assert checkin.status_code == 302
    assert ours.attendances.count() == 1


def test_the_services_refuse_another_groups_event(events, groups, coordinator):
    _ours, theirs, nobodys = events
    with pytest.raises(PermissionDenied):
        services.event_update(actor=coordinator, event=theirs, title_en="Taken over")
    with pytest.raises(PermissionDenied):
        services.event_cancel(actor=coordinator, event=nobodys, reason="forged")
    with pytest.raises(PermissionDenied):
        services.registration_create(
            actor=coordinator,
            event=theirs,
            by_organiser=True,
            name="Eve",
            email="eve@example.org",
        )
    with pytest.raises(PermissionDenied):
        services.event_create(
            actor=coordinator,
            platform=theirs.platform,
            working_groups=[groups[1]],
            title_en="Forged",
            kind="workshop",
            starts_at=theirs.starts_at,
            ends_at=theirs.ends_at,
        )
    other_platform = PlatformFactory(slug="elsewhere-coord")
    with pytest.raises(PermissionDenied):
        services.event_create(
            actor=coordinator,
            platform=other_platform,
            working_groups=[groups[0]],
            title_en="Forged",
            kind="workshop",
            starts_at=theirs.starts_at,
            ends_at=theirs.ends_at,
        )


def test_the_event_kinds_stay_the_secretariats(coord, platform):
    assert coord.get(office_url("office-eventkind-list", platform)).status_code == 404


def test_a_shared_event_is_either_groups_but_its_groups_are_not_given_away(
    coord, platform, groups, coordinator
):
    shared = EventFactory(platform=platform, title_en="Joint workshop")
    shared.working_groups.set(groups)
    assert coord.get(event_url("office-event-edit", shared)).status_code == 200
    with pytest.raises(PermissionDenied):  # removing the other group's name from it
        services.event_update(actor=coordinator, event=shared, working_groups=[groups[0]])
    ours = EventFactory(platform=platform)
    ours.working_groups.set([groups[0]])
    with pytest.raises(PermissionDenied):  # adding another group to their own event
        services.event_update(actor=coordinator, event=ours, working_groups=list(groups))
    assert set(shared.working_groups.all()) == set(groups)
    services.event_update(actor=coordinator, event=shared, title_en="Joint workshop II")
    shared.refresh_from_db()
    assert shared.title_en == "Joint workshop II"
