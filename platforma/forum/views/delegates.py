"""The Annual Assembly's pages: the public page, a representative's application, and the
Forum office's pages for the call for delegates.

The Forum office spans the platforms, so its pages are not a platform's ``office_view``:
:func:`forum_office` lets in the Forum's secretariat, who sees every platform's applications,
and a platform's secretariat, who sees (and ranks) only its own platforms' ones. Anyone else
finds nothing (404); anonymous visitors are sent to log in. The pages run in the Forum's time
zone.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platforma.core.models import Platform
from platforma.core.office import posted, report, submit
from platforma.core.permissions import login_redirect, managed_platforms
from platforma.core.types import Actor

from ..forms import AnnouncementForm, ApplicationForm, AssemblyEditForm, RankingForm, ScoreForm
from ..models import AnnualAssembly, DelegateApplication, DelegateCall
from ..permissions import forum_or_404, is_forum_staff
from ..selection import Selection
from ..services import delegates as svc

if TYPE_CHECKING:
    from django.contrib.auth.models import User

State = DelegateCall.State
Outcome = DelegateApplication.Outcome


# -- the public pages -------------------------------------------------------------------------


def _assembly_or_404(year: int) -> AnnualAssembly:
    return get_object_or_404(AnnualAssembly.objects.select_related("platform"), year=year)


def _call_of(assembly: AnnualAssembly) -> DelegateCall | None:
    return DelegateCall.objects.filter(assembly=assembly).first()


def _listed(call: DelegateCall, outcome: str) -> QuerySet[DelegateApplication]:
    return DelegateApplication.objects.filter(call=call, outcome=outcome).select_related(
        "organisation", "platform", "working_group"
    )


def assembly_page(request: HttpRequest, year: int) -> HttpResponse:
    """The Annual Assembly of ``year``: when and where; the call's deadline and how to apply
    while it is open; the delegates and the reserve list once published."""
    assembly = _assembly_or_404(year)
    call = _call_of(assembly)
    published = assembly.delegates_published_at is not None and call is not None
    delegates: list[DelegateApplication] = []
    reserve: list[DelegateApplication] = []
    if published and call is not None:
        delegates = list(
            _listed(call, Outcome.SELECTED).order_by(
                "platform__is_forum", "platform__slug", "last_name", "first_name"
            )
        )
        reserve = list(_listed(call, Outcome.RESERVE).order_by("reserve_rank"))
    context = {
        "forum": assembly.platform,
        "assembly": assembly,
        "call": call if call is not None and call.state != State.DRAFT else None,
        "accepting": call is not None and svc.is_accepting(call),
        "not_yet": call is not None and call.state == State.OPEN and timezone.now() < call.opens_at,
        "published": published,
        "delegates": delegates,
        "reserve": reserve,
    }
    return render(request, "forum/assembly/assembly_detail.html", context)


def assembly_apply(request: HttpRequest, year: int) -> HttpResponse:
    """A representative applies for their organisation, sees its application and may withdraw
    it while the call is open."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    assembly = _assembly_or_404(year)
    call = _call_of(assembly)
    if call is None or call.state == State.DRAFT:
        raise Http404("No call for delegates")
    user = request.user
    existing = list(
        DelegateApplication.objects.filter(
            call=call, organisation__in=svc.represented_organisations(user)
        )
        .select_related("organisation", "platform", "working_group")
        .order_by("organisation__legal_name")
    )
    applied = {a.organisation_id for a in existing if a.outcome != Outcome.WITHDRAWN}
    applicants = [a for a in svc.may_apply_for(user) if a.organisation.pk not in applied]
    accepting = svc.is_accepting(call)
    here = reverse("forum:assembly-apply", args=[year])
    if request.method == "POST" and "withdraw" in request.POST:
        application = next((a for a in existing if str(a.pk) == request.POST.get("withdraw")), None)
        if application is None:
            raise Http404("No such application")
        try:
            svc.application_withdraw(actor=user, application=application)
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, _("The application is withdrawn."))
        return redirect(here)
    form = ApplicationForm(posted(request), applicants=applicants)
    if request.method == "POST":
        by_id = {a.organisation.pk: a.organisation for a in applicants}

        def send(data: dict[str, Any]) -> object:
            return svc.application_submit(
                actor=user,
                call=call,
                organisation=by_id[data["organisation"]],
                working_group=data["working_group"],
                motivation=data["motivation"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                gender=data["gender"],
                language=request.LANGUAGE_CODE,
            )

        if submit(
            request,
            form,
            send,
            _(
                "Your application is sent. The platform's secretariat and the Forum "
                "secretariat will consider it after the deadline; you will be told the outcome "
                "by e-mail."
            ),
        ):
            return redirect(here)
    names = svc.platform_names()
    for application in existing:
        application.decision = (  # type: ignore[attr-defined]
            svc.decision_text(application, names) if application.notified_at else ""
        )
    context = {
        "forum": assembly.platform,
        "assembly": assembly,
        "call": call,
        "accepting": accepting,
        "form": form,
        "applicants": applicants,
        "existing": existing,
    }
    return render(request, "forum/assembly/assembly_apply.html", context)


# -- the Forum office -------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What the office shows the user: every platform (the Forum's secretariat), or only the
    platforms whose secretariat they are."""

    forum_staff: bool
    platform_ids: frozenset[int]

    def sees(self, platform_id: int) -> bool:
        return self.forum_staff or platform_id in self.platform_ids


def forum_office(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login, then the Forum's secretariat or a platform's; in the Forum's time zone; the view
    gets ``forum`` and ``scope`` as keyword arguments."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return login_redirect(request)
        staff = is_forum_staff(request.user)
        ids: frozenset[int] = frozenset()
        if not staff:
            ids = frozenset(managed_platforms(request.user).values_list("pk", flat=True))
            if not ids:
                raise Http404("No such page")
        forum = forum_or_404()
        with timezone.override(zoneinfo.ZoneInfo(forum.time_zone)):
            return view(request, *args, forum=forum, scope=Scope(staff, ids), **kwargs)

    return wrapper


def _actor(request: HttpRequest) -> Actor:
    """The logged-in user the office's guard let in."""
    return cast("User", request.user)


def _call_or_404(year: int) -> DelegateCall:
    return get_object_or_404(
        DelegateCall.objects.select_related("assembly__platform"), assembly__year=year
    )


def _office_url(year: int) -> str:
    return reverse("forum:office-assembly", args=[year])


@forum_office
def office_assembly_list(request: HttpRequest, *, forum: Platform, scope: Scope) -> HttpResponse:
    """The Annual Assemblies and their calls; the Forum's secretariat announces a new one."""
    form = None
    if scope.forum_staff:
        form = AnnouncementForm(posted(request), zone=forum.time_zone)
        if request.method == "POST" and submit(
            request,
            form,
            lambda data: svc.assembly_announce(actor=_actor(request), **data),
            _("The Assembly and its call for delegates are created, in draft."),
        ):
            return redirect(_office_url(form.cleaned_data["year"]))
    elif request.method == "POST":
        raise Http404("No such page")
    assemblies = AnnualAssembly.objects.select_related("call").order_by("-year")
    context = {"assemblies": assemblies, "form": form, "scope": scope, "forum": forum}
    return render(request, "forum/office/assembly_list.html", context)


@forum_office
def office_assembly(
    request: HttpRequest, year: int, *, forum: Platform, scope: Scope
) -> HttpResponse:
    """The call: its state, its applications per platform, the actions of its next step and,
    once selected, every application's outcome with its reason."""
    call = _call_or_404(year)
    visible = None if scope.forum_staff else scope.platform_ids
    applications = DelegateApplication.objects.filter(call=call).select_related(
        "organisation", "platform", "working_group"
    )
    if visible is not None:
        applications = applications.filter(platform__in=list(visible))
    rows = list(
        applications.order_by(
            "platform__is_forum", "platform__slug", "platform_rank", "last_name", "pk"
        )
    )
    names = svc.platform_names()
    decided = call.state in (State.SELECTED, State.PUBLISHED)
    for application in rows:
        application.decision = (  # type: ignore[attr-defined]
            svc.decision_text(application, names) if decided else ""
        )
        application.points = svc.points(application.score)  # type: ignore[attr-defined]
    counts = svc.counts_by_platform(call, visible)
    rankable: list[dict[str, Any]] = []
    if call.state == State.RANKING:
        rankable = [row for row in counts if row["total"] > row["withdrawn"]]
    context = {
        "forum": forum,
        "call": call,
        "assembly": call.assembly,
        "scope": scope,
        "applications": rows,
        "counts": counts,
        "total": sum(row["total"] - row["withdrawn"] for row in counts),
        "rankable": rankable,
        "actions": _actions(call) if scope.forum_staff else [],
        "selected": [a for a in rows if a.outcome == Outcome.SELECTED],
        "reserve": sorted(
            (a for a in rows if a.outcome == Outcome.RESERVE), key=lambda a: a.reserve_rank or 0
        ),
        "others": [a for a in rows if a.outcome in (Outcome.NOT_SELECTED, Outcome.INELIGIBLE)],
        "decided": decided,
    }
    return render(request, "forum/office/call_detail.html", context)


@forum_office
def office_assembly_edit(
    request: HttpRequest, year: int, *, forum: Platform, scope: Scope
) -> HttpResponse:
    """The Forum's secretariat corrects the Assembly's facts or moves the call's dates."""
    if not scope.forum_staff:
        raise Http404("No such page")
    call = _call_or_404(year)
    assembly = call.assembly
    initial = {
        "title": assembly.title,
        "place": assembly.place,
        "starts_on": assembly.starts_on,
        "ends_on": assembly.ends_on,
        "description": assembly.description,
        "opens_at": timezone.localtime(call.opens_at),
        "closes_at": timezone.localtime(call.closes_at),
    }
    form = AssemblyEditForm(posted(request), initial=initial, zone=forum.time_zone)
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: svc.assembly_revise(actor=_actor(request), call=call, **data),
        _("The Assembly is saved."),
    ):
        return redirect(_office_url(year))
    context = {"forum": forum, "call": call, "assembly": assembly, "form": form}
    return render(request, "forum/office/assembly_edit.html", context)


