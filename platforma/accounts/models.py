"""What the password reset and invitation forms count (one row an attempt, kept for the cool-off),
and personal API tokens.

Logins are counted by django-axes (its ``AccessAttempt``); these two forms have no password to
fail, so they count every request by address and by e-mail or account instead.
"""

from __future__ import annotations

import datetime

from django.conf import settings
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


class ApiToken(models.Model):
    """A personal API token: the bearer acts as its user, never with more rights than theirs.

    Only a hash of the secret is stored; the secret is shown once, when the token is made. The
    public ``prefix`` (the token's first characters) finds the row and names the token on the
    account page.
    """

    class Scope(models.TextChoices):
        READ = "read", _("read only")
        WRITE = "write", _("read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    secret_hash = models.CharField(_("hash of the secret"), max_length=64)
    scope = models.CharField(_("scope"), max_length=5, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_live(self, now: datetime.datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now
