"""Lockouts and second factors are changed in the office and on the account page, with audit
records; Django's admin only shows them (``core.admin_base.make_read_only``)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from platforma.core.admin_base import make_read_only

make_read_only(AccessAttempt, AccessLog, AccessFailureLog, TOTPDevice, StaticDevice)
