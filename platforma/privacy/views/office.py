"""The secretariat's pages: the erasure requests, the dry run, approve or refuse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platforma.core.models import Platform
from platforma.core.office import office_view, posted, submit

from .. import services
from ..forms import RefuseForm
from ..labels import done_lines
from ..models import DataRequest


def _actor(request: HttpRequest) -> User:
    """The office's guard let only a logged-in user through."""
    assert isinstance(request.user, User)
    return request.user


@office_view
def request_list(request: HttpRequest, platform: Platform) -> HttpResponse:
    rows = list(
        DataRequest.objects.filter(platform=platform, kind=DataRequest.Kind.ERASURE)
        .select_related("decided_by")
        .order_by("-created_at", "-id")[:200]
    )
    waiting = [r for r in rows if r.status == DataRequest.Status.CONFIRMED]
    decided = [r for r in rows if r.status != DataRequest.Status.CONFIRMED]
    return render(
        request,
        "privacy/office/request_list.html",
        {"platform": platform, "waiting": waiting, "decided": decided},
    )


def _erasure(platform: Platform, pk: int) -> DataRequest:
    return get_object_or_404(DataRequest, pk=pk, platform=platform, kind=DataRequest.Kind.ERASURE)


def _detail(
    request: HttpRequest, platform: Platform, item: DataRequest, form: RefuseForm
) -> HttpResponse:
    is_open = item.status == DataRequest.Status.CONFIRMED
    plan = services.erasure_plan(item.email, platform) if is_open else None
    return render(
        request,
        "privacy/office/request_detail.html",
        {
            "platform": platform,
            "item": item,
            "plan": plan,
            "form": form,
            "open": is_open,
            "done": done_lines(item.counts),
        },
    )


@office_view
def request_detail(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    item = _erasure(platform, pk)
    return _detail(request, platform, item, RefuseForm(platform=platform))


@office_view
@require_POST
def request_approve(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    item = _erasure(platform, pk)
    try:
        services.erasure_approve(actor=_actor(request), request=item)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Erased. The person has been told."))
    return redirect("privacy:office-request-detail", platform.slug, item.pk)


@office_view
@require_POST
def request_refuse(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    item = _erasure(platform, pk)
    form = RefuseForm(posted(request), platform=platform)
    if submit(
        request,
        form,
        lambda data: services.erasure_refuse(
            actor=_actor(request), request=item, reason=data["reason"]
        ),
        _("Refused. The person has been sent the reason."),
    ):
        return redirect("privacy:office-request-detail", platform.slug, item.pk)
    return _detail(request, platform, item, form)
