"""Meetings, agenda and convocation."""

from __future__ import annotations

import datetime
from email.utils import formataddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.mail import render_text
from platforma.core.selectors import rules_in_force
from platforma.governance.models import Body
from platforma.governance.selectors import board_of_governance
from platforma.members.models import Representative
from platforma.members.selectors import members_in_good_standing

from ..calendar import meeting_ics
from ..models import AgendaDocument, AgendaItem, Convocation, Meeting
from ._common import LANGS, check_fields, ensure_open, moment
from .attendance import track_quorum


@transaction.atomic
def meeting_create(
    *,
    actor,
    body: Body,
    starts_at: datetime.datetime,
    kind: str = Meeting.Kind.ORDINARY,
    time_zone: str = "",
    place: str = "",
    online_url: str = "",
    vote_deadline: datetime.datetime | None = None,
    language: str = "",
    actor_label: str = "",
    **texts,
) -> Meeting:
    """Plan a meeting of ``body``; ``texts`` are title/place in each language (title_en ...)."""
    check_fields(texts, ("title", "place"), _("meeting"))
    if kind not in Meeting.Kind.values:
        raise ValidationError(_("Unknown kind of meeting: %s") % kind)
    if timezone.is_naive(starts_at):
        raise ValidationError(_("The start of a meeting needs a time zone."))
    if kind == Meeting.Kind.WRITTEN:
        if vote_deadline is None:
            raise ValidationError(_("A remote written vote needs a deadline."))
        if timezone.is_naive(vote_deadline) or vote_deadline <= starts_at:
            raise ValidationError(_("The deadline must be an aware time after the start."))
    elif not (place or online_url or any(k.startswith("place_") for k in texts)):
        raise ValidationError(_("Give a place or an online link for the meeting."))
    meeting = Meeting(
        platform=body.platform,
        body=body,
        kind=kind,
        starts_at=starts_at,
        time_zone=time_zone or body.platform.time_zone,
        place=place,
        online_url=online_url,
        vote_deadline=vote_deadline,
        language=language or settings.LANGUAGE_CODE,
        **texts,
    )
    meeting.full_clean()
    meeting.save()
    audit.record(
        "meetings.meeting.created",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={"after": audit.snapshot(meeting)},
    )
    return meeting


@transaction.atomic
def meeting_close(
    *, actor, meeting: Meeting, ended_at: datetime.datetime | None = None, actor_label: str = ""
) -> Meeting:
    """Record the end of the meeting; delegates still checked in leave with it."""
    ensure_open(meeting)
    ended_at = moment(ended_at)
    if ended_at <= meeting.starts_at:
        raise ValidationError(_("A meeting cannot end before it starts."))
    if meeting.ended_at:
        raise ValidationError(_("This meeting is already closed."))
    still_in = meeting.attendances.filter(left_at__isnull=True)
    count = still_in.update(left_at=ended_at)
    meeting.ended_at = ended_at
    meeting.save(update_fields=["ended_at", "updated_at"])
    track_quorum(meeting, ended_at)
    audit.record(
        "meetings.meeting.closed",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={"ended_at": ended_at, "checked_out": count},
    )
    return meeting


@transaction.atomic
def agenda_item_add(
    *,
    actor,
    meeting: Meeting,
    documents: list[dict] | None = None,
    position: int | None = None,
    actor_label: str = "",
    **texts,
) -> AgendaItem:
    """Append an item (title/description in each language) with documents: [{title, url}]."""
    ensure_open(meeting)
    check_fields(texts, ("title", "description"), _("agenda item"))
    if position is None:
        last = meeting.agenda.order_by("-position").first()
        position = (last.position + 1) if last else 1
    elif meeting.agenda.filter(position=position).exists():
        raise ValidationError(_("Another agenda item already has position %s.") % position)
    item = AgendaItem(meeting=meeting, position=position, **texts)
    item.full_clean()
    item.save()
    for doc in documents or []:
        unknown = set(doc) - ({"url", "file"} | {"title"} | {f"title_{lang}" for lang in LANGS})
        if unknown:
            raise ValidationError(_("Unknown document fields: %s") % ", ".join(sorted(unknown)))
        document = AgendaDocument(item=item, **doc)
        if not (document.url or document.file):
            raise ValidationError(_("A document needs a link or a file."))
        document.full_clean()
        document.save()
    audit.record(
        "meetings.agenda_item.added",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=meeting.platform,
        data={"after": audit.snapshot(item), "documents": documents or []},
    )
    return item


