"""Log in with a password and then a second factor; set one up; the account's security page;
the lockout page; the office's list of locked-out user names."""

from __future__ import annotations

import base64
import datetime
from typing import Any

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address, get_client_username
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.models import Device

from platforma.core.models import Platform
from platforma.core.office import office_view

from . import services
from . import session as sessionkeys
from .forms import CodeForm, EnrolForm, PasswordForm
from .middleware import verified
from .policy import must_have_second_factor
from .selectors import lockout_end, lockouts_visible

# --- The lockout page -------------------------------------------------------------------------


def render_locked(
    request: HttpRequest, until: datetime.datetime | None, status: int = 429
) -> HttpResponse:
    return render(
        request,
        "accounts/locked.html",
        {"until": until, "time_zone": timezone.get_current_timezone_name()},
        status=status,
    )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes' answer to a locked-out login (``AXES_LOCKOUT_CALLABLE``)."""
    until = lockout_end(
        username=get_client_username(request, credentials),
        ip_address=get_client_ip_address(request),
    )
    return render_locked(request, until)


# --- Logging in -------------------------------------------------------------------------------


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("account-home")


class LoginView(auth_views.LoginView):
    """The password; then, for an account with a second factor or one that must have it, the
    code (or setting one up) before the session is logged in at all."""

    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if services.has_second_factor(user) or must_have_second_factor(user):
            sessionkeys.set_pending(self.request, user, self.get_success_url())
            return redirect("accounts:second-factor")
        auth_login(self.request, user)
        sessionkeys.mark_login(self.request, user)
        return HttpResponseRedirect(self.get_success_url())


def _subject(request: HttpRequest) -> tuple[Any, dict[str, Any] | None]:
    """Whose second factor the page is about: the logged-in user, or a login waiting for it."""
    if request.user.is_authenticated:
        return request.user, None
    data = sessionkeys.pending(request)
    if data is None:
        return None, None
    user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
    return user, data


def _finish(request: HttpRequest, user: Any, data: dict[str, Any] | None, device: Device) -> str:
    """Log the session in (if waiting) and mark it verified by ``device``; where to go next."""
    if data is not None:
        next_url = _safe_next(request, data.get("next"))
        sessionkeys.clear_pending(request)
        auth_login(request, user, backend=data.get("backend") or None)
        otp_login(request, device)
        sessionkeys.mark_login(request, user)
    else:
        next_url = _safe_next(request, request.GET.get("next"))
        otp_login(request, device)
        sessionkeys.mark_login(request, user, fresh=False)
    return next_url


def _with_next(view: str, request: HttpRequest) -> str:
    url = reverse(view)
    if request.GET.get("next"):
        url += "?" + request.GET.urlencode()
    return url


def second_factor(request: HttpRequest) -> HttpResponse:
    """The second step of the login: a 6-digit code, or one of the recovery codes."""
    user, data = _subject(request)
    if user is None:
        return redirect("login")
    if not services.has_second_factor(user):
        return redirect(_with_next("accounts:enrol", request))
    credentials = {"username": user.get_username()}
    if data is not None and AxesProxyHandler.is_locked(request, credentials):
        return lockout_response(request, None, credentials)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        # django-otp pauses after a wrong code (1, 2, 4 ... seconds): no code is tried then.
        paused = services.second_factor_throttled(user)
        device = None
        if not paused:
            device = services.second_factor_verify(user=user, token=form.cleaned_data["code"])
        if device is not None:
            return redirect(_finish(request, user, data, device))
        # A wrong code, or one sent during the pause, counts as a failed login for
        # django-axes: five lock the user name, as five wrong passwords do.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, None, credentials)
        if paused:
            form.add_error("code", _("Wait a few seconds, then type the code again."))
        else:
            form.add_error("code", _("That code is not right, or was used already. Try again."))
    return render(request, "accounts/second_factor.html", {"form": form, "subject": user})


def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: the QR code (drawn here, as SVG), the secret in text, and a
    code to confirm it; then the recovery codes, shown once."""
    user, data = _subject(request)
    if user is None:
        return redirect("login")
    if services.has_second_factor(user) and not verified(request.user):
        # Replacing a second factor takes the old one first.
        return redirect(_with_next("accounts:second-factor", request))
    device = services.totp_device_begin(actor=user)
    form = EnrolForm(request.POST if request.method == "POST" else None, ask_password=data is None)
    if form.is_valid():
        try:
            codes = services.totp_device_confirm(
                actor=user,
                device=device,
                token=form.cleaned_data["code"],
                password=form.cleaned_data["password"] if data is None else None,
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            next_url = _finish(request, user, data, device)
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url}
            )
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr": segno.make(device.config_url, error="m").svg_inline(
                scale=5, dark="#000", light="#fff"
            ),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": must_have_second_factor(user),
        },
    )


# --- The account's security page --------------------------------------------------------------


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """Add, replace or remove the second factor, new recovery codes, log out everywhere."""
    user: Any = request.user
    has_factor = services.has_second_factor(user)
    if has_factor and not verified(user):
        return redirect(reverse("accounts:second-factor") + "?next=" + request.path)
    action = request.POST.get("action", "")
    # One form per action, each with its own ids: the page shows up to three password fields.
    forms = {
        name: PasswordForm(
            request.POST if request.method == "POST" and action == name else None,
            auto_id=f"id_{name}_%s",
        )
        for name in ("codes", "remove", "everywhere")
    }
    form = forms.get(action) or PasswordForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        password = form.cleaned_data["password"]
        try:
            if action == "codes":
                codes = services.recovery_codes_regenerate(actor=user, password=password)
                return render(
                    request,
                    "accounts/recovery_codes.html",
                    {"codes": codes, "next": reverse("accounts:security")},
                )
            if action == "remove":
                services.second_factor_remove(actor=user, password=password)
                messages.success(request, _("The second factor is removed."))
            elif action == "everywhere":
                services.sessions_end_elsewhere(actor=user, password=password)
                update_session_auth_hash(request, user)
                messages.success(request, _("Every other session of your account has ended."))
            else:
                raise PermissionDenied
            return redirect("accounts:security")
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("password", message)
    return render(
        request,
        "accounts/security.html",
        {
            "form": form,
            "forms": forms,
            "action": action,
            "has_factor": has_factor,
            "required": must_have_second_factor(user),
            "codes_left": services.recovery_codes_left(user),
        },
    )


# --- The office: locked-out user names --------------------------------------------------------


@office_view
def office_lockout_list(request: HttpRequest, platform: Platform) -> HttpResponse:
    return render(
        request,
        "accounts/office/lockout_list.html",
        {"platform": platform, "lockouts": lockouts_visible(request.user, platform)},
    )


@require_POST
@office_view
def office_lockout_release(request: HttpRequest, platform: Platform) -> HttpResponse:
    username = request.POST.get("username", "")
    try:
        services.lockout_release(actor=request.user, platform=platform, username=username)  # type: ignore[arg-type]
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("“%(username)s” may log in again.") % {"username": username})
    return redirect("accounts:office-lockout-list", platform.slug)
