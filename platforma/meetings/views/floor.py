"""Voting from the floor: the secretariat's Open/Close buttons, the projector, and the page on
which a delegate votes from their own phone. Each page has a small JSON twin its script polls."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core.office import office_view
from platforma.core.permissions import login_redirect
from platforma.core.selectors import platform_for_public

from .. import selectors, services
from ..forms import PaperTotalsForm
from ..models import Meeting, Motion, SecretBallotMark, Vote
from ..services.explain import explain_motion
from ._helpers import meeting_url, report


def _motion_of(meeting: Meeting, pk: str | None) -> Motion:
    if pk is None or not pk.isdigit():
        raise Http404("No such motion")
    motion = Motion.objects.filter(meeting=meeting, pk=int(pk)).first()
    if motion is None:
        raise Http404("No such motion")
    return motion


def floor_payload(meeting: Meeting) -> dict:
    """What the projector and the voters' pages show: the motion on the floor (or the last one
    closed there), how many have voted of how many can, and once decided the result in words.
    Never the running choices."""
    motion = selectors.last_floor_motion(meeting)
    if motion is None:
        return {
            "motion": None,
            "state": "none",
            "title": "",
            "text": _("No motion is on the floor"),
        }
    payload = {"motion": motion.pk, "title": motion.title}
    if motion.on_the_floor:
        count = selectors.floor_count(motion)
        payload |= {
            "state": "open",
            "received": count.received,
            "can_vote": count.can_vote,
            "text": ngettext(
                "%(received)s vote received of %(can_vote)s",
                "%(received)s votes received of %(can_vote)s",
                count.received,
            )
            % {"received": count.received, "can_vote": count.can_vote},
        }
    else:
        payload |= {
            "state": "decided",
            "adopted": motion.adopted,
            "text": explain_motion(motion),
        }
    return payload


# --- the secretariat -----------------------------------------------------------------------


@require_POST
@office_view
def office_floor_open(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    motion = _motion_of(meeting, request.POST.get("motion"))
    try:
        services.motion_floor_open(actor=request.user, motion=motion)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(
            request, _("“%(title)s” is on the floor: delegates vote now.") % {"title": motion.title}
        )
    return redirect(meeting_url("meeting-detail", meeting) + "#floor")


@require_POST
@office_view
def office_floor_close(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    motion = _motion_of(meeting, request.POST.get("motion"))
    form = PaperTotalsForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Paper ballots: enter whole numbers, none negative."))
        motion = services.motion_floor_close(
            actor=request.user, motion=motion, paper_totals=form.totals()
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(
            request,
            _("Vote closed: %(result)s.") % {"result": explain_motion(motion)},
        )
    return redirect(meeting_url("meeting-detail", meeting) + "#floor")


@never_cache
@office_view
def projector(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    context = {"platform": platform, "meeting": meeting, "data": floor_payload(meeting)}
    return render(request, "meetings/projector.html", context)


@never_cache
@office_view
def projector_json(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    return JsonResponse(floor_payload(meeting))


# --- the delegates -------------------------------------------------------------------------


def _voter_meeting(request, platform: str, pk: int) -> Meeting:
    """The meeting, for a user who has something to do with its platform; 404 otherwise."""
    the_platform = platform_for_public(platform)
    meeting = (
        Meeting.objects.filter(platform=the_platform, pk=pk)
        .select_related("platform", "body")
        .first()
    )
    if meeting is None or not selectors.knows_meeting(meeting, request.user):
        raise Http404("No such meeting")
    return meeting


@never_cache
def floor_vote_home(request, platform: str):
    """The sittings at which the user may vote from the floor now (one: straight to it)."""
    the_platform = platform_for_public(platform)
    if not request.user.is_authenticated:
        return login_redirect(request)
    sittings = selectors.sittings_to_vote_at(the_platform, request.user)
    if len(sittings) == 1:
        return redirect("meetings:floor-vote", the_platform.slug, sittings[0].pk)
    return render(
        request, "meetings/floor_home.html", {"platform": the_platform, "sittings": sittings}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def floor_vote(request, platform: str, pk: int):
    if not request.user.is_authenticated:
        return login_redirect(request)
    meeting = _voter_meeting(request, platform, pk)
    motion = selectors.floor_motion(meeting)
    rights = selectors.floor_rights(meeting, request.user)
    if request.method == "POST":
        posted_motion = request.POST.get("motion")
        chosen = next((m for m, _p in rights if str(m.pk) == request.POST.get("membership")), None)
        try:
            if motion is None or str(motion.pk) != posted_motion:
                raise ValidationError(
                    _("The vote on that motion is closed; the page now shows what is on the floor.")
                )
            if chosen is None:
                raise PermissionDenied(_("You cannot vote for that organisation now."))
            services.floor_vote_cast(
                actor=request.user,
                motion=motion,
                membership=chosen,
                choice=request.POST.get("choice", ""),
            )
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(
                request,
                _("Your vote for %(organisation)s was received.")
                % {"organisation": chosen.organisation.display_name},
            )
        return redirect("meetings:floor-vote", meeting.platform.slug, meeting.pk)
    ballots = []
    if motion is not None:
        ids = [m.pk for m, _p in rights]
        if motion.is_secret:
            cast = set(
                SecretBallotMark.objects.filter(motion=motion, membership__in=ids).values_list(
                    "membership_id", flat=True
                )
            )
            choices: dict[int, str] = {}
        else:
            choices = dict(
                Vote.objects.filter(motion=motion, membership__in=ids).values_list(
                    "membership_id", "choice"
                )
            )
            cast = set(choices)
        for membership, by_proxy in rights:
            choice = choices.get(membership.pk, "")
            ballots.append(
                {
                    "membership": membership,
                    "by_proxy": by_proxy,
                    "cast": membership.pk in cast,
                    "choice": choice,
                    "choice_label": Vote.Choice(choice).label if choice else "",
                }
            )
    context = {
        "platform": meeting.platform,
        "meeting": meeting,
        "motion": motion,
        "rights": rights,
        "ballots": ballots,
        "choices": Vote.Choice.choices,
        "data": floor_payload(meeting),
    }
    return render(request, "meetings/floor_vote.html", context)


@never_cache
def floor_vote_json(request, platform: str, pk: int):
    if not request.user.is_authenticated:
        raise Http404("No such meeting")
    meeting = _voter_meeting(request, platform, pk)
    motion = selectors.floor_motion(meeting)
    return JsonResponse({"motion": motion.pk if motion else None})