def convocation_recipients(meeting: Meeting, on: datetime.date) -> tuple[list[dict], list[str]]:
    """Who is convened: (people with an address, organisations without one).

    The General Assembly (and other bodies): each member in good standing's current primary
    representative. The Board: the holders of the mandates that compose it.
    """
    recipients: list[dict] = []
    missing: list[str] = []
    if meeting.body.kind == Body.Kind.BOARD:
        for mandate in board_of_governance(meeting.platform, on):
            if mandate.person.email:
                recipients.append(
                    {
                        "name": mandate.person.full_name,
                        "email": mandate.person.email,
                        "organisation": str(mandate.organisation),
                    }
                )
            else:
                missing.append(str(mandate.person))
        return recipients, missing
    members = list(members_in_good_standing(meeting.platform, on).select_related("organisation"))
    primaries = {
        r.organisation_id: r
        for r in Representative.objects.filter(
            organisation__in=[m.organisation_id for m in members],
            role=Representative.Role.PRIMARY,
            until__isnull=True,
        ).select_related("person")
    }
    for membership in members:
        rep = primaries.get(membership.organisation_id)
        if rep and rep.person.email:
            recipients.append(
                {
                    "name": rep.person.full_name,
                    "email": rep.person.email,
                    "organisation": str(membership.organisation),
                }
            )
        else:
            missing.append(str(membership.organisation))
    return recipients, missing


def notice_required(meeting: Meeting) -> int:
    notice = rules_in_force(meeting.platform, meeting.date).notice_days
    # TODO(statute): no notice key for remote written votes yet; they take the ordinary one.
    return int(notice.get(meeting.kind, notice.get("ordinary", 14)))


@transaction.atomic
def convocation_send(
    *,
    actor,
    meeting: Meeting,
    sent_at: datetime.datetime | None = None,
    deliver: bool = True,
    meeting_url: str = "",
    actor_label: str = "",
) -> Convocation:
    """Convene the meeting: e-mail each person entitled (agenda + .ics) and check the notice.

    A convocation shorter than the statute's notice period is recorded and flagged late, not
    refused: the body may still meet, and the minutes will say so. ``deliver=False`` records a
    convocation sent by other means (e.g. for past meetings).
    """
    ensure_open(meeting)
    sent_at = moment(sent_at)
    if sent_at >= meeting.starts_at:
        raise ValidationError(_("A meeting cannot be convened after it has started."))
    sent_day = sent_at.astimezone(meeting.tz).date()
    required = notice_required(meeting)
    given = (meeting.date - sent_day).days
    recipients, missing = convocation_recipients(meeting, sent_day)
    if not recipients and deliver:
        raise ValidationError(_("Nobody with an e-mail address can be convened."))
    convocation = Convocation.objects.create(
        meeting=meeting,
        sent_at=sent_at,
        notice_days_required=required,
        notice_days_given=given,
        is_late=given < required,
        recipients=recipients,
        without_address=missing,
        delivered=deliver,
    )
    if deliver:
        _deliver(meeting, convocation, meeting_url)
    audit.record(
        "meetings.convocation.sent",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={
            "convocation": convocation.pk,
            "recipients": len(recipients),
            "without_address": missing,
            "notice_days_required": required,
            "notice_days_given": given,
            "late": convocation.is_late,
            "delivered": deliver,
        },
    )
    return convocation


def _deliver(meeting: Meeting, convocation: Convocation, meeting_url: str) -> None:
    agenda = list(meeting.agenda.prefetch_related("documents"))
    with translation.override(meeting.language):
        context = {
            "meeting": meeting,
            "agenda": agenda,
            "convocation": convocation,
            "meeting_url": meeting_url,
        }
        subject = _("Convocation: %(title)s") % {"title": meeting.title}
        body = render_text("meetings/email/convocation.txt", context)
        agenda_text = "\n".join(str(item) for item in agenda)
        ics = meeting_ics(meeting, agenda_text=agenda_text, url=meeting_url)
    messages = []
    for person in convocation.recipients:
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=meeting.platform.email or settings.DEFAULT_FROM_EMAIL,
            to=[formataddr((person["name"], person["email"]))],
        )
        message.attach("invitation.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
        messages.append(message)
    get_connection().send_messages(messages)
