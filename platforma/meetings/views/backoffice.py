"""Back-office pages of a meeting: simple server-rendered forms that call the services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from platforma.core.mail import absolute_url
from platforma.core.office import office_view

from .. import selectors, services
from ..forms import (
    CheckInForm,
    ConfirmForm,
    MotionForm,
    PaperTotalsForm,
    ProxyForm,
    TotalsForm,
    VotesForm,
)
from ..models import Motion, Proxy
from ..services._common import opens_before
from ..services.explain import explain_motion
from ._helpers import report
from .floor import floor_payload


def _meeting_url(name: str, meeting, **extra) -> str:
    return reverse(f"meetings:{name}", args=[meeting.platform.slug, meeting.pk, *extra.values()])


@office_view
def meeting_list(request, platform):
    meetings = selectors.meetings_of(platform)
    return render(
        request, "meetings/meeting_list.html", {"platform": platform, "meetings": meetings}
    )


@office_view
def meeting_detail(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    earliest = meeting.starts_at - opens_before()
    context = {
        "platform": platform,
        "meeting": meeting,
        "agenda": meeting.agenda.prefetch_related("documents"),
        "convocations": meeting.convocations.all(),
        "quorum": selectors.quorum_now(meeting),
        "motions": meeting.motions.all(),
        "opens_from": earliest,
        "can_open": meeting.opened_at is None
        and meeting.ended_at is None
        and timezone.now() >= earliest,
        "confirm_form": ConfirmForm(),
    }
    if meeting.kind != meeting.Kind.WRITTEN:
        on_floor = selectors.floor_motion(meeting)
        context |= {
            "floor_motion": on_floor,
            "floor_text": floor_payload(meeting)["text"] if on_floor else "",
            "floor_candidates": [
                m
                for m in context["motions"]
                if m.status == Motion.Status.OPEN and m.floor_closed_at is None
            ],
            "paper_form": PaperTotalsForm(),
            "floor_enabled": True,
        }
    return render(request, "meetings/meeting_detail.html", context)


@require_POST
@office_view
def meeting_convene(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    if not ConfirmForm(request.POST).is_valid():
        messages.error(request, _("Tick “I confirm” to send the convocation: it cannot be unsent."))
        return redirect(_meeting_url("meeting-detail", meeting))
    try:
        convocation = services.convocation_send(
            actor=request.user,
            meeting=meeting,
            # Links in e-mails come from PLATFORMA_BASE_URL, in the meeting's language.
            meeting_url=absolute_url(
                "meetings:meeting-detail",
                language=meeting.language,
                args=[platform.slug, meeting.pk],
            ),
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(
            request,
            _("Convocation sent to %(n)s people.") % {"n": len(convocation.recipients)},
        )
        if convocation.is_late:
            messages.warning(
                request, _("The convocation is late: the statute's notice is not met.")
            )
    return redirect(_meeting_url("meeting-detail", meeting))


@office_view
def attendance_page(request, platform, pk: int):
    """Tick every organisation whose delegate arrived and check them all in with one submit."""
    meeting = selectors.meeting_of(platform, pk)
    attendances = list(selectors.attendance_list(meeting))
    present = {a.membership_id for a in attendances if a.left_at is None}
    form = CheckInForm(meeting=meeting, present=present)
    if request.method == "POST":
        try:
            if "check_out" in request.POST:
                attendance = next(
                    (a for a in attendances if str(a.pk) == request.POST["check_out"]), None
                )
                if attendance is None:
                    raise Http404
                services.attendance_check_out(actor=request.user, attendance=attendance)
                messages.success(request, _("Departure recorded."))
                return redirect(_meeting_url("attendance", meeting))
            form = CheckInForm(request.POST, meeting=meeting, present=present)
            if form.is_valid():
                chosen = list(form.cleaned_data["memberships"])
                services.attendance_check_in_many(
                    actor=request.user, meeting=meeting, memberships=chosen
                )
                names = ", ".join(m.organisation.display_name for m in chosen)
                messages.success(
                    request,
                    ngettext(
                        "%(names)s checked in.",
                        "%(count)s organisations checked in: %(names)s.",
                        len(chosen),
                    )
                    % {"count": len(chosen), "names": names},
                )
                return redirect(_meeting_url("attendance", meeting))
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
    context = {
        "platform": platform,
        "meeting": meeting,
        "form": form,
        "attendances": attendances,
        "quorum": selectors.quorum_now(meeting),
    }
    return render(request, "meetings/attendance.html", context)


@office_view
def proxy_page(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    form = ProxyForm(meeting=meeting)
    if request.method == "POST":
        try:
            if "revoke" in request.POST:
                proxy = Proxy.objects.filter(meeting=meeting, pk=request.POST["revoke"]).first()
                if proxy is None:
                    raise Http404
                services.proxy_revoke(actor=request.user, proxy=proxy)
                messages.success(request, _("Proxy revoked."))
                return redirect(_meeting_url("proxies", meeting))
            form = ProxyForm(request.POST, meeting=meeting)
            if form.is_valid():
                services.proxy_give(actor=request.user, meeting=meeting, **form.cleaned_data)
                messages.success(request, _("Proxy recorded."))
                return redirect(_meeting_url("proxies", meeting))
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
    context = {
        "platform": platform,
        "meeting": meeting,
        "form": form,
        "proxies": selectors.proxy_list(meeting),
        "quorum": selectors.quorum_now(meeting),
    }
    return render(request, "meetings/proxies.html", context)


@office_view
def motion_list(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    form = MotionForm(meeting=meeting)
    if request.method == "POST":
        form = MotionForm(request.POST, meeting=meeting)
        if form.is_valid():
            data = form.cleaned_data
            try:
                motion = services.motion_create(
                    actor=request.user,
                    meeting=meeting,
                    kind=data["kind"],
                    agenda_item=data["agenda_item"],
                    proposer=data["proposer"],
                    is_secret=data["is_secret"],
                    subject_membership=data["subject_membership"],
                    subject_mandate=data["subject_mandate"],
                    new_statute=form.new_statute(),
                    title=data["title"],
                    text=data["text"],
                )
            except (ValidationError, PermissionDenied) as exc:
                for message in getattr(exc, "messages", [str(exc)]):
                    form.add_error(None, message)
            else:
                return redirect(_meeting_url("motion-votes", meeting, motion=motion.pk))
    motions = list(
        meeting.motions.select_related("proposer__organisation", "decision").order_by("id")
    )
    for motion in motions:
        motion.explanation = explain_motion(motion)
    context = {"platform": platform, "meeting": meeting, "form": form, "motions": motions}
    return render(request, "meetings/motion_list.html", context)


@office_view
def motion_votes(request, platform, pk: int, motion: int):
    meeting = selectors.meeting_of(platform, pk)
    try:
        the_motion = meeting.motions.select_related("proposer__organisation").get(pk=motion)
    except Motion.DoesNotExist:
        raise Http404("No such motion") from None
    voters = selectors.voters(meeting)
    recorded = {v.membership_id: v for v in the_motion.votes.all()}
    form = VotesForm(voters=voters, initial_votes={k: v.choice for k, v in recorded.items()})
    totals = TotalsForm()
    if request.method == "POST" and the_motion.status == Motion.Status.OPEN:
        try:
            if "counts" in request.POST or ("decide" in request.POST and the_motion.is_secret):
                # A secret vote's totals, or the counts of a show of hands.
                totals = TotalsForm(request.POST)
                if not totals.is_valid():
                    raise ValidationError(_("Enter the counts: for, against and abstentions."))
                services.motion_decide(
                    actor=request.user, motion=the_motion, totals=totals.totals()
                )
                return redirect(_meeting_url("motion-votes", meeting, motion=the_motion.pk))
            if "decide" in request.POST:
                services.motion_decide(actor=request.user, motion=the_motion)
                return redirect(_meeting_url("motion-votes", meeting, motion=the_motion.pk))
            form = VotesForm(request.POST, voters=voters, initial_votes={})
            if form.is_valid():
                services.votes_record(actor=request.user, motion=the_motion, choices=form.choices())
                messages.success(request, _("Votes recorded."))
                return redirect(_meeting_url("motion-votes", meeting, motion=the_motion.pk))
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
    context = {
        "platform": platform,
        "meeting": meeting,
        "motion": the_motion,
        "form": form,
        "totals": totals,
        "recorded": recorded,
        "explanation": explain_motion(the_motion),
        "decision": getattr(the_motion, "decision", None) if the_motion.adopted else None,
        "quorum": selectors.quorum_now(meeting),
    }
    return render(request, "meetings/motion_votes.html", context)
