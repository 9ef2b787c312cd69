"""Voting from the floor: the services (eligibility, proxies, one vote per organisation, the
secret vote's unlinkable record, closing by the statute's majority, paper ballots, audit) and
the pages (the secretariat's buttons, the delegate's phone page, the projector and its JSON)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.meetings import services
from platforma.meetings.models import (
    Motion,
    SecretBallotMark,
    SecretTally,
    Vote,
)
from platforma.members.models import Representative
from platforma.testing.factories import MembershipFactory, PersonFactory, PlatformFactory

from .conftest import check_in

pytestmark = pytest.mark.django_db
T = {"actor": None, "actor_label": "test"}


def account(django_user_model, membership, name):
    """A user account for ``membership``'s primary representative."""
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-floor-123")
    person = Representative.objects.get(organisation=membership.organisation).person
    person.user = user
    person.save()
    return user


@pytest.fixture
def sitting(meeting, members, django_user_model):
    """Five of nine members present (quorum: more than half), the sixth gave its proxy to the
    first; accounts for the representatives of the first seven."""
    check_in(meeting, members[:5])
    services.proxy_give(**T, meeting=meeting, giver=members[5], holder=members[0])
    users = [account(django_user_model, m, f"rep{i}") for i, m in enumerate(members[:7])]
    return {"meeting": meeting, "members": members, "users": users}


def motion(meeting, **kwargs):
    return services.motion_create(**T, meeting=meeting, title_en="Adopt the plan", **kwargs)


def vote(user, m, membership, choice):
    return services.floor_vote_cast(actor=user, motion=m, membership=membership, choice=choice)


# --- putting a motion on the floor ---------------------------------------------------------


def test_one_motion_on_the_floor_at_a_time(sitting, secretary):
    meeting = sitting["meeting"]
    first, second = motion(meeting), motion(meeting)
    services.motion_floor_open(actor=secretary, motion=first)
    with pytest.raises(ValidationError, match="is on the floor"):
        services.motion_floor_open(actor=secretary, motion=second)
    assert AuditEntry.objects.filter(action="meetings.floor.opened").count() == 1


def test_floor_only_during_an_open_sitting(meeting, members, secretary):
    m = motion(meeting)
    with pytest.raises(ValidationError, match="not open yet"):
        services.motion_floor_open(actor=secretary, motion=m)
    assert not Motion.objects.get(pk=m.pk).floor_opened_at


def test_another_platforms_secretariat_cannot_open_the_floor(sitting, outsider):
    m = motion(sitting["meeting"])
    with pytest.raises(PermissionDenied):
        services.motion_floor_open(actor=outsider, motion=m)


# --- eligibility and named votes -----------------------------------------------------------


def test_representatives_vote_for_their_organisation_and_the_proxy(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[0], m, members[0], "for")
    vote(users[0], m, members[5], "against")  # the proxy it holds
    votes = {v.membership_id: v for v in Vote.objects.filter(motion=m)}
    assert votes[members[0].pk].choice == "for"
    assert not votes[members[0].pk].by_proxy
    assert votes[members[5].pk].choice == "against"
    assert votes[members[5].pk].by_proxy
    # Another representative cannot vote for an organisation it does not speak for...
    with pytest.raises(PermissionDenied):
        vote(users[1], m, members[0], "against")
    # ... nor can the representative of the absent organisation that gave its proxy.
    with pytest.raises(PermissionDenied):
        vote(users[5], m, members[5], "for")
    # nor the representative of an absent organisation without a proxy.
    with pytest.raises(PermissionDenied):
        vote(users[6], m, members[6], "for")
    assert Vote.objects.filter(motion=m).count() == 2


def test_the_checked_in_delegate_votes_too(sitting, secretary, django_user_model):
    meeting, members = sitting["meeting"], sitting["members"]
    extra = MembershipFactory(platform=meeting.platform)
    delegate = PersonFactory(user=django_user_model.objects.create_user("deleg", "d@e.org", "pw"))
    services.attendance_check_in(**T, meeting=meeting, membership=extra, delegate=delegate)
    m = motion(meeting)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(delegate.user, m, extra, "abstain")
    assert Vote.objects.get(motion=m, membership=extra).choice == "abstain"
    with pytest.raises(PermissionDenied):
        vote(delegate.user, m, members[0], "for")


