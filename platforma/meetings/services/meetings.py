"""Meetings, agenda and convocation."""

from __future__ import annotations

import datetime
import functools
from email.utils import formataddr
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.mail import queue, render_text
from platforma.core.selectors import rules_in_force
from platforma.core.services import SeenVersion, check_version, lock_and_check
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.core.uploads import check_upload, stored_name
from platforma.governance.models import Body, Mandate
from platforma.governance.selectors import board_of_governance, steering_committee
from platforma.members.models import Representative
from platforma.members.selectors import members_in_good_standing

from ..calendar import meeting_ics
from ..models import AgendaDocument, AgendaItem, Convocation, Meeting
from ._common import (
    LANGS,
    check_fields,
    ensure_open,
    local,
    moment,
    not_future,
    opens_before,
    translated,
)
from .attendance import track_quorum

EDITABLE = (
    "body",
    "kind",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "vote_deadline",
    "language",
)
# What no longer changes once the sitting is open: the record was taken against them.
FIXED_ONCE_OPEN = ("body", "kind", "starts_at", "time_zone")


def _check_meeting(meeting: Meeting) -> None:
    """The rules of a meeting's time and place, for creation and every edit."""
    if meeting.body_id is None:
        raise ValidationError(_("Choose the body that meets."))
    if meeting.kind not in Meeting.Kind.values:
        raise ValidationError(_("Unknown kind of meeting: %s") % meeting.kind)
    if meeting.starts_at is None or timezone.is_naive(meeting.starts_at):
        raise ValidationError(_("The start of a meeting needs a time zone."))
    if meeting.ends_at is not None and (
        timezone.is_naive(meeting.ends_at) or meeting.ends_at <= meeting.starts_at
    ):
        raise ValidationError(_("A meeting ends after it starts."))
    if meeting.kind == Meeting.Kind.WRITTEN:
        deadline = meeting.vote_deadline
        if deadline is None:
            raise ValidationError(_("A remote written vote needs a deadline."))
        if timezone.is_naive(deadline) or deadline <= meeting.starts_at:
            raise ValidationError(_("The deadline must be an aware time after the start."))
    else:
        places = [meeting.place, meeting.online_url] + [
            getattr(meeting, f"place_{lang}", "") for lang in LANGS
        ]
        if not any(places):
            raise ValidationError(_("Give a place or an online link for the meeting."))
    if meeting.body.platform_id != meeting.platform_id:
        raise ValidationError(_("The body belongs to another platform."))


def _attname(name: str) -> str:
    field = Meeting._meta.get_field(name)
    assert isinstance(field, models.Field)  # a concrete field of the meeting
    return field.attname


@transaction.atomic
def meeting_create(
    *,
    actor: Actor,
    body: Body,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    kind: str = Meeting.Kind.ORDINARY,
    time_zone: str = "",
    place: str = "",
    online_url: str = "",
    vote_deadline: datetime.datetime | None = None,
    language: str = "",
    actor_label: str = "",
    **texts: str,
) -> Meeting:
    """Plan a meeting of ``body``; ``texts`` are title/place in each language (title_en ...).

    The meeting belongs to its body's platform, and takes the platform's time zone unless told.
    """
    require_manage(actor, body)
    check_fields(texts, ("title", "place"), _("meeting"))
    meeting = Meeting(
        platform=body.platform,
        body=body,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone or body.platform.time_zone,
        place=place,
        online_url=online_url,
        vote_deadline=vote_deadline if kind == Meeting.Kind.WRITTEN else None,
        language=language or settings.LANGUAGE_CODE,
        **texts,
    )
    _check_meeting(meeting)
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
def meeting_update(
    *,
    actor: Actor,
    meeting: Meeting,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Meeting:
    """Change a meeting's body, kind, time, place, link, language or texts (title_en ...).

    Once its sitting is open, its body, kind and start are what the record was taken against
    and no longer change. A new start after a convocation calls for a new convocation: the
    audit entry says so, and the page tells the secretariat. ``seen_version``: what the edit
    form read; a change made since refuses the save (``core.services.StaleEdit``).
    """
    require_manage(actor, meeting, changes.get("body"))
    ensure_open(meeting)
    unknown = set(changes) - set(EDITABLE) - translated(("title", "place"))
    if unknown:
        raise ValidationError(
            _("Unknown %(what)s fields: %(fields)s")
            % {"what": _("meeting"), "fields": ", ".join(sorted(unknown))}
        )
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("platform", "body")
        .get(pk=meeting.pk)
    )
    check_version(meeting, seen_version)
    before = audit.snapshot(meeting)
    for name, value in changes.items():
        nullable = name in ("vote_deadline", "ends_at", "body")
        setattr(meeting, name, value if value is not None or nullable else "")
    if meeting.kind != Meeting.Kind.WRITTEN:
        meeting.vote_deadline = None
    if meeting.opened_at is not None:
        moved = [
            name
            for name in FIXED_ONCE_OPEN
            if audit.snapshot(meeting).get(_attname(name)) != before.get(_attname(name))
        ]
        if moved:
            raise ValidationError(
                _("The sitting is open: the meeting's body, kind and start can no longer change.")
            )
    _check_meeting(meeting)
    meeting.full_clean()
    meeting.save()
    after = audit.snapshot(meeting)
    changed = audit.diff(before, after)
    reconvene = "starts_at" in changed and meeting.convocations.exists()
    audit.record(
        "meetings.meeting.updated",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={"changes": changed, "convened_before_the_change": reconvene},
    )
    meeting.needs_new_convocation = reconvene
    return meeting


