"""core.tenancy: where each object belongs, and the office forms and services that rely on it."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils import timezone

from platforma.core import services
from platforma.core.models import Person, PlatformRole
from platforma.core.office import DateTimeInput, OfficeForm
from platforma.core.tenancy import platforms_of, require_manage, scoped
from platforma.members.models import Organisation, Representative
from platforma.testing.factories import MembershipFactory, PersonFactory, PlatformFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(django_user_model):
    armenia, georgia = PlatformFactory(slug="armenia"), PlatformFactory(slug="georgia")
    ours, theirs = MembershipFactory(platform=armenia), MembershipFactory(platform=georgia)
    sec = django_user_model.objects.create_user("sec", password="pw-12345678")
    services.platform_role_grant(
        actor=None, user=sec, platform=armenia, role=PlatformRole.Role.SECRETARIAT
    )
    return armenia, georgia, ours, theirs, sec


class PickForm(OfficeForm):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=Organisation.objects.all()
    )
    people: forms.ModelMultipleChoiceField[Person] = forms.ModelMultipleChoiceField(
        queryset=Person.objects.all(), required=False
    )
    at = forms.DateTimeField()


def test_an_office_form_offers_only_its_platforms_rows(two):
    armenia, _georgia, ours, theirs, _sec = two
    ours_rep = PersonFactory()
    Representative.objects.create(organisation=ours.organisation, person=ours_rep, role="primary")
    theirs_rep = PersonFactory()
    Representative.objects.create(
        organisation=theirs.organisation, person=theirs_rep, role="primary"
    )
    form = PickForm(platform=armenia)
    assert list(form.fields["organisation"].queryset) == [ours.organisation]
    assert list(form.fields["people"].queryset) == [ours_rep]
    # A forged id of another platform's row is refused like any invalid choice.
    forged = PickForm(
        {"organisation": theirs.organisation.pk, "at": "2026-05-01T10:00"}, platform=armenia
    )
    assert not forged.is_valid()
    assert "organisation" in forged.errors


def test_an_office_form_reads_and_names_the_platforms_zone(two):
    armenia = two[0]
    armenia.time_zone = "Asia/Yerevan"
    form = PickForm(platform=armenia)
    assert isinstance(form.fields["at"].widget, DateTimeInput)
    assert "Asia/Yerevan" in str(form.fields["at"].help_text)
    with timezone.override("Asia/Yerevan"):  # what office_view does around every office page
        form = PickForm(
            {"organisation": two[2].organisation.pk, "at": "2026-05-01T10:00"}, platform=armenia
        )
        assert form.is_valid(), form.errors
    assert form.cleaned_data["at"].astimezone(datetime.UTC).hour == 6  # 10:00 in Yerevan


def test_services_refuse_objects_of_platforms_the_actor_does_not_manage(two):
    armenia, georgia, ours, theirs, sec = two
    require_manage(sec, armenia, ours, ours.organisation)
    require_manage(None, georgia, theirs)  # the system (commands, the demo loader)
    for obj in (georgia, theirs, theirs.organisation):
        with pytest.raises(PermissionDenied):
            require_manage(sec, obj)
    with pytest.raises(PermissionDenied):
        require_manage(sec, ours, theirs)  # one foreign object is enough


def test_people_and_organisations_belong_to_every_platform_they_are_part_of(two):
    armenia, georgia, ours, _theirs, _sec = two
    MembershipFactory(platform=georgia, organisation=ours.organisation)
    assert platforms_of(ours.organisation) == {armenia.pk, georgia.pk}
    stranger = PersonFactory()
    assert platforms_of(stranger) == set()
    assert list(scoped(Person.objects.all(), armenia)) == []


def test_a_model_nobody_placed_is_refused():
    with pytest.raises(ImproperlyConfigured):
        scoped(Group.objects.all(), PlatformFactory())
