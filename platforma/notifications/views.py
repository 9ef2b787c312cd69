"""A person's own notices and what they get by e-mail (``/<lang>/accounts/notifications/``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferenceForm


def _back(request: HttpRequest, default: str = "notifications:preferences") -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """The person's notices (all of them, unread first) and which of them come by e-mail."""
    user: Any = request.user
    person = selectors.person_of(user)
    if person is None:  # an account of the back office alone: nobody to tell, nothing to choose
        return render(request, "notifications/preferences.html", {"form": None, "notices": []})
    preference = selectors.preference_for(person)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.notification_preference_update(
                actor=user,
                person=person,
                language=data.pop("language") or "",
                **data,
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "notices": selectors.notices_for(request.user, limit=100),
            "unread": selectors.unread_count(request.user),
        },
    )


@require_POST
@login_required
def notice_read(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    notice = selectors.notice_of(user, pk)
    if notice is None:
        raise Http404
    services.notice_mark_read(actor=user, notice=notice)
    return _back(request)


@require_POST
@login_required
def notices_read_all(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    services.notices_mark_all_read(actor=user)
    return _back(request)
