"""The one place where sessions are held to their limits and the second factor is required.

For every logged-in request, before the view runs:

- a session older than ``SESSION_COOKIE_AGE`` (12 hours) from its login ends, even if used all
  along (Django's own expiry moves with each write of the session);
- a back-office session (superuser, secretariat, teller of an election not yet closed) ends
  after ``PLATFORMA_IDLE_MINUTES`` (30) without a request;
- an account that must hold a second factor and has not given it in this session reaches no
  office page (every view behind ``platforma.core.office.office_view``, and the URL names
  ``office-*`` and routes under ``office/``), no page of Django's admin and no teller's share
  page: it is sent to give its code, or to set one up.

Install after django_otp's ``OTPMiddleware`` and the messages middleware.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core.office import office_view
from platforma.core.types import AnyUser

from . import session as keys
from .policy import must_have_second_factor

# Pages outside the office's URLs that need the second factor too: a teller's page that hands
# out a share of an election's key; the account's API tokens (a token acts as its user).
SECOND_FACTOR_PAGES = {"teller-share", "api-tokens", "api-token-revoke"}


def _office_code() -> object:
    """The code of ``office_view``'s guard, which every office page runs (whatever its name)."""

    def view(request: HttpRequest, platform: object) -> HttpResponse:
        return HttpResponse()

    return office_view(view).__code__


_OFFICE_CODE = _office_code()


def is_office_view(view: Any) -> bool:
    """Whether ``view`` is an office page: ``office_view``'s guard, under any decorators."""
    seen = 0
    while view is not None and seen < 10:
        if getattr(view, "__code__", None) is _OFFICE_CODE:
            return True
        view = getattr(view, "__wrapped__", None)
        seen += 1
    return False


def protected(request: HttpRequest, view: Any = None) -> bool:
    """An office page, a page of the admin, or a teller's share page."""
    if view is not None and is_office_view(view):
        return True
    match = request.resolver_match
    if match is None:
        return False
    name = match.url_name or ""
    if "admin" in match.namespaces:
        return name not in {"login", "logout"}
    return name.startswith("office-") or "office/" in match.route or name in SECOND_FACTOR_PAGES


def verified(user: AnyUser) -> bool:
    """Whether this session gave a second factor (django-otp's ``OTPMiddleware`` says)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def _to(view: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse(view) + "?" + urlencode({"next": request.get_full_path()}))


class AccountsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated:
            return None
        session = request.session
        now = time.time()

        login_at = session.get(keys.LOGIN_AT)
        if login_at is None:
            session[keys.LOGIN_AT] = login_at = now  # a session from before these limits
        if now - float(login_at) > settings.SESSION_COOKIE_AGE:
            return self._end(request, _("Your session has ended after 12 hours. Log in again."))

        strict = session.get(keys.STRICT)
        if strict is None or now - float(session.get(keys.CHECKED_AT, 0)) > keys.RECHECK_SECONDS:
            strict = must_have_second_factor(user)
            session[keys.STRICT] = strict
            session[keys.CHECKED_AT] = now
        if strict:
            seen = session.get(keys.SEEN_AT)
            idle = settings.PLATFORMA_IDLE_MINUTES * 60
            if seen is not None and now - float(seen) > idle:
                return self._end(
                    request,
                    ngettext(
                        "You were logged out after %(minutes)d minute without activity.",
                        "You were logged out after %(minutes)d minutes without activity.",
                        settings.PLATFORMA_IDLE_MINUTES,
                    )
                    % {"minutes": settings.PLATFORMA_IDLE_MINUTES},
                )
            if seen is None or now - float(seen) >= keys.SEEN_RESOLUTION_SECONDS:
                session[keys.SEEN_AT] = now

        # Looked up afresh when unverified: a role given a minute ago counts now.
        if protected(request) and not verified(user) and (strict or must_have_second_factor(user)):
            return _to("accounts:second-factor", request)
        return None

    @staticmethod
    def _end(request: HttpRequest, message: str) -> HttpResponse:
        path = request.get_full_path()
        logout(request)
        messages.info(request, message)
        return HttpResponseRedirect(reverse("login") + "?" + urlencode({"next": path}))
