"""Minutes: the secretary's narrative beside the generated record; approval locks them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import today_in
from platforma.core.services import SeenVersion, check_version
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from ..models import Meeting, Minutes


@transaction.atomic
def minutes_update(
    *,
    actor: Actor,
    meeting: Meeting,
    narrative: str | None = None,
    secretary: str | None = None,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
) -> Minutes:
    """Write the narrative part of the minutes (the record itself is generated, never typed).

    ``seen_version``: what the form read (of empty minutes, before the first save); a change
    made since refuses the save (``core.services.StaleEdit``)."""
    require_manage(actor, meeting)
    minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
    if minutes.is_locked:
        raise ValidationError(_("These minutes are approved and can no longer be changed."))
    check_version(minutes, seen_version)
    before = audit.snapshot(minutes, ["narrative", "secretary"])
    if narrative is not None:
        minutes.narrative = narrative
    if secretary is not None:
        minutes.secretary = secretary
    minutes.full_clean()
    minutes.save()
    changes = audit.diff(before, audit.snapshot(minutes, ["narrative", "secretary"]))
    audit.record(
        "meetings.minutes.updated",
        actor=actor,
        actor_label=actor_label,
        target=minutes,
        platform=meeting.platform,
        data={"changes": changes},
    )
    return minutes


@transaction.atomic
def minutes_approve(
    *, actor: Actor, meeting: Meeting, at_meeting: Meeting, actor_label: str = ""
) -> Minutes:
    """Approve the minutes at a later meeting of the same body; from then on they are locked.

    The approving meeting must have taken place: an approval is never dated in the future.
    """
    require_manage(actor, meeting, at_meeting)
    minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
    if minutes.is_locked:
        raise ValidationError(_("These minutes are already approved."))
    if at_meeting.body_id != meeting.body_id or at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError(_("Minutes are approved at a later meeting of the same body."))
    if at_meeting.date > today_in(meeting.platform):
        raise ValidationError(
            _("Minutes are approved at a meeting that has taken place, not at a future one.")
        )
    if meeting.motions.filter(status="open").exists():
        raise ValidationError(_("A motion of this meeting is still open for voting."))
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at_meeting = at_meeting
    minutes.approved_on = at_meeting.date
    minutes.save()
    audit.record(
        "meetings.minutes.approved",
        actor=actor,
        actor_label=actor_label,
        target=minutes,
        platform=meeting.platform,
        data={"approved_at_meeting": at_meeting, "approved_on": minutes.approved_on},
    )
    return minutes