ACTIONS: dict[str, Callable[..., object]] = {
    "open": svc.call_open,
    "close": svc.call_close_applications,
    "close-ranking": svc.call_close_ranking,
    "select": svc.call_select,
    "notify": svc.applicants_notify,
    "publish": svc.call_publish,
}


def _actions(call: DelegateCall) -> list[tuple[str, str]]:
    """The buttons of the call's next steps: (action, label)."""
    by_state: dict[str, list[tuple[str, str]]] = {
        State.DRAFT: [("open", _("Open the call"))],
        State.OPEN: [("close", _("Close the call"))],
        State.RANKING: [("close-ranking", _("Close the ranking"))],
        State.SCORING: [("select", _("Run the selection"))],
        State.SELECTED: [
            ("select", _("Run the selection again")),
            ("notify", _("Tell the applicants")),
            ("publish", _("Publish the list")),
        ],
        State.PUBLISHED: [("notify", _("Tell the applicants not told yet"))],
    }
    return by_state.get(call.state, [])


def _success(action: str) -> str:
    return {
        "open": _("The call is open for applications."),
        "close": _("The call is closed: the platforms rank their applicants now."),
        "close-ranking": _("The ranking is closed: the applications can be scored."),
        "select": _("The delegates are selected."),
        "notify": _("The applicants are told by e-mail."),
        "publish": _("The list of delegates is published."),
    }[action]


