"""Events a platform organises, registrations with a waitlist, attendance and recorded counts."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from platforma.core.models import Person, Platform, TimeStampedModel, validate_time_zone
from platforma.members.models import Organisation
from platforma.workinggroups.models import WorkingGroup


class EventKind(TimeStampedModel):
    """A kind of event a platform adds to the built-in ones (``Event.Kind``)."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="event_kinds"
    )
    slug = models.SlugField(_("slug"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("event kind")
        verbose_name_plural = _("event kinds")
        ordering = ["platform", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "slug"], name="eventkind_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class CountPrecision(models.TextChoices):
    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")


class Event(TimeStampedModel):
    """One activity: a workshop, a training, a conference..."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", pgettext_lazy("event kind", "Workshop")
        TRAINING = "training", pgettext_lazy("event kind", "Training")
        CONFERENCE = "conference", pgettext_lazy("event kind", "Conference")
        ROUND_TABLE = "round_table", pgettext_lazy("event kind", "Round table")
        CAMPAIGN = "campaign", pgettext_lazy("event kind", "Public campaign")
        MONITORING_VISIT = "monitoring_visit", pgettext_lazy("event kind", "Monitoring visit")
        AUTHORITIES_MEETING = (
            "authorities_meeting",
            pgettext_lazy("event kind", "Meeting with authorities"),
        )
        OTHER = "other", pgettext_lazy("event kind", "Other")

    class CountUnit(models.TextChoices):
        ORGANISATIONS = "organisations", _("organisations")
        PERSONS = "persons", _("persons")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    custom_kind = models.ForeignKey(
        EventKind,
        verbose_name=_("platform's own kind"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("Used when the kind is “Other”."),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    aims = models.TextField(_("aims"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True, help_text=_("Written after the event."))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are known or relevant.")
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting address"), blank=True)
    working_groups = models.ManyToManyField(
        WorkingGroup, verbose_name=_("organising working groups"), blank=True, related_name="events"
    )
    partners = models.TextField(_("partners"), blank=True)
    donors = models.TextField(_("donors"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, help_text=_("e.g. “az, en”")
    )
    is_public = models.BooleanField(_("published"), default=True)
    registration_enabled = models.BooleanField(_("registration open to the public"), default=False)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    seats_per_organisation = models.PositiveIntegerField(
        _("seats per organisation"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    recorded_count = models.PositiveIntegerField(
        _("recorded participant count"),
        null=True,
        blank=True,
        help_text=_("For events known only by a number, e.g. from a past report."),
    )
    recorded_count_precision = models.CharField(
        _("precision of the recorded count"),
        max_length=10,
        choices=CountPrecision.choices,
        default=CountPrecision.EXACT,
    )
    recorded_count_unit = models.CharField(
        _("recorded count of"),
        max_length=15,
        choices=CountUnit.choices,
        default=CountUnit.ORGANISATIONS,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for the cancellation"), blank=True)

    # Set by event_update for the page that says who moved up (not a field).
    promoted_registrations: list[Registration]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["platform", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        if self.custom_kind_id and self.kind != self.Kind.OTHER:
            errors["custom_kind"] = _("A platform's own kind goes with the kind “Other”.")
        if self.custom_kind is not None and self.custom_kind.platform_id != self.platform_id:
            errors["custom_kind"] = _("This kind belongs to another platform.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def kind_display(self) -> str:
        if self.kind == self.Kind.OTHER and self.custom_kind is not None:
            return self.custom_kind.name
        return self.get_kind_display()

    @property
    def recorded_count_display(self) -> str:
        if self.recorded_count is None:
            return ""
        n = self.recorded_count
        organisations = self.recorded_count_unit == self.CountUnit.ORGANISATIONS
        if self.recorded_count_precision == CountPrecision.MORE_THAN:
            if organisations:
                text = ngettext("more than %(n)d organisation", "more than %(n)d organisations", n)
            else:
                text = ngettext("more than %(n)d participant", "more than %(n)d participants", n)
        elif organisations:
            text = ngettext("%(n)d organisation", "%(n)d organisations", n)
        else:
            text = ngettext("%(n)d participant", "%(n)d participants", n)
        return text % {"n": n}


class EventFile(TimeStampedModel):
    """A photo or document of an event, stored under MEDIA_ROOT and served by a checking view."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photo")
        DOCUMENT = "document", _("document")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="activities/%Y/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        verbose_name = _("event file")
        verbose_name_plural = _("event files")
        ordering = ["event", "kind", "id"]

    def __str__(self) -> str:
        return self.caption or self.file.name

    @property
    def platform(self) -> Platform:
        return self.event.platform


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(TimeStampedModel):
    """Someone's place at an event: confirmed, on the waitlist, or cancelled.

    A public registration starts "awaiting confirmation" (``PENDING``): it holds no seat and no
    waitlist place until its address is confirmed by the link e-mailed to it; one not confirmed
    in time becomes ``EXPIRED`` (kept, holding nothing; the address may register again).
    """

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("registration status", "Awaiting confirmation")
        CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
        WAITLISTED = "waitlisted", pgettext_lazy("registration status", "On the waitlist")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
        EXPIRED = "expired", pgettext_lazy("registration status", "Expired (not confirmed)")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    organisation_name = models.CharField(
        _("organisation (if not a member)"), max_length=300, blank=True
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    consent_public = models.BooleanField(
        _("name may be listed publicly"),
        default=False,
        help_text=_("Organisers always see every participant."),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    registered_at = models.DateTimeField(
        _("registered at"),
        db_index=True,
        help_text=_("For a public registration: when its address was confirmed."),
    )
    # The confirmation link's token is e-mailed; only its SHA-256 is stored, and it is cleared
    # once used (single use).
    confirmation_hash = models.CharField(
        _("confirmation token (hash)"), max_length=64, blank=True, db_index=True, editable=False
    )
    confirmation_expires_at = models.DateTimeField(
        _("to be confirmed before"), null=True, blank=True
    )
    address_confirmed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("promoted from the waitlist at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    # Set by registration_cancel for the page that says who moved up (not a field).
    promoted_registrations: list[Registration]
    # Set by registration_request: whether the confirmation e-mail went out (not a field).
    mail_sent: bool

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "registered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status__in=["cancelled", "expired"]),
                name="registration_unique_active_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"

    @property
    def platform(self) -> Platform:
        return self.event.platform

    @property
    def organisation_display(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name

    @property
    def holds_place(self) -> bool:
        """A seat or a waitlist place (not awaiting confirmation, expired or cancelled)."""
        return self.status in (self.Status.CONFIRMED, self.Status.WAITLISTED)


class Attendance(TimeStampedModel):
    """One person checked in at an event (from a registration or walking in)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="attendances"
    )
    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendance",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_attendances",
    )
    organisation_name = models.CharField(
        _("organisation (if not a member)"), max_length=300, blank=True
    )
    consent_public = models.BooleanField(_("name may be listed publicly"), default=False)
    checked_in_at = models.DateTimeField(_("checked in at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["event", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"

    @property
    def platform(self) -> Platform:
        return self.event.platform

    @property
    def organisation_display(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name
