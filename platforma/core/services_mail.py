"""The outbox seen and handled by the secretariat: what a platform's mail became, and "Retry".

A platform's secretariat sees its platform's mail; the Forum's secretariat sees every platform's
and the Forum's or the system's own (``platform`` None: password resets, Forum mail).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from . import audit
from .models import OutgoingMail, Platform
from .permissions import can_manage_platform, is_forum_secretariat
from .types import Actor, AnyUser

S = OutgoingMail.Status


def outgoing_mail_of(
    user: AnyUser, platform: Platform | None, *, status: str = ""
) -> QuerySet[OutgoingMail]:
    """``platform``'s outbox (None: the Forum's and the system's), newest first, for ``user``:
    nothing unless ``user`` manages it."""
    if platform is None:
        allowed = is_forum_secretariat(user)
    else:
        allowed = bool(user.is_authenticated) and can_manage_platform(user, platform)
    if not allowed:
        return OutgoingMail.objects.none()
    mails = OutgoingMail.objects.filter(platform=platform).defer("body", "attachments")
    if status in S.values:
        mails = mails.filter(status=status)
    return mails.order_by("-created_at", "-pk")


@transaction.atomic
def outgoing_mail_retry(*, actor: Actor, platform: Platform | None, mail_id: int) -> OutgoingMail:
    """Send a failed mail again: back in the queue with five new attempts.

    The mail is looked up within ``platform``'s outbox (another's is not found); only a failed
    mail may be retried (a queued one is on its way, a sent one has arrived).
    """
    if actor is not None:
        if platform is None and not is_forum_secretariat(actor):
            raise PermissionDenied(_("Only the Forum's secretariat handles the Forum's mail."))
        if platform is not None and not can_manage_platform(actor, platform):
            raise PermissionDenied(_("You do not manage this platform."))
    mail = OutgoingMail.objects.select_for_update().filter(platform=platform, pk=mail_id).first()
    if mail is None:
        raise Http404("No such mail")
    if mail.status != S.FAILED:
        raise ValidationError(_("Only a mail that failed can be sent again."))
    previous = {"attempts": mail.attempts, "last_error": mail.last_error}
    mail.status = S.QUEUED
    mail.attempts = 0
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "attempts", "next_attempt_at"])
    from .tasks import deliver

    deliver.enqueue(mail.pk)
    audit.record(
        "core.mail.retried",
        actor=actor,
        target=mail,
        platform=platform,
        forum=platform is None,
        data={"to": mail.to, "subject": mail.subject, **previous},
    )
    mail.refresh_from_db()
    return mail
