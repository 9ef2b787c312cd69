"""The tenant (Platform), its versioned statute, people, roles and the append-only audit log."""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .audit_chain import GENESIS
from .statute_rules import RulesError, StatuteRules


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())  # reads the disk: once per process


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class DatePrecision(models.TextChoices):
    """How much of a date is known: "26 April 2014", "November 2009" or just "2014"."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def format_at_precision(day: datetime.date | None, precision: str) -> str:
    """``day`` written as far as it is known, in the active language's format."""
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    return formats.date_format(day, "DATE_FORMAT")


RESERVED_SLUGS = {"admin", "accounts", "api", "static", "media", "forum", "healthz"}

# The Forum's own row (``Platform.is_forum``) is addressed as this slug, which no platform may take.
FORUM_SLUG = "forum"


def validate_platform_slug(value: str) -> None:
    if value in RESERVED_SLUGS - {FORUM_SLUG}:
        raise ValidationError(
            _("“%(value)s” is reserved for the site's own pages."), params={"value": value}
        )


class PlatformQuerySet(models.QuerySet["Platform"]):
    def national(self) -> PlatformQuerySet:
        """The national platforms: every row but the Forum's own."""
        return self.filter(is_forum=False)

    def forum(self) -> Platform | None:
        """The Forum's own row (its statute, bodies, offices, meetings, elections), if set up."""
        return self.filter(is_forum=True).first()