@transaction.atomic
def meeting_open(
    *, actor: Actor, meeting: Meeting, at: datetime.datetime | None = None, actor_label: str = ""
) -> Meeting:
    """Open the sitting: from then on delegates check in, votes are taken and decisions made.

    Allowed from ``PLATFORMA_SITTING_OPENS_BEFORE_MINUTES`` (default 60) before the start, and
    never at a time still to come.
    """
    require_manage(actor, meeting)
    ensure_open(meeting)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("platform", "body")
        .get(pk=meeting.pk)
    )
    at = moment(at)
    not_future(at)
    if meeting.opened_at is not None:
        raise ValidationError(
            _("The sitting is already open (since %(opened)s).")
            % {"opened": local(meeting, meeting.opened_at)}
        )
    if meeting.ended_at is not None:
        raise ValidationError(_("This meeting is closed."))
    earliest = meeting.starts_at - opens_before()
    if at < earliest:
        raise ValidationError(
            _("The sitting can be opened from %(earliest)s (%(minutes)s minutes before its start).")
            % {
                "earliest": local(meeting, earliest),
                "minutes": int(opens_before().total_seconds() // 60),
            }
        )
    meeting.opened_at = at
    meeting.save(update_fields=["opened_at", "updated_at"])
    audit.record(
        "meetings.meeting.opened",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={"opened_at": at},
    )
    return meeting


@transaction.atomic
def meeting_close(
    *,
    actor: Actor,
    meeting: Meeting,
    ended_at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Meeting:
    """Record the end of the sitting; delegates still checked in leave with it."""
    require_manage(actor, meeting)
    ensure_open(meeting)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("platform", "body")
        .get(pk=meeting.pk)
    )
    ended_at = moment(ended_at)
    not_future(ended_at)
    if meeting.ended_at:
        raise ValidationError(_("This meeting is already closed."))
    if meeting.opened_at is None:
        raise ValidationError(_("The sitting was never opened: there is nothing to close."))
    if ended_at <= meeting.starts_at or ended_at < meeting.opened_at:
        raise ValidationError(_("A meeting cannot end before it starts."))
    on_floor = meeting.motions.filter(
        floor_opened_at__isnull=False, floor_closed_at__isnull=True
    ).first()
    if on_floor is not None:
        raise ValidationError(
            _("“%(title)s” is on the floor: close its vote before closing the sitting.")
            % {"title": on_floor.title}
        )
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


def _document(item: AgendaItem, doc: dict[str, Any]) -> AgendaDocument:
    """A checked, unsaved document of ``item``: a link, or an upload judged by its content."""
    unknown = set(doc) - ({"url", "file", "title"} | {f"title_{lang}" for lang in LANGS})
    if unknown:
        raise ValidationError(_("Unknown document fields: %s") % ", ".join(sorted(unknown)))
    doc = dict(doc)
    upload = doc.pop("file", None)
    if bool(upload) == bool(doc.get("url")):
        raise ValidationError(_("A document needs a link or a file (one of them)."))
    if not any(doc.get(k) for k in ("title", *(f"title_{lang}" for lang in LANGS))):
        raise ValidationError(_("A document needs a title."))
    document = AgendaDocument(item=item, **doc)
    if upload:
        kind = check_upload(upload)
        document.file.save(stored_name(upload.name, kind), upload, save=False)
    document.full_clean()
    return document


@transaction.atomic
def agenda_item_add(
    *,
    actor: Actor,
    meeting: Meeting,
    documents: list[dict[str, Any]] | None = None,
    position: int | None = None,
    actor_label: str = "",
    **texts: str,
) -> AgendaItem:
    """Append an item (title/description in each language) with documents: [{title, url}]."""
    require_manage(actor, meeting)
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
        _document(item, doc).save()
    audit.record(
        "meetings.agenda_item.added",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=meeting.platform,
        data={"after": audit.snapshot(item), "documents": documents or []},
    )
    return item


@transaction.atomic
def agenda_item_update(
    *,
    actor: Actor,
    item: AgendaItem,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **texts: str,
) -> AgendaItem:
    """Change an item's title and description (in each language); ``seen_version``: what the
    edit form read (a change made since refuses the save)."""
    require_manage(actor, item)
    ensure_open(item.meeting)
    check_fields(texts, ("title", "description"), _("agenda item"))
    lock_and_check(item, seen_version)
    before = audit.snapshot(item)
    for name, value in texts.items():
        setattr(item, name, value or "")
    item.full_clean()
    item.save()
    audit.record(
        "meetings.agenda_item.updated",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=item.meeting.platform,
        data={"changes": audit.diff(before, audit.snapshot(item))},
    )
    return item


def _renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    """Give ``ordered`` the positions 1..n without ever holding two items at one position."""
    top = max([i.position for i in ordered] + [0]) + len(ordered) + 1
    for offset, item in enumerate(ordered):  # out of the way first (unique positions)
        AgendaItem.objects.filter(pk=item.pk).update(position=top + offset)
    for number, item in enumerate(ordered, start=1):
        AgendaItem.objects.filter(pk=item.pk).update(position=number)
        item.position = number


@transaction.atomic
def agenda_item_move(
    *,
    actor: Actor,
    item: AgendaItem,
    to: int | None = None,
    direction: str = "",
    actor_label: str = "",
) -> AgendaItem:
    """Move an item one place ``up``/``down``, or to position ``to`` (1 = first)."""
    require_manage(actor, item)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("platform")
        .get(pk=item.meeting_id)
    )
    ensure_open(meeting)
    items = list(meeting.agenda.order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    if direction == "up":
        target = index - 1
    elif direction == "down":
        target = index + 1
    elif to is not None:
        target = int(to) - 1
    else:
        raise ValidationError(_("Say where the item goes: up, down or a position."))
    if not 0 <= target < len(items):
        raise ValidationError(
            _("An agenda of %(n)s items has positions 1 to %(n)s.") % {"n": len(items)}
        )
    before = items[index].position
    moving = items.pop(index)
    items.insert(target, moving)
    _renumber(meeting, items)
    audit.record(
        "meetings.agenda_item.moved",
        actor=actor,
        actor_label=actor_label,
        target=moving,
        platform=meeting.platform,
        data={"before": before, "after": moving.position},
    )
    return moving


@transaction.atomic
def agenda_item_remove(*, actor: Actor, item: AgendaItem, actor_label: str = "") -> None:
    """Take an item off the agenda (with its documents); the items after it move up."""
    require_manage(actor, item)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("platform")
        .get(pk=item.meeting_id)
    )
    ensure_open(meeting)
    if item.motions.exists():
        raise ValidationError(
            _("Motions were put under “%(item)s”: it stays on the agenda.") % {"item": item}
        )
    snapshot = audit.snapshot(item)
    files = [d.file for d in item.documents.all() if d.file]
    item.delete()
    _renumber(meeting, list(meeting.agenda.order_by("position", "id")))
    for field in files:
        transaction.on_commit(functools.partial(field.storage.delete, field.name))
    audit.record(
        "meetings.agenda_item.removed",
        actor=actor,
        actor_label=actor_label,
        target=meeting,
        data={"removed": snapshot},
    )