def test_a_named_vote_is_one_row_per_organisation_and_can_change(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[1], m, members[1], "for")
    vote(users[1], m, members[1], "against")
    assert list(Vote.objects.filter(motion=m).values_list("choice", flat=True)) == ["against"]
    entries = AuditEntry.objects.filter(action="meetings.floor.vote_cast").order_by("id")
    assert [e.data["after"] for e in entries] == ["for", "against"]
    assert entries.last().data["before"] == "for"
    with pytest.raises(ValidationError, match="Unknown vote"):
        vote(users[1], m, members[1], "maybe")


def test_no_vote_when_the_motion_is_not_on_the_floor(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)
    with pytest.raises(ValidationError, match="not on the floor"):
        vote(users[0], m, members[0], "for")
    assert not Vote.objects.exists()


def test_closing_applies_the_statutes_majority_with_paper_votes(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)  # ordinary: simple majority of votes cast
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[0], m, members[0], "for")
    vote(users[1], m, members[1], "against")
    vote(users[2], m, members[2], "against")
    # A delegate without a phone votes on paper: the secretariat records it in the same table.
    services.votes_record(actor=secretary, motion=m, choices={members[3]: "for"})
    # The ordinary decide is refused while the motion is on the floor.
    with pytest.raises(ValidationError, match="on the floor"):
        services.motion_decide(actor=secretary, motion=m)
    closed = services.motion_floor_close(actor=secretary, motion=m)
    assert closed.status == Motion.Status.DECIDED
    assert (closed.votes_for, closed.votes_against) == (2, 2)
    assert closed.adopted is False  # a tie is no simple majority
    assert closed.floor_closed_at is not None
    assert AuditEntry.objects.filter(action="meetings.floor.closed").count() == 1
    assert AuditEntry.objects.filter(action="meetings.motion.decided").count() == 1


def test_paper_totals_are_for_secret_votes_only(sitting, secretary):
    m = motion(sitting["meeting"])
    services.motion_floor_open(actor=secretary, motion=m)
    with pytest.raises(ValidationError, match="per organisation"):
        services.motion_floor_close(actor=secretary, motion=m, paper_totals=(1, 0, 0))
    assert Motion.objects.get(pk=m.pk).on_the_floor


def test_without_quorum_the_motion_stays_on_the_floor(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[0], m, members[0], "for")
    for attendance in meeting.attendances.all()[:3]:
        services.attendance_check_out(**T, attendance=attendance)
    with pytest.raises(ValidationError, match="No result without quorum"):
        services.motion_floor_close(actor=secretary, motion=m)
    m.refresh_from_db()
    assert m.on_the_floor
    assert m.status == Motion.Status.OPEN
    assert not AuditEntry.objects.filter(action="meetings.floor.closed").exists()


# --- secret votes --------------------------------------------------------------------------


def test_secret_ballots_are_counted_once_and_cannot_change(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting, is_secret=True)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[0], m, members[0], "for")
    vote(users[0], m, members[5], "for")  # by proxy
    vote(users[1], m, members[1], "against")
    with pytest.raises(ValidationError, match="cannot be changed"):
        vote(users[1], m, members[1], "for")
    assert SecretTally.objects.get(motion=m).totals == (2, 1, 0)
    assert SecretBallotMark.objects.filter(motion=m).count() == 3
    assert SecretBallotMark.objects.get(motion=m, membership=members[5]).by_proxy
    assert not Vote.objects.filter(motion=m).exists()
    # The audit log says who voted, never what.
    entries = AuditEntry.objects.filter(action="meetings.floor.ballot_cast")
    assert entries.count() == 3
    assert all("for" not in str(e.data) and "against" not in str(e.data) for e in entries)


def test_secret_paper_ballots_are_added_and_checked(sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting, is_secret=True)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[0], m, members[0], "for")
    vote(users[1], m, members[1], "against")
    # 6 present and represented: 2 electronic + 5 on paper is impossible.
    with pytest.raises(ValidationError, match="impossible"):
        services.motion_floor_close(actor=secretary, motion=m, paper_totals=(3, 1, 1))
    assert Motion.objects.get(pk=m.pk).on_the_floor
    with pytest.raises(ValidationError, match="none negative"):
        services.motion_floor_close(actor=secretary, motion=m, paper_totals=(-1, 0, 0))
    closed = services.motion_floor_close(actor=secretary, motion=m, paper_totals=(2, 1, 0))
    assert (closed.votes_for, closed.votes_against, closed.votes_abstain) == (3, 2, 0)
    assert closed.adopted is True
    assert AuditEntry.objects.get(action="meetings.floor.closed").data["paper"] == [2, 1, 0]