class Platform(TimeStampedModel):
    """One national platform: the tenant everything else belongs to.

    The Forum the platforms form is one more row, ``is_forum=True`` and slug ``forum``: it has
    a statute, bodies, offices and mandates, working groups, direct (EU-side) members, meetings
    and elections through the same machinery as a platform's. Lists of platforms use
    ``Platform.objects.national()``.
    """

    FoundedPrecision = DatePrecision

    slug = models.SlugField(
        _("slug"),
        unique=True,
        validators=[validate_platform_slug],
        help_text=_("Lower-case country name used in web addresses, e.g. “azerbaijan”."),
    )
    country_code = models.CharField(_("country code"), max_length=2, help_text=_("ISO 3166-1."))
    country = models.CharField(_("country"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    founded_precision = models.CharField(
        _("precision of the founding date"),
        max_length=5,
        choices=FoundedPrecision.choices,
        default=FoundedPrecision.DAY,
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Marks a platform whose records are partly fictional demonstration data."),
    )
    main_language = models.CharField(
        _("main language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "The language its content is written in first: a text not yet translated into the "
            "reader's language is shown in this one (then in any language it has)."
        ),
    )
    is_forum = models.BooleanField(
        _("the Forum"),
        default=False,
        editable=False,
        help_text=_("The Forum's own row: its statute, bodies, working groups and members."),
    )

    objects = PlatformQuerySet.as_manager()

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_forum"], condition=models.Q(is_forum=True), name="platform_one_forum"
            ),
            models.CheckConstraint(
                condition=(models.Q(is_forum=False) & ~models.Q(slug=FORUM_SLUG))
                | models.Q(is_forum=True, slug=FORUM_SLUG),
                name="platform_forum_slug",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        # Pages read the main language from a cache (core.fallbacks): a change shows at once.
        from .fallbacks import remember

        remember(self.slug, self.main_language)

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Platform:
        platform = super().from_db(db, field_names, values)
        # The page's view read its platform: the fallback chain needs no query of its own.
        if "main_language" in platform.__dict__ and "slug" in platform.__dict__:
            from .fallbacks import loaded

            loaded(platform.slug, platform.main_language)
        return platform

    def clean(self) -> None:
        if (self.slug == FORUM_SLUG) != self.is_forum:
            raise ValidationError(
                {
                    "slug": _("“%(value)s” is reserved for the site's own pages.")
                    % {"value": self.slug}
                }
            )

    @property
    def founded_display(self) -> str:
        """The founding date at the precision it is known, formatted for the active language."""
        return format_at_precision(self.founded_on, self.founded_precision)


class Statute(TimeStampedModel):
    """One version of a platform's statute; the version in force on a day gives the rules."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="statutes")
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    effective_from = models.DateField(_("in force from"))
    adopted_by = models.CharField(
        _("adopted by (decision)"),
        max_length=200,
        blank=True,
        help_text=_("The decision that adopted this version, e.g. “General Assembly, GA-2009-01”."),
    )
    rules = models.JSONField(_("rules"), default=dict, blank=True)
    text_url = models.URLField(_("full text"), blank=True)

    class Meta:
        verbose_name = _("statute")
        verbose_name_plural = _("statutes")
        ordering = ["platform", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "version"], name="statute_unique_version"),
            models.UniqueConstraint(
                fields=["platform", "effective_from"], name="statute_unique_effective_from"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def clean(self) -> None:
        try:
            StatuteRules.from_dict(self.rules)
        except RulesError as exc:
            raise ValidationError({"rules": exc.problems}) from exc

    @property
    def parsed_rules(self) -> StatuteRules:
        return StatuteRules.from_dict(self.rules)


class Person(TimeStampedModel):
    """A natural person: a representative, an office holder, a contact."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class PlatformRole(TimeStampedModel):
    """What a user may do in one platform's back office."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", pgettext_lazy("role", "Secretariat")
        COORDINATOR = "coordinator", pgettext_lazy("role", "Coordinator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="platform_roles"
    )
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("platform role")
        verbose_name_plural = _("platform roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "platform", "role"], name="platformrole_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.platform}"


class AppendOnlyQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One write, as the service that made it described it. Never changed, never deleted.

    Entries form one hash chain per platform and one for the Forum (``platform`` empty,
    ``forum`` set): ``seq`` counts from 1 in its chain, ``hash`` covers the entry and the
    previous entry's ``hash`` (``core.audit_chain``, docs/audit.md). Only ``audit.record``
    appends; ``verify_audit`` checks every chain.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(
        _("actor label"), max_length=150, blank=True, help_text=_("e.g. “system: load_demo”")
    )
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    forum = models.BooleanField(
        _("the Forum's"),
        default=False,
        help_text=_("An entry of the Forum's own record, which belongs to no platform."),
    )
    seq = models.PositiveBigIntegerField(_("number in its chain"))
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=300, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(platform__isnull=False, forum=False)
                | models.Q(platform__isnull=True, forum=True),
                name="auditentry_platform_or_forum",
            ),
            models.UniqueConstraint(fields=["platform", "seq"], name="auditentry_unique_seq"),
            models.UniqueConstraint(
                fields=["seq"],
                condition=models.Q(forum=True),
                name="auditentry_unique_forum_seq",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        if not self.hash:
            raise PermissionError("Audit entries are appended by core.audit.record only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")


class AuditChain(models.Model):
    """Where a chain ends: the one row ``audit.record`` locks to append (length and head).

    It is rewritten on every append, so ``verify_audit`` never trusts it: it walks the entries
    and only compares what it finds with this row (to see entries cut off the end).
    """

    platform = models.OneToOneField(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_chain",
    )
    forum = models.BooleanField(_("the Forum's"), default=False)
    length = models.PositiveBigIntegerField(_("entries"), default=0)
    head = models.CharField(_("head"), max_length=64, default=GENESIS)

    class Meta:
        verbose_name = _("audit chain")
        verbose_name_plural = _("audit chains")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(platform__isnull=False, forum=False)
                | models.Q(platform__isnull=True, forum=True),
                name="auditchain_platform_or_forum",
            ),
            models.UniqueConstraint(
                fields=["forum"], condition=models.Q(forum=True), name="auditchain_one_forum"
            ),
        ]

    def __str__(self) -> str:
        return f"{'forum' if self.forum else self.platform}: {self.length} {self.head}"


def today_in(platform: Platform) -> datetime.date:
    """Today's date in the platform's own time zone."""
    return datetime.datetime.now(zoneinfo.ZoneInfo(platform.time_zone)).date()


class OutgoingMail(models.Model):
    """One e-mail in the outbox (``core.mail.queue``): stored with the change that sends it and
    delivered by the worker (``core.tasks``), retried with back-off, kept when it fails so that
    the secretariat sees it (and may send it again)."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("mail", "queued")
        SENDING = "sending", pgettext_lazy("mail", "being sent")
        SENT = "sent", pgettext_lazy("mail", "sent")
        FAILED = "failed", pgettext_lazy("mail", "failed")

    # None: the Forum's or the system's own mail (seen by the Forum's secretariat).
    platform = models.ForeignKey(
        Platform,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_mail",
        verbose_name=_("platform"),
    )
    purpose = models.CharField(_("purpose"), max_length=100, blank=True)
    from_email = models.CharField(_("from"), max_length=300)
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list)
    bcc = models.JSONField(_("bcc"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    # The language it is written in (its recipient's), when the sender said: "" if not known.
    language = models.CharField(_("language"), max_length=7, blank=True, default="")
    # [{"name", "mimetype", "content" (base64)}]
    attachments = models.JSONField(_("attachments"), default=list)
    # Extra header lines, e.g. {"List-Unsubscribe": "<https://...>"} for a mailing.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["platform", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"[:300]