@require_POST
@forum_office
def office_assembly_action(
    request: HttpRequest, year: int, action: str, *, forum: Platform, scope: Scope
) -> HttpResponse:
    """One step of the call (the Forum's secretariat only)."""
    if not scope.forum_staff or action not in ACTIONS:
        raise Http404("No such page")
    call = _call_or_404(year)
    service = ACTIONS[action]
    try:
        result = service(actor=_actor(request), call=call)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _success(action))
        if isinstance(result, Selection):
            seats = svc.quotas_of(call).seats
            if len(result.selected) < seats:
                messages.warning(
                    request,
                    _(
                        "Only %(selected)s of the %(seats)s seats could be filled: the quotas "
                        "of the statute allow no more delegates from these applicants."
                    )
                    % {"selected": len(result.selected), "seats": seats},
                )
    return redirect(_office_url(year))


@forum_office
def office_assembly_ranking(
    request: HttpRequest, year: int, slug: str, *, forum: Platform, scope: Scope
) -> HttpResponse:
    """A platform's secretariat ranks its own applicants (1 the best)."""
    call = _call_or_404(year)
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None or not scope.sees(platform.pk):
        raise Http404("No such platform")
    applications = list(
        DelegateApplication.objects.filter(call=call, platform=platform)
        .exclude(outcome=Outcome.WITHDRAWN)
        .select_related("organisation", "working_group")
        .order_by("platform_rank", "pk")
    )
    open_for_ranking = call.state == State.RANKING
    form = RankingForm(posted(request) if open_for_ranking else None, applications=applications)
    if (
        request.method == "POST"
        and open_for_ranking
        and submit(
            request,
            form,
            lambda data: svc.platform_rank(
                actor=_actor(request), call=call, platform=platform, ranks=form.ranks()
            ),
            _("The ranking is saved."),
        )
    ):
        return redirect(reverse("forum:office-assembly-ranking", args=[year, slug]))
    context = {
        "forum": forum,
        "call": call,
        "assembly": call.assembly,
        "ranked_platform": platform,
        "form": form,
        "open_for_ranking": open_for_ranking,
        "scope": scope,
    }
    return render(request, "forum/office/ranking.html", context)