def _links(model, to):
    return [
        f.name
        for f in model._meta.get_fields()
        if f.is_relation and f.related_model is not None and issubclass(f.related_model, to)
    ]


def test_a_secret_choice_cannot_be_linked_to_an_organisation(sitting, secretary):
    """The schema: what was chosen (the tally) has no link to an organisation, a person or an
    account, no time and no row per ballot; who has voted (the marks) holds no choice."""
    from django.contrib.auth import get_user_model

    from platforma.core.models import Person
    from platforma.members.models import Membership, Organisation

    tally_fields = {f.name for f in SecretTally._meta.get_fields()}
    assert tally_fields == {"motion", "votes_for", "votes_against", "votes_abstain"}
    for target in (Membership, Organisation, Person, get_user_model(), Vote, SecretBallotMark):
        assert _links(SecretTally, target) == []
    assert not [
        f
        for f in SecretTally._meta.get_fields()
        if isinstance(f, models.DateField | models.DateTimeField)
    ]
    mark_fields = {f.name for f in SecretBallotMark._meta.get_fields()}
    assert mark_fields == {"id", "motion", "membership", "by_proxy"}
    # And the data: three ballots make one row of counters, whatever order they came in.
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting, is_secret=True)
    services.motion_floor_open(actor=secretary, motion=m)
    vote(users[2], m, members[2], "abstain")
    vote(users[0], m, members[0], "against")
    vote(users[1], m, members[1], "for")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {SecretTally._meta.db_table}")
        rows = cursor.fetchall()
    assert rows == [(m.pk, 1, 1, 1)]


# --- pages ---------------------------------------------------------------------------------


def url(name, meeting, *extra):
    return reverse(f"meetings:{name}", args=[meeting.platform.slug, meeting.pk, *extra])


def test_secretariat_opens_and_closes_through_the_meeting_page(client, sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)
    client.force_login(secretary)
    page = client.get(url("meeting-detail", meeting))
    assert "Put on the floor" in page.content.decode()
    response = client.post(url("office-floor-open", meeting), {"motion": m.pk}, follow=True)
    assert "is on the floor" in response.content.decode()
    assert "0 votes received of 6" in response.content.decode()
    for i in range(3):
        vote(users[i], m, members[i], "for")
    page = client.get(url("meeting-detail", meeting)).content.decode()
    assert "3 votes received of 6" in page
    data = client.get(url("projector-json", meeting)).json()
    assert data["state"] == "open"
    assert data["received"] == 3
    assert data["can_vote"] == 6
    # Never the running choices while the vote is open.
    assert not {"for", "against", "votes_for", "adopted"} & set(data)
    response = client.post(url("office-floor-close", meeting), {"motion": m.pk}, follow=True)
    assert "Vote closed: 3 for, 0 against" in response.content.decode()
    data = client.get(url("projector-json", meeting)).json()
    assert data["state"] == "decided"
    assert data["adopted"] is True
    assert "adopted" in data["text"]
    projector = client.get(url("projector", meeting)).content.decode()
    assert "3 for, 0 against" in projector
    assert "main-nav" not in projector
    assert '<meta http-equiv="refresh" content="5">' in projector


def test_close_with_bad_paper_totals_changes_nothing(client, sitting, secretary):
    meeting = sitting["meeting"]
    m = motion(meeting, is_secret=True)
    services.motion_floor_open(actor=secretary, motion=m)
    client.force_login(secretary)
    response = client.post(
        url("office-floor-close", meeting),
        {"motion": m.pk, "paper_for": "x", "paper_against": "", "paper_abstain": ""},
        follow=True,
    )
    assert "whole numbers" in response.content.decode()
    assert Motion.objects.get(pk=m.pk).on_the_floor


