"""Second factors in tests: a confirmed authenticator for a user, and the code it shows now.

``conftest.py`` makes ``Client.force_login`` count as a verified second factor (see there);
tests that log in through the pages give their users a device with :func:`totp_device` and type
:func:`totp_code`, as a person types what their phone shows.
"""

from __future__ import annotations

import time
from typing import Any

from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device(user: Any) -> TOTPDevice:
    """The user's confirmed authenticator, created if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)
    return device


def totp_code(device: TOTPDevice) -> str:
    """A code the device accepts now: the current one, or the next if the current one was used
    (django-otp refuses a code twice; it accepts one step either side of now)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    while True:
        now = totp.t()
        wanted = max(now, device.last_t + 1)
        if wanted <= now + device.tolerance:
            break
        time.sleep(1)
    return str(hotp(device.bin_key, wanted, digits=device.digits)).zfill(device.digits)


def verify_session(session: Any, user: Any) -> None:
    """Mark a (test client's) session as logged in with a second factor, just now."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from platforma.accounts import session as keys
    from platforma.accounts.policy import must_have_second_factor

    now = time.time()
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session[keys.LOGIN_AT] = now
    session[keys.SEEN_AT] = now
    session[keys.STRICT] = must_have_second_factor(user)
    session[keys.CHECKED_AT] = now
    session.save()
