"""Who calls: a personal token (``Authorization: Bearer pfm_…``), the site's own session (with
CSRF on writes, and the second factor where the account needs one), or nobody.

The caller is put in ``request.user``, so the selectors and services the operations call see the
same user as the pages do: a token never carries more than its user's rights. A read-only token
is refused (403) on any write; a wrong, expired or revoked token is refused (401) rather than
taken for an anonymous call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth

from platforma.accounts.middleware import verified
from platforma.accounts.models import ApiToken
from platforma.accounts.policy import must_have_second_factor
from platforma.accounts.services import api_token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class BearerToken(HttpBearer):
    """A personal API token, made on the account's "API tokens" page."""

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get(self.header, "")
        if header and header.split(" ", 1)[0].lower() != "bearer":
            raise AuthenticationError(401, _("Send the token as “Authorization: Bearer <token>”."))
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = api_token_authenticate(token)
        if found is None:
            raise AuthenticationError(
                401, _("This token is not valid: it is wrong, expired or revoked.")
            )
        if request.method not in SAFE_METHODS and found.scope != ApiToken.Scope.WRITE:
            raise HttpError(403, _("This token may only read: make a read-and-write token."))
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found.user


class Session(SessionAuth):
    """The site's own session: for its pages' scripts. Writes need the CSRF token; an account
    that must give a second factor has given it in this session."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if not user.is_authenticated:
            return None
        if must_have_second_factor(user) and not verified(user):
            return None
        return user


def anonymous(request: HttpRequest) -> Any:
    """Public operations answer anyone: the caller is whoever the token or session says, else
    an anonymous visitor (with only public data)."""
    if request.user.is_authenticated and (
        must_have_second_factor(request.user) and not verified(request.user)
    ):
        request.user = AnonymousUser()
    return _Anonymous()


class _Anonymous:
    """Truthy, so that django-ninja lets the call through with nobody logged in."""

    def __bool__(self) -> bool:
        return True


# Operations for anyone (the default) and for a signed-in caller only.
PUBLIC: list[Callable[..., Any]] = [BearerToken(), Session(), anonymous]
SIGNED_IN: list[Callable[..., Any]] = [BearerToken(), Session()]