def test_delegate_votes_from_the_phone_page(client, sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting)
    client.force_login(users[0])
    page = client.get(url("floor-vote", meeting)).content.decode()
    assert "No motion is on the floor" in page
    services.motion_floor_open(actor=secretary, motion=m)
    assert client.get(url("floor-vote-json", meeting)).json() == {"motion": m.pk}
    page = client.get(url("floor-vote", meeting)).content.decode()
    assert page.count('name="membership"') == 2  # its own and the proxy's
    response = client.post(
        url("floor-vote", meeting),
        {"motion": m.pk, "membership": members[0].pk, "choice": "for"},
        follow=True,
    )
    text = response.content.decode()
    assert "was received" in text
    assert Vote.objects.get(motion=m, membership=members[0]).choice == "for"
    # Voting for an organisation one does not speak for: refused with a message, nothing written.
    response = client.post(
        url("floor-vote", meeting),
        {"motion": m.pk, "membership": members[1].pk, "choice": "for"},
        follow=True,
    )
    assert response.status_code == 200
    assert "cannot vote for that organisation" in response.content.decode()
    assert not Vote.objects.filter(motion=m, membership=members[1]).exists()
    # A stale page (the vote closed meanwhile) gets a message, not an error.
    response = client.post(
        url("floor-vote", meeting),
        {"motion": m.pk + 999, "membership": members[0].pk, "choice": "against"},
        follow=True,
    )
    assert "closed" in response.content.decode()
    assert Vote.objects.get(motion=m, membership=members[0]).choice == "for"


def test_secret_vote_page_says_it_cannot_change(client, sitting, secretary):
    meeting, members, users = sitting["meeting"], sitting["members"], sitting["users"]
    m = motion(meeting, is_secret=True)
    services.motion_floor_open(actor=secretary, motion=m)
    client.force_login(users[1])
    page = client.get(url("floor-vote", meeting)).content.decode()
    assert "cannot be changed once cast" in page
    client.post(
        url("floor-vote", meeting),
        {"motion": m.pk, "membership": members[1].pk, "choice": "against"},
    )
    page = client.get(url("floor-vote", meeting)).content.decode()
    assert "Your vote was received." in page
    assert 'name="choice"' not in page  # no buttons any more
    assert "Your vote was received:" not in page  # it does not say what was chosen


def test_not_eligible_gets_a_clear_page_and_others_404(
    client, sitting, outsider, django_user_model
):
    meeting, users = sitting["meeting"], sitting["users"]
    client.force_login(users[6])  # its organisation is absent
    response = client.get(url("floor-vote", meeting))
    assert response.status_code == 200
    assert "You cannot vote now" in response.content.decode()
    home = client.get(reverse("meetings:floor-vote-home", args=[meeting.platform.slug]))
    assert "No sitting is open at which you can vote" in home.content.decode()
    # A representative of another platform's member, and another platform's secretariat.
    other = PlatformFactory(slug="elsewhere-2")
    stranger = MembershipFactory(platform=other)
    Representative.objects.create(organisation=stranger.organisation, person=PersonFactory())
    user = account(django_user_model, stranger, "stranger")
    for who in (user, outsider):
        client.force_login(who)
        assert client.get(url("floor-vote", meeting)).status_code == 404
        assert client.get(url("floor-vote-json", meeting)).status_code == 404
        assert client.get(url("projector", meeting)).status_code == 404
        assert client.get(url("projector-json", meeting)).status_code == 404
        assert client.post(url("office-floor-open", meeting), {"motion": 1}).status_code == 404
    client.logout()
    assert client.get(url("floor-vote", meeting)).status_code == 302


def test_vote_home_leads_to_the_sitting(client, sitting):
    client.force_login(sitting["users"][0])
    response = client.get(
        reverse("meetings:floor-vote-home", args=[sitting["meeting"].platform.slug])
    )
    assert response.status_code == 302
    assert response["Location"] == url("floor-vote", sitting["meeting"])


def test_attendance_table_scrolls_inside_itself(client, sitting, secretary):
    client.force_login(secretary)
    page = client.get(url("attendance", sitting["meeting"])).content.decode()
    assert '<div class="table-scroll">' in page


def test_the_sitting_cannot_close_with_a_motion_on_the_floor(sitting, secretary):
    meeting = sitting["meeting"]
    m = motion(meeting)
    services.motion_floor_open(actor=secretary, motion=m)
    with pytest.raises(ValidationError, match="close its vote before closing the sitting"):
        services.meeting_close(actor=secretary, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.ended_at is None
