import datetime

import pytest
from django.core.exceptions import ValidationError

from platforma.core.models import AuditEntry
from platforma.members import services
from platforma.members.models import Membership, Representative
from platforma.members.selectors import member_directory, members_in_good_standing
from platforma.testing.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PlatformFactory,
)

pytestmark = pytest.mark.django_db
S = Membership.Status
D = datetime.date


def move(membership, to_status, day, **kwargs):
    return services.membership_transition(
        actor=None,
        actor_label="test",
        membership=membership,
        to_status=to_status,
        effective_on=day,
        decided_by="General Assembly",
        **kwargs,
    )


def test_suspension_and_readmission_are_kept_in_history():
    membership = MembershipFactory(admitted_on=D(2010, 1, 1))
    move(membership, S.SUSPENDED, D(2012, 3, 1), reason="Dues unpaid for two years")
    move(membership, S.ADMITTED, D(2013, 3, 1))
    history = list(membership.changes.values_list("from_status", "to_status", "effective_on"))
    assert history == [
        ("", S.ADMITTED, D(2010, 1, 1)),
        (S.ADMITTED, S.SUSPENDED, D(2012, 3, 1)),
        (S.SUSPENDED, S.ADMITTED, D(2013, 3, 1)),
    ]
    entry = AuditEntry.objects.filter(action="members.membership.suspended").get()
    assert entry.data["reason"] == "Dues unpaid for two years"
    assert entry.data["before"] == {"status": "admitted"}


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([], S.WITHDRAWN + "x"),
        ([], S.REJECTED),
        ([S.WITHDRAWN], S.ADMITTED),
        ([S.EXPELLED], S.SUSPENDED),
        ([S.SUSPENDED], S.WITHDRAWN),
    ],
)
def test_impossible_transitions_are_refused_with_a_message(path, refused):
    membership = MembershipFactory()
    day = D(2011, 1, 1)
    for status in path:
        move(membership, status, day)
    membership.refresh_from_db()
    before = (membership.status, membership.changes.count())
    with pytest.raises(ValidationError, match="cannot go from"):
        move(membership, refused, day)
    membership.refresh_from_db()
    assert (membership.status, membership.changes.count()) == before


def test_a_change_cannot_predate_the_previous_one():
    membership = MembershipFactory(admitted_on=D(2010, 1, 1))
    with pytest.raises(ValidationError, match="before the previous one"):
        move(membership, S.SUSPENDED, D(2009, 1, 1))


def test_good_standing_follows_history_on_any_day():
    platform = PlatformFactory()
    steady = MembershipFactory(platform=platform, admitted_on=D(2010, 1, 1))
    suspended = MembershipFactory(platform=platform, admitted_on=D(2010, 1, 1))
    late = MembershipFactory(platform=platform, admitted_on=D(2014, 6, 1))
    move(suspended, S.SUSPENDED, D(2014, 1, 1))
    MembershipFactory()  # another platform's member never counts

    def standing(day):
        return set(members_in_good_standing(platform, day).values_list("pk", flat=True))

    assert standing(D(2009, 12, 31)) == set()
    assert standing(D(2013, 12, 31)) == {steady.pk, suspended.pk}
    assert standing(D(2014, 12, 31)) == {steady.pk, late.pk}


def test_recording_an_existing_member_twice_is_refused():
    platform, organisation = PlatformFactory(), OrganisationFactory()
    services.membership_record_existing(
        actor=None, platform=platform, organisation=organisation, admitted_on=D(2010, 1, 1)
    )
    with pytest.raises(ValidationError, match="already has a membership"):
        services.membership_record_existing(
            actor=None, platform=platform, organisation=organisation, admitted_on=D(2011, 1, 1)
        )


def test_a_new_primary_representative_replaces_the_previous_one():
    organisation = OrganisationFactory()
    first, second, alternate = PersonFactory(), PersonFactory(), PersonFactory()
    services.representative_assign(
        actor=None, organisation=organisation, person=first, since=D(2010, 1, 1)
    )
    services.representative_assign(
        actor=None,
        organisation=organisation,
        person=alternate,
        role=Representative.Role.ALTERNATE,
        since=D(2010, 1, 1),
    )
    services.representative_assign(
        actor=None, organisation=organisation, person=second, since=D(2012, 5, 1)
    )
    current = Representative.objects.filter(organisation=organisation, until__isnull=True)
    assert set(current.values_list("person", "role")) == {
        (second.pk, "primary"),
        (alternate.pk, "alternate"),
    }
    assert Representative.objects.get(person=first).until == D(2012, 5, 1)
    with pytest.raises(ValidationError, match="already represents"):
        services.representative_assign(actor=None, organisation=organisation, person=second)


def test_directory_search_matches_every_language_of_the_name():
    platform = PlatformFactory()
    membership = MembershipFactory(
        platform=platform,
        organisation=OrganisationFactory(
            legal_name_en="Green World", legal_name_ru="Зелёный мир", acronym="GW"
        ),
    )
    MembershipFactory(platform=platform)
    for query in ("green", "Зелёный", "зелёный МИР", "GW", "gw"):
        assert list(member_directory(platform, query=query)) == [membership]
    assert not member_directory(platform, query="nothing like it").exists()