@transaction.atomic
def agenda_document_add(
    *,
    actor: Actor,
    item: AgendaItem,
    url: str = "",
    file: File[Any] | None = None,
    actor_label: str = "",
    **titles: str,
) -> AgendaDocument:
    """Attach a link or an uploaded file to an agenda item.

    An upload's type is judged from its content (PDF, ODT, DOCX, JPEG, PNG), its size is
    limited, and its stored name's extension follows the content (core.uploads).
    """
    require_manage(actor, item)
    ensure_open(item.meeting)
    doc: dict[str, Any] = {"url": url, **titles}
    if file:
        doc["file"] = file
    document = _document(item, doc)
    document.save()
    audit.record(
        "meetings.agenda_document.added",
        actor=actor,
        actor_label=actor_label,
        target=document,
        platform=item.meeting.platform,
        data={"after": audit.snapshot(document)},
    )
    return document


@transaction.atomic
def agenda_document_remove(
    *, actor: Actor, document: AgendaDocument, actor_label: str = ""
) -> None:
    require_manage(actor, document)
    item = document.item
    ensure_open(item.meeting)
    snapshot = audit.snapshot(document)
    field = document.file
    document.delete()
    if field:
        transaction.on_commit(lambda: field.storage.delete(field.name))
    audit.record(
        "meetings.agenda_document.removed",
        actor=actor,
        actor_label=actor_label,
        target=item,
        platform=item.meeting.platform,
        data={"removed": snapshot},
    )


def convocation_recipients(
    meeting: Meeting, on: datetime.date
) -> tuple[list[dict[str, Any]], list[str]]:
    """Who is convened: (people with an address, organisations without one).

    The General Assembly (and other bodies): each member in good standing's current primary
    representative. The Board and the Forum's Steering Committee: the holders of the mandates
    that compose it.
    """
    recipients: list[dict[str, Any]] = []
    missing: list[str] = []
    holders: list[Mandate] | None = None
    if meeting.body.kind == Body.Kind.BOARD:
        holders = board_of_governance(meeting.platform, on)
    elif meeting.platform.is_forum and meeting.body.kind == Body.Kind.STEERING_COMMITTEE:
        holders = [seat.mandate for seat in steering_committee(on)]
    if holders is not None:
        for mandate in holders:
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
    actor: Actor,
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
    # Queued in the convocation's transaction: the convocation and every message commit
    # together or not at all; the worker sends them after the commit (core.mail.queue).
    for message in messages:
        queue(message, platform=meeting.platform, purpose="convocation")
