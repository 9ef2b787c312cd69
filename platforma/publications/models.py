"""Publications and their language versions, statements' signatures, stakeholders, distributions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.activities.models import CountPrecision, Event
from platforma.core.models import (
    DatePrecision,
    Person,
    Platform,
    TimeStampedModel,
    format_at_precision,
)
from platforma.members.models import Organisation
from platforma.workinggroups.models import WorkingGroup


class Publication(TimeStampedModel):
    """A research paper, brochure, statement...: what a platform publishes."""

    class Kind(models.TextChoices):
        RESEARCH_PAPER = "research_paper", pgettext_lazy("publication kind", "Research paper")
        POLICY_BRIEF = "policy_brief", pgettext_lazy("publication kind", "Policy brief")
        BROCHURE = "brochure", pgettext_lazy("publication kind", "Brochure")
        STATEMENT = "statement", pgettext_lazy("publication kind", "Statement")
        POSITION_PAPER = "position_paper", pgettext_lazy("publication kind", "Position paper")
        REPORT = "report", pgettext_lazy("publication kind", "Report")
        NEWSLETTER = "newsletter", pgettext_lazy("publication kind", "Newsletter")

    SIGNABLE = (Kind.STATEMENT, Kind.POSITION_PAPER)

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="publications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=400)
    abstract = models.TextField(_("abstract"), blank=True)
    published_on = models.DateField(_("published on"), db_index=True)
    published_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
    )
    author_persons = models.ManyToManyField(
        Person, verbose_name=_("authors (persons)"), blank=True, related_name="publications"
    )
    author_organisations: models.ManyToManyField[Organisation, Any] = models.ManyToManyField(
        Organisation,
        verbose_name=_("authors (organisations)"),
        blank=True,
        related_name="publications",
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    is_public = models.BooleanField(_("published on the website"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["platform", "published_on"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.working_group is not None and self.working_group.platform_id != self.platform_id:
            raise ValidationError({"working_group": _("This working group is another platform's.")})
        if self.isbn:
            digits = self.isbn.replace("-", "").replace(" ", "").upper()
            if not (
                (len(digits) == 13 and digits.isdigit())
                or (len(digits) == 10 and digits[:9].isdigit() and digits[9] in "0123456789X")
            ):
                raise ValidationError({"isbn": _("An ISBN has 10 or 13 digits.")})
        if self.doi and not self.doi.startswith("10."):
            raise ValidationError({"doi": _("A DOI starts with “10.”, e.g. 10.1234/abc.")})

    @property
    def is_signable(self) -> bool:
        return self.kind in self.SIGNABLE

    @property
    def date_display(self) -> str:
        return format_at_precision(self.published_on, self.published_precision)


class PublicationVersion(TimeStampedModel):
    """One language version of a publication, with its PDF and a cover made from page one."""

    publication = models.ForeignKey(
        Publication,
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("PDF file"), upload_to="publications/%Y/", blank=True)
    cover = models.FileField(_("cover image"), upload_to="publications/covers/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["publication", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="publicationversion_unique_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication} ({self.language})"

    @property
    def platform(self) -> Platform:
        return self.publication.platform


class Signature(TimeStampedModel):
    """A member organisation signing a statement or position paper."""

    publication = models.ForeignKey(
        Publication,
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signed_on = models.DateField(_("signed on"))

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["publication", "organisation__legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "organisation"], name="signature_unique_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.publication}"

    @property
    def platform(self) -> Platform:
        return self.publication.platform


class StakeholderCategory(models.TextChoices):
    EU_INSTITUTION = "eu_institution", _("EU institution")
    UNIVERSITY = "university", _("university")
    LIBRARY = "library", _("library")
    THINK_TANK = "think_tank", _("think tank")
    GOVERNMENT_AGENCY = "government_agency", _("government agency")
    INTERNATIONAL_INSTITUTION = "international_institution", _("international institution")
    MEDIA = "media", _("media")
    DONOR = "donor", _("donor")
    OTHER_CSO = "other_cso", _("other CSO")


class ConsentSource(models.TextChoices):
    """How a stakeholder's consent to be contacted (or its withdrawal) reached the platform.

    Rows recorded before consent had a source keep the empty value: unknown."""

    WEBSITE_FORM = "website_form", _("form on the website")
    EMAIL_REPLY = "email_reply", _("e-mail reply")
    IN_PERSON = "in_person", _("in person at an event")
    IMPORT = "import", _("import")
    UNSUBSCRIBE = "unsubscribe", _("the unsubscribe link")
    OTHER = "other", _("other")


class Stakeholder(TimeStampedModel):
    """An outside organisation or person the platform informs.

    ``consent_recorded_at`` and ``consent_source`` say when and how ``consent_to_contact`` last
    changed (given, or withdrawn); the services set them, never a form directly."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("organisation")
        PERSON = "person", _("person")

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="stakeholders"
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.ORGANISATION
    )
    name = models.CharField(_("name"), max_length=300)
    category = models.CharField(
        _("category"), max_length=30, choices=StakeholderCategory.choices, db_index=True
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    consent_to_contact = models.BooleanField(_("consents to be contacted"), default=False)
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    consent_source = models.CharField(
        _("source of the consent"), max_length=20, choices=ConsentSource.choices, blank=True
    )
    consent_note = models.CharField(_("note on the consent"), max_length=300, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    notes = models.TextField(_("notes"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["platform", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "name", "email"], name="stakeholder_unique_name_email"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Distribution(TimeStampedModel):
    """A publication sent or handed out: to chosen stakeholders, or an aggregate total."""

    class Channel(models.TextChoices):
        PRINT = "print", _("print (post or hand delivery)")
        EMAIL = "email", _("e-mail")
        EVENT = "event", _("handed out at an event")

    class Mode(models.TextChoices):
        INDIVIDUAL = "individual", _("stakeholders one by one")
        AGGREGATE = "aggregate", _("aggregate total only")

    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.PROTECT,
        related_name="distributions",
    )
    publication = models.ForeignKey(
        Publication,
        verbose_name=_("publication"),
        on_delete=models.PROTECT,
        related_name="distributions",
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    channel = models.CharField(
        _("channel"),
        max_length=10,
        choices=Channel.choices,
        blank=True,
        help_text=_("Empty: not recorded."),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="distributions",
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    total = models.PositiveIntegerField(_("number of recipients"), null=True, blank=True)
    total_precision = models.CharField(
        _("precision"),
        max_length=10,
        choices=CountPrecision.choices,
        default=CountPrecision.EXACT,
    )
    copies = models.PositiveIntegerField(_("copies"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        ordering = ["-year", "-sent_on", "-id"]

    def __str__(self) -> str:
        return f"{self.publication} · {self.year}"


class DistributionRecipient(models.Model):
    distribution = models.ForeignKey(
        Distribution,
        verbose_name=_("distribution"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        related_name="receipts",
    )
    copies = models.PositiveIntegerField(_("copies"), default=1)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "stakeholder"], name="recipient_unique_stakeholder"
            )
        ]

    def __str__(self) -> str:
        return str(self.stakeholder)

    @property
    def platform(self) -> Platform:
        return self.distribution.platform


class DistributionCategory(models.Model):
    """In an aggregate distribution: one category of recipients, with its count if known."""

    distribution = models.ForeignKey(
        Distribution,
        verbose_name=_("distribution"),
        on_delete=models.CASCADE,
        related_name="categories",
    )
    category = models.CharField(_("category"), max_length=30, choices=StakeholderCategory.choices)
    count = models.PositiveIntegerField(
        _("count"),
        null=True,
        blank=True,
        help_text=_("Empty: named in the source, number unknown."),
    )
    count_precision = models.CharField(
        _("precision"),
        max_length=10,
        choices=CountPrecision.choices,
        default=CountPrecision.EXACT,
    )

    class Meta:
        verbose_name = _("category of recipients")
        verbose_name_plural = _("categories of recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "category"], name="distributioncategory_unique"
            )
        ]

    def __str__(self) -> str:
        return self.get_category_display()

    @property
    def platform(self) -> Platform:
        return self.distribution.platform
