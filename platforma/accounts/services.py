"""Writes of the accounts app: second factors, lockouts, sessions, personal API tokens. Each
records one audit entry.

No secret ever goes into the audit data: not a key, not a code, not a password.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

from axes.utils import reset as axes_reset
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from platforma.core import audit
from platforma.core.audit import Home
from platforma.core.models import Person, Platform, PlatformRole
from platforma.core.tenancy import platforms_of

from .models import ApiToken
from .policy import must_have_second_factor
from .selectors import lockouts_visible, platform_usernames

if TYPE_CHECKING:
    from django.contrib.auth.models import User

RECOVERY_CODES = 10


def _home(user: User) -> Home:
    """Whose record an account's own change goes in: its one platform, else the Forum's."""
    ids = set(PlatformRole.objects.filter(user=user).values_list("platform_id", flat=True))
    person = Person.objects.filter(user=user).first()
    if person is not None:
        ids |= platforms_of(person)
    if len(ids) == 1 and not user.is_superuser:
        return {"platform": Platform.objects.get(pk=ids.pop()), "forum": False}
    return {"platform": None, "forum": True}


def _check_password(user: User, password: str) -> None:
    if not user.check_password(password):
        raise ValidationError(_("That is not your password."), code="password")


# --- Second factors ---------------------------------------------------------------------------


def confirmed_totp(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def totp_device_begin(*, actor: User) -> TOTPDevice:
    """The device being enrolled: the one begun earlier (a reloaded page shows the same
    secret), or a new unconfirmed one. It counts for nothing until confirmed."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("-pk").first()
        if device is not None:
            return device
        device = TOTPDevice.objects.create(user=actor, name="authenticator", confirmed=False)
        audit.record(
            "accounts.second_factor.enrolment_begun",
            actor=actor,
            data={"user": actor.get_username()},
            **_home(actor),
        )
    return device


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def totp_device_confirm(
    *, actor: User, device: TOTPDevice, token: str, password: str | None = None
) -> list[str]:
    """Confirm ``device`` with a code it shows now: it replaces any earlier authenticator, and
    ten new recovery codes replace the old ones. Returns the codes, to be shown once.

    ``password``: asked again when a logged-in account sets up (or replaces) its second
    factor; not when the login itself has just taken it.
    """
    if device.user_id != actor.pk or device.confirmed:
        raise PermissionDenied
    if password is not None:
        _check_password(actor, password)
    with transaction.atomic():
        if not device.verify_token((token or "").strip().replace(" ", "")):
            raise ValidationError(
                _("That code is not the one your app shows now. Check the time on your phone."),
                code="token",
            )
        replaced = TOTPDevice.objects.filter(user=actor, confirmed=True).exclude(pk=device.pk)
        had_one = replaced.exists()
        replaced.delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(actor)
        audit.record(
            "accounts.second_factor.enrolled",
            actor=actor,
            data={"user": actor.get_username(), "replaced": had_one, "recovery_codes": len(codes)},
            **_home(actor),
        )
    return codes


def recovery_codes_regenerate(*, actor: User, password: str) -> list[str]:
    _check_password(actor, password)
    if not has_second_factor(actor):
        raise ValidationError(_("Set up a second factor first."), code="none")
    with transaction.atomic():
        codes = _new_recovery_codes(actor)
        audit.record(
            "accounts.recovery_codes.regenerated",
            actor=actor,
            data={"user": actor.get_username(), "recovery_codes": len(codes)},
            **_home(actor),
        )
    return codes


def second_factor_remove(*, actor: User, password: str) -> None:
    _check_password(actor, password)
    if must_have_second_factor(actor):
        raise ValidationError(
            _(
                "Your role requires a second factor: you may replace it with a new one, "
                "not remove it."
            ),
            code="required",
        )
    with transaction.atomic():
        TOTPDevice.objects.filter(user=actor).delete()
        StaticDevice.objects.filter(user=actor).delete()
        audit.record(
            "accounts.second_factor.removed",
            actor=actor,
            data={"user": actor.get_username()},
            **_home(actor),
        )


def second_factor_throttled(user: User) -> bool:
    """django-otp's pause after a wrong code (1, 2, 4, ... seconds): no code is tried now."""
    for device in [confirmed_totp(user), StaticDevice.objects.filter(user=user).first()]:
        if device is not None and not device.verify_is_allowed()[0]:
            return True
    return False


def second_factor_verify(*, user: User, token: str) -> Device | None:
    """The device that accepts ``token`` (a 6-digit code or a recovery code), or None.

    A recovery code works once (django-otp deletes it) and its use is recorded. Both devices
    slow down after each wrong code (django-otp's throttling).
    """
    token = (token or "").strip().replace(" ", "").lower()
    if not token:
        return None
    totp = confirmed_totp(user)
    if totp is not None and token.isdigit() and len(token) == totp.digits:
        return totp if totp.verify_token(token) else None
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if recovery is None:
        return None
    with transaction.atomic():
        if not recovery.verify_token(token):
            return None
        audit.record(
            "accounts.recovery_code.used",
            actor=user,
            data={"user": user.get_username(), "left": recovery.token_set.count()},
            **_home(user),
        )
    return recovery


