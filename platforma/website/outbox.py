"""The secretariat's "Outgoing mail" page: what each e-mail of the platform became (queued,
sent, failed with the error) and "Retry" for a failed one. ``/forum/office/mail/`` is the
Forum's and the system's own mail (password resets), for the Forum's secretariat."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from platforma.core.models import OutgoingMail, Platform
from platforma.core.office import FORUM_SLUG, office_view, report
from platforma.core.services_mail import outgoing_mail_of, outgoing_mail_retry

PER_PAGE = 50

# What each e-mail is for, as the secretariat says it (``OutgoingMail.purpose`` is a code).
PURPOSES = {
    "application_receipt": gettext_lazy("Application received"),
    "recommendation_request": gettext_lazy("Recommendation request"),
    "application_decided": gettext_lazy("Decision on an application"),
    "appeal_decided": gettext_lazy("Decision on an appeal"),
    "appeal_lodged": gettext_lazy("Appeal lodged"),
    "membership_appeal_decided": gettext_lazy("Decision on an appeal"),
    "privacy_link": gettext_lazy("Your data: the link"),
    "privacy_erasure_waiting": gettext_lazy("Request for erasure waiting"),
    "privacy_erasure": gettext_lazy("Request for erasure decided"),
    "representative_invitation": gettext_lazy("Invitation of a representative"),
    "teller_appointed": gettext_lazy("Teller appointed"),
    "convocation": gettext_lazy("Convocation"),
    "password reset": gettext_lazy("Password reset"),
    "event confirm_address": gettext_lazy("Event: confirm the address"),
    "event confirmed": gettext_lazy("Event: seat confirmed"),
    "event waitlisted": gettext_lazy("Event: on the waitlist"),
    "event promoted": gettext_lazy("Event: seat from the waitlist"),
    "event cancelled": gettext_lazy("Event: cancelled"),
    "event message": gettext_lazy("Event: message to registrants"),
    "delegate_outcome": gettext_lazy("Outcome of a delegate application"),
}


def purpose_label(purpose: str) -> str:
    if purpose in PURPOSES:
        return str(PURPOSES[purpose])
    if purpose.startswith("mailing test "):
        return _("Mailing: test message")
    if purpose.startswith("mailing "):
        return _("Mailing")
    if purpose.startswith("distribution "):
        return _("Publication sent to stakeholders")
    return purpose.replace("_", " ")


@office_view(forum=True)
def outgoing_mail_list(request: HttpRequest, platform: Platform | None) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in OutgoingMail.Status.values else ""
    mails = outgoing_mail_of(request.user, platform, status=status)
    page = Paginator(mails, PER_PAGE).get_page(request.GET.get("page"))
    for mail in page.object_list:
        mail.purpose_label = purpose_label(mail.purpose)
    context = {
        "platform": platform,
        "slug": platform.slug if platform else FORUM_SLUG,
        "page": page,
        "statuses": OutgoingMail.Status.choices,
        "status": status,
    }
    return render(request, "website/office/outgoing_mail_list.html", context)


@require_POST
@office_view(forum=True)
def outgoing_mail_retry_view(
    request: HttpRequest, platform: Platform | None, pk: int
) -> HttpResponse:
    try:
        outgoing_mail_retry(actor=request.user, platform=platform, mail_id=pk)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The mail is queued to be sent again."))
    slug = platform.slug if platform else FORUM_SLUG
    return redirect(reverse("website:office-mail-list", args=[slug]))
