"""Reads of notices: who is told of an election's move, and a person's own notices."""

from __future__ import annotations

from django.db.models import F, QuerySet

from platforma.core.models import Person
from platforma.elections import selectors as election_selectors
from platforma.elections.models import Election, Elector, VoterRecord
from platforma.members.models import Representative

from .models import Event, Notice, NotificationPreference

RECENT = 20


def voting_organisations(election: Election) -> set[int]:
    """The organisations (ids) with a vote in ``election``: the roll taken when voting opened,
    or, before, the members in good standing on the day voting opens (the elections' rule)."""
    roll = set(Elector.objects.filter(election=election).values_list("organisation", flat=True))
    if roll:
        return roll
    return set(election_selectors.electorate(election).values_list("organisation", flat=True))


def recipients(election: Election, event: str) -> list[Person]:
    """The people to tell of ``event``: the current representatives (primary and alternate)
    of the organisations with a vote; for the reminder, only of those that have not voted.
    Each person once, with their preference (if any) read in the same query."""
    organisations = voting_organisations(election)
    if event == Event.VOTING_CLOSING:
        organisations -= set(
            VoterRecord.objects.filter(election=election).values_list("organisation", flat=True)
        )
    if not organisations:
        return []
    people = Representative.objects.filter(
        organisation__in=organisations, until__isnull=True
    ).values("person")
    return list(
        Person.objects.filter(pk__in=people)
        .select_related("notification_preference")
        .order_by("pk")
    )


def person_of(user) -> Person | None:
    """The person record of a signed-in ``user`` (None: none, or not signed in)."""
    if not user or not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def notices_for(user, *, limit: int | None = RECENT) -> QuerySet[Notice]:
    """``user``'s own notices, unread first, newest first, with their election and platform."""
    notices = (
        Notice.objects.filter(person__user=user)
        .select_related("election", "platform")
        .order_by(F("read_at").asc(nulls_first=True), "-created_at", "-id")
    )
    return notices[:limit] if limit else notices


def unread_count(user) -> int:
    if not user or not user.is_authenticated:
        return 0
    return Notice.objects.filter(person__user=user, read_at__isnull=True).count()


def notice_of(user, pk: int) -> Notice | None:
    """``user``'s notice ``pk``; None for anyone else's (the page answers 404)."""
    if not user or not user.is_authenticated:
        return None
    return Notice.objects.filter(person__user=user, pk=pk).first()


def preference_for(person: Person) -> NotificationPreference:
    """``person``'s preference, or the default (everything by e-mail), unsaved."""
    found = NotificationPreference.objects.filter(person=person).first()
    return found or NotificationPreference(person=person)
