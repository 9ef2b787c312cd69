"""The account's "API tokens" page: a person's own personal tokens for the REST API.

A new token's secret is shown once, in the answer to the form that made it (never kept in the
session, never in a redirect): only its hash is stored. An account that must hold a second
factor opens this page only in a session that gave it (the middleware's ``SECOND_FACTOR_PAGES``);
one that holds a second factor gives it first, as on the security page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .forms import ApiTokenForm
from .middleware import verified
from .models import ApiToken

# An example call for the note under a new secret (any operation the token's user may call).
EXAMPLE_PATH = "/api/v1/me"


@dataclass(frozen=True)
class TokenRow:
    token: ApiToken
    state: str  # "live", "expired" or "revoked": also the row's CSS class
    state_label: str


def _row(token: ApiToken, now: datetime.datetime) -> TokenRow:
    if token.revoked_at is not None:
        return TokenRow(token, "revoked", _("revoked"))
    if token.expires_at <= now:
        return TokenRow(token, "expired", _("expired"))
    return TokenRow(token, "live", _("live"))


def _second_factor_first(request: HttpRequest) -> HttpResponse | None:
    """An account with a second factor gives it in this session first (as on the security page;
    the accounts that must hold one are sent by the middleware, with or without one yet)."""
    if services.has_second_factor(request.user) and not verified(request.user):  # type: ignore[arg-type]
        return redirect(reverse("accounts:second-factor") + "?next=" + request.path)
    return None


@never_cache
@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The user's tokens, and a form to make one; a new token's secret shown this once."""
    if (refused := _second_factor_first(request)) is not None:
        return refused
    user: Any = request.user
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    created: ApiToken | None = None
    secret = ""
    if form.is_valid():
        try:
            created, secret = services.api_token_create(
                actor=user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            form = ApiTokenForm()  # a blank form under the new secret
    now = timezone.now()
    rows = [_row(token, now) for token in ApiToken.objects.filter(user=user)]
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "rows": rows,
            "created": created,
            "secret": secret,
            "example_url": request.build_absolute_uri(EXAMPLE_PATH),
            "api_docs": request.build_absolute_uri("/api/v1/docs"),
            "time_zone": timezone.get_current_timezone_name(),
        },
    )


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of the user's own tokens (someone else's: 404)."""
    if (refused := _second_factor_first(request)) is not None:
        return refused
    token = get_object_or_404(ApiToken, pk=pk, user_id=request.user.pk)
    try:
        services.api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The token “%(name)s” is revoked: a call with it is refused from now on.")
            % {"name": token.name},
        )
    return redirect("accounts:api-tokens")