@forum_office
def office_assembly_application(
    request: HttpRequest, year: int, pk: int, *, forum: Platform, scope: Scope
) -> HttpResponse:
    """One application; the Forum's secretariat gives its marks."""
    call = _call_or_404(year)
    application = get_object_or_404(
        DelegateApplication.objects.select_related(
            "organisation", "platform", "working_group", "submitted_by"
        ),
        call=call,
        pk=pk,
    )
    if not scope.sees(application.platform_id):
        raise Http404("No such application")
    may_score = (
        scope.forum_staff
        and call.state in (State.RANKING, State.SCORING)
        and application.outcome != Outcome.WITHDRAWN
    )
    form = None
    if may_score:
        form = ScoreForm(posted(request), call=call, application=application)
        if request.method == "POST" and submit(
            request,
            form,
            lambda data: svc.application_score(
                actor=_actor(request), application=application, marks=form.marks()
            ),
            _("The marks are saved."),
        ):
            return redirect(_office_url(year))
    elif request.method == "POST":
        raise Http404("No such page")
    names = svc.platform_names()
    decided = call.state in (State.SELECTED, State.PUBLISHED)
    context = {
        "forum": forum,
        "call": call,
        "assembly": call.assembly,
        "application": application,
        "form": form,
        "points": svc.points(application.score),
        "marks": [
            (svc.criterion_label(str(c["key"])), application.scores.get(str(c["key"])), c["max"])
            for c in call.criteria
        ],
        "decision": svc.decision_text(application, names) if decided else "",
        "scope": scope,
    }
    return render(request, "forum/office/application_detail.html", context)
