"""What the password reset and invitation forms count: one row an attempt, kept for the cool-off.

Logins are counted by django-axes (its ``AccessAttempt``); these two forms have no password to
fail, so they count every request by address and by e-mail or account instead.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FormAttempt(models.Model):
    class Form(models.TextChoices):
        PASSWORD_RESET = "password_reset", _("password reset")
        INVITATION = "invitation", _("invitation")

    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    # "ip:203.0.113.5" or "email:someone@example.org" or "account:42"
    key = models.CharField(_("key"), max_length=300)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        verbose_name = _("form attempt")
        verbose_name_plural = _("form attempts")
        indexes = [models.Index(fields=["form", "key", "at"], name="accounts_attempt_lookup")]

    def __str__(self) -> str:
        return f"{self.form} {self.key} {self.at:%Y-%m-%d %H:%M}"
