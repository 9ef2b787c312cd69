"""Telling representatives that an election moved: notices on their page, e-mail if they want.

:func:`notices_send` is the one writer of notices. It runs after the election's move has
committed (``receivers``, through the ``notify_election`` task) and from the reminder command;
it writes each person's notice and queues their e-mail (``core.mail``) in one transaction, and
skips whoever already has the notice, so running it again tells nobody twice.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core.mail import absolute_url, send_templated
from platforma.core.models import Person, Platform
from platforma.core.personal_data import normalise
from platforma.core.types import Actor
from platforma.elections.models import Election
from platforma.outreach.models import MailLanguage

from . import selectors as sel
from .models import Event, Notice, NotificationPreference

# The reminder goes out once voting closes within this time (and the vote is open).
REMIND_BEFORE = datetime.timedelta(days=1)

# The state an event's notice is true in: a worker that runs late (or the demo loader, whose
# past election is published before its moves' tasks run) never says that voting is open
# once it has closed.
TRUE_WHILE = {
    Event.NOMINATIONS_OPENED: Election.State.NOMINATIONS,
    Event.VOTING_OPENED: Election.State.VOTING,
    Event.VOTING_CLOSING: Election.State.VOTING,
    Event.RESULT_PUBLISHED: Election.State.PUBLISHED,
}

# What the elections' move (``lifecycle.election_moved``) is called here.
MOVES = {
    "nominations_opened": Event.NOMINATIONS_OPENED,
    "voting_opened": Event.VOTING_OPENED,
    "published": Event.RESULT_PUBLISHED,
}


def closing_time(election: Election, language: str) -> str:
    """When voting closes, in the platform's time zone, written for ``language``."""
    zone = zoneinfo.ZoneInfo(election.platform.time_zone)
    with translation.override(language):
        return date_format(timezone.localtime(election.voting_closes_at, zone), "DATETIME_FORMAT")


def _preference(person: Person) -> NotificationPreference | None:
    try:
        return person.notification_preference  # the reverse one-to-one; raises when none
    except ObjectDoesNotExist:
        return None


def _languages(platform: Platform, people: list[Person]) -> dict[int, str]:
    """Each person's language: the one they chose for these notices, else the one they chose
    for the platform's mail (outreach), else the platform's main language (where platforms
    have one), else the site's default."""
    chosen_for_mail = dict(
        MailLanguage.objects.filter(
            platform=platform, email__in=[normalise(p.email) for p in people if p.email]
        ).values_list("email", "language")
    )
    known = set(languages.codes())
    default = getattr(platform, "main_language", "") or settings.LANGUAGE_CODE
    result = {}
    for person in people:
        preference = _preference(person)
        language = (preference.language if preference else "") or chosen_for_mail.get(
            normalise(person.email), ""
        )
        result[person.pk] = language if language in known else default
    return result


def _email(election: Election, event: str, person: Person, language: str) -> int:
    platform = election.platform
    return send_templated(
        to=[person.email],
        language=language,
        template=f"notifications/email/{event}",
        platform=platform,
        purpose=f"notice_{event}",
        context={
            "person": person,
            "election": election,
            "platform": platform,
            "closes": closing_time(election, language),
            "time_zone": platform.time_zone,
            "url": absolute_url(
                "elections:election-detail", language=language, args=[platform.slug, election.pk]
            ),
            "preferences_url": absolute_url("notifications:preferences", language=language),
        },
    )