# --- Lockouts ---------------------------------------------------------------------------------


def lockout_release(*, actor: User, platform: Platform, username: str) -> int:
    """Forgive a user name's failed logins: the secretariat of a platform for its people, the
    Forum's secretariat for anyone. Returns how many attempt records were removed."""
    visible = {lockout.username for lockout in lockouts_visible(actor, platform)}
    if username not in visible:
        raise PermissionDenied(_("No such lockout."))
    # In the platform's record when the user name is one of its people's; else in the Forum's.
    linked = platform_usernames(platform).filter(username=username).exists()
    home: Home = (
        {"platform": platform, "forum": False} if linked else {"platform": None, "forum": True}
    )
    with transaction.atomic():
        removed = int(axes_reset(username=username))
        audit.record(
            "accounts.lockout.released",
            actor=actor,
            data={"username": username, "attempts": removed},
            **home,
        )
    return removed


# --- Sessions ---------------------------------------------------------------------------------


def sessions_end_elsewhere(*, actor: User, password: str) -> None:
    """End every other session of ``actor``: the password is hashed again with a new salt,
    which changes the session hash every session carries (Django then refuses them all); the
    caller keeps its own session with ``update_session_auth_hash``."""
    _check_password(actor, password)
    with transaction.atomic():
        actor.set_password(password)
        actor.save(update_fields=["password"])
        audit.record(
            "accounts.sessions.ended_elsewhere",
            actor=actor,
            data={"user": actor.get_username()},
            **_home(actor),
        )


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


# --- Personal API tokens ----------------------------------------------------------------------

# A token lives at most a year and a day; an account holds at most this many live tokens.
API_TOKEN_MAX_DAYS = 366
API_TOKEN_MAX_LIVE = 20
# How stale "last used" may be: the row is written at most once a minute, not on every call.
API_TOKEN_USE_GRANULARITY = datetime.timedelta(minutes=1)
_TOKEN_START = "pfm_"


def _secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(
    *, actor: User, name: str, scope: str, expires_on: datetime.date
) -> tuple[ApiToken, str]:
    """Make a token for ``actor``; returns it and its secret, which is shown once and never
    stored (only its hash is). It expires at the end of ``expires_on`` (the site's time zone)."""
    name = (name or "").strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Give the token a name, e.g. the tool that will use it.")]
    elif len(name) > 100:
        errors["name"] = [_("A name of at most 100 characters.")]
    if scope not in ApiToken.Scope.values:
        errors["scope"] = [_("Choose read only, or read and write.")]
    today = timezone.localdate()
    if expires_on <= today:
        errors["expires_on"] = [_("The expiry must be a day after today.")]
    elif expires_on > today + datetime.timedelta(days=API_TOKEN_MAX_DAYS):
        errors["expires_on"] = [
            _("A token lives at most %(days)d days: choose an earlier day.")
            % {"days": API_TOKEN_MAX_DAYS}
        ]
    now = timezone.now()
    live = ApiToken.objects.filter(user=actor, revoked_at__isnull=True, expires_at__gt=now)
    if live.count() >= API_TOKEN_MAX_LIVE:
        errors["name"] = [
            _("You hold %(count)d live tokens: revoke one you no longer use first.")
            % {"count": API_TOKEN_MAX_LIVE}
        ]
    if errors:
        raise ValidationError(errors)
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():  # 4 billion prefixes: rarely twice
        prefix = secrets.token_hex(4)
    secret = f"{_TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    end = datetime.datetime.combine(expires_on + datetime.timedelta(days=1), datetime.time.min)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name,
            prefix=prefix,
            secret_hash=_secret_hash(secret),
            scope=scope,
            created_at=now,
            expires_at=timezone.make_aware(end),
        )
        audit.record(
            "accounts.api_token.created",
            actor=actor,
            data={
                "user": actor.get_username(),
                "token": prefix,
                "name": name,
                "scope": scope,
                "expires_at": token.expires_at.isoformat(),
            },
            **_home(actor),
        )
    return token, secret


def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    """Revoke one of ``actor``'s own tokens: refused at once from the next request."""
    if token.user_id != actor.pk:
        raise PermissionDenied
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise ValidationError(_("That token is already revoked."), code="revoked")
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            "accounts.api_token.revoked",
            actor=actor,
            data={"user": actor.get_username(), "token": token.prefix, "name": token.name},
            **_home(actor),
        )


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The live token whose secret this is (of an active user), or None. Marks it used (the
    time only, at most once a minute: bookkeeping, not an act of its user's, so not audited)."""
    secret = (secret or "").strip()
    if not secret.startswith(_TOKEN_START) or len(secret) > 200:
        return None
    prefix = secret[len(_TOKEN_START) :].split("_", 1)[0]
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, _secret_hash(secret)):
        return None
    now = timezone.now()
    if not token.is_live(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > API_TOKEN_USE_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
