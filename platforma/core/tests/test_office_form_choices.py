"""No office form offers a row of another platform.

The walk opens every office page of the permission matrix as the demo platform's secretariat,
while a second platform holds rows of every kind a form could offer (organisations, people,
working groups, bodies, offices, mandates, events, publications, stakeholders, meetings), and
checks every model choice of every form on the page.
"""

import datetime

import pytest
from django import forms
from django.forms.formsets import BaseFormSet
from django.urls import reverse

from platforma.core.tenancy import platforms_of
from platforma.core.tests.test_permission_matrix import MATRIX, OK, as_role
from platforma.testing.factories import (
    BodyFactory,
    MembershipFactory,
    OfficeFactory,
    PersonFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_rows(world):
    """Rows of every kind in the other platform, so a form that leaks has something to show."""
    from platforma.activities.models import Event, EventKind
    from platforma.governance.models import Mandate
    from platforma.meetings.models import Meeting
    from platforma.members.models import Representative
    from platforma.publications.models import Publication, Stakeholder

    _users, data = world
    other = data["other_platform"]
    membership = MembershipFactory(platform=other)
    person = PersonFactory(first_name_en="Leak", last_name_en="Other")
    Representative.objects.create(
        organisation=membership.organisation, person=person, role="primary"
    )
    group = WorkingGroupFactory(platform=other)
    body = BodyFactory(platform=other)
    office = OfficeFactory(platform=other)
    Mandate.objects.create(
        office=office,
        person=person,
        organisation=membership.organisation,
        starts_on=datetime.date(2025, 1, 1),
    )
    kind = EventKind.objects.create(platform=other, slug="leak", name_en="Leak kind")
    start = datetime.datetime(2027, 1, 1, 10, tzinfo=datetime.UTC)
    Event.objects.create(
        platform=other,
        kind="workshop",
        custom_kind=kind,
        title_en="Leak event",
        starts_at=start,
        ends_at=start,
    )
    Publication.objects.create(
        platform=other, kind="statement", title_en="Leak paper", published_on=start.date()
    )
    Stakeholder.objects.create(platform=other, name="Leak stakeholder", category="university")
    Meeting.objects.create(
        platform=other, body=body, title_en="Leak meeting", starts_at=start, time_zone="UTC"
    )
    _ = group
    return other


def forms_in(context) -> list[forms.BaseForm]:
    found, seen = [], set()

    def visit(value):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, forms.BaseForm):
            found.append(value)
        elif isinstance(value, BaseFormSet):
            found.extend(value.forms)
            found.append(value.empty_form)
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    for layer in context or []:
        for scope in getattr(layer, "dicts", [layer]):
            if isinstance(scope, dict):
                for value in scope.values():
                    visit(value)
    return found


def test_no_office_form_offers_another_platforms_rows(client, world, other_rows):
    users, data = world
    demo = data["platform"]
    as_role(client, users, "secretariat")
    leaks, forms_seen, choices_seen = [], 0, 0
    for name, (build, expected) in sorted(MATRIX.items()):
        if expected.get("secretariat") != OK or expected.get("other_secretariat") == OK:
            continue  # public pages offer no private choices
        response = client.get(reverse(name, args=build(data)))
        if response.status_code != 200:
            continue
        for form in forms_in(response.context):
            forms_seen += 1
            for field_name, field in form.fields.items():
                if not isinstance(field, forms.ModelChoiceField):
                    continue
                for row in field.queryset:
                    choices_seen += 1
                    if demo.pk not in platforms_of(row):
                        leaks.append((name, type(form).__name__, field_name, str(row)))
    assert forms_seen > 10, "the walk saw too few forms to mean anything"
    assert choices_seen > 0
    assert leaks == []