@transaction.atomic
def notices_send(*, election_id: int, event: str) -> int:
    """Tell the representatives with a vote in the election of ``event``; returns how many
    people were told now (0 on a rerun, or once the election has moved on: ``TRUE_WHILE``)."""
    if event not in Event.values:
        raise ValidationError(_("Unknown notice: %s") % event)
    # The election's row, locked, keeps two runs for one election (a retried task beside the
    # cron command) from writing the same notices at once.
    election = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform")
        .get(pk=election_id)
    )
    if election.state != TRUE_WHILE[Event(event)]:
        return 0
    told = set(
        Notice.objects.filter(election=election, event=event).values_list("person", flat=True)
    )
    people = [p for p in sel.recipients(election, event) if p.pk not in told]
    if not people:
        return 0
    language_of = _languages(election.platform, people)
    notices = []
    emails = 0
    for person in people:
        preference = _preference(person)
        wanted = preference is None or preference.wants_email(event)
        sent = _email(election, event, person, language_of[person.pk]) if wanted else 0
        emails += sent
        notices.append(
            Notice(
                platform=election.platform,
                person=person,
                election=election,
                event=event,
                emailed=bool(sent),
            )
        )
    Notice.objects.bulk_create(notices)
    audit.record(
        "notifications.notices.sent",
        actor_label="notifications",
        target=election,
        data={"event": event, "notices": len(notices), "emails": emails},
    )
    return len(notices)


def reminders_send(*, now: datetime.datetime | None = None) -> dict[int, int]:
    """The reminder to the representatives whose organisation has not voted, for each open
    vote that closes within a day; by election id, how many were told now. Safe to run as
    often as you like (the cron command, every ~15 minutes)."""
    now = now or timezone.now()
    due = Election.objects.filter(
        state=Election.State.VOTING,
        voting_opens_at__lte=now,
        voting_closes_at__gt=now,
        voting_closes_at__lte=now + REMIND_BEFORE,
    ).order_by("voting_closes_at", "pk")
    return {
        pk: notices_send(election_id=pk, event=Event.VOTING_CLOSING)
        for pk in due.values_list("pk", flat=True)
    }


def _own(actor: Actor, notice: Notice) -> None:
    if actor is None or notice.person.user_id != actor.pk:
        raise PermissionDenied(_("This notice is someone else's."))


@transaction.atomic
def notice_mark_read(*, actor: Actor, notice: Notice) -> Notice:
    """``actor`` has read their ``notice`` (again: nothing changes)."""
    notice = (
        Notice.objects.select_for_update().select_related("person", "platform").get(pk=notice.pk)
    )
    _own(actor, notice)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
        audit.record(
            "notifications.notice.read",
            actor=actor,
            target=notice,
            platform=notice.platform,
            data={"event": notice.event, "election": notice.election_id},
        )
    return notice


@transaction.atomic
def notices_mark_all_read(*, actor: Actor) -> int:
    """Every unread notice of ``actor`` is read; how many."""
    person = sel.person_of(actor)
    if person is None:
        return 0
    unread = Notice.objects.filter(person=person, read_at__isnull=True)
    count = unread.update(read_at=timezone.now())
    if count:
        audit.record(
            "notifications.notices.all_read",
            actor=actor,
            target=person,
            data={"notices": count},
            **audit.home_of(person),
        )
    return count


@transaction.atomic
def notification_preference_update(
    *, actor: Actor, person: Person, language: str = "", **wanted: Any
) -> NotificationPreference:
    """Which notices ``person`` (the actor's own) gets by e-mail, and in which language."""
    if actor is None or person.user_id != actor.pk:
        raise PermissionDenied(_("These are someone else's notification settings."))
    unknown = set(wanted) - set(Event.values)
    if unknown:
        raise ValidationError(_("Unknown notices: %s") % ", ".join(sorted(unknown)))
    if language and language not in languages.codes():
        raise ValidationError(_("Unknown language: %s") % language)
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(
        person=person
    )
    before = audit.snapshot(preference)
    for name, value in wanted.items():
        setattr(preference, name, bool(value))
    preference.language = language
    preference.save()
    changed = audit.diff(before, audit.snapshot(preference))
    if changed:
        audit.record(
            "notifications.preference.updated",
            actor=actor,
            target=person,
            data={"changes": changed},
            **audit.home_of(person),
        )
    return preference
