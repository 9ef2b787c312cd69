"""Writes to publications, language versions, signatures. Each service records one audit entry.

Also stakeholders (with their import) and distributions.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from platforma.activities.models import CountPrecision
from platforma.activities.uploads import file_snapshot, validate_pdf
from platforma.core import audit
from platforma.core.models import Platform
from platforma.core.services import apply_changes
from platforma.members.models import Organisation
from platforma.members.selectors import members_in_good_standing

from .covers import cover_png
from .models import (
    Distribution,
    DistributionCategory,
    DistributionRecipient,
    Publication,
    PublicationVersion,
    Signature,
    Stakeholder,
    StakeholderCategory,
)

_LANGS = ("en", "az", "ru")
PUBLICATION_FIELDS = {
    "kind",
    "title",
    "abstract",
    "published_on",
    "published_precision",
    "working_group",
    "isbn",
    "doi",
    "is_public",
    "is_demo",
} | {f"{f}_{lang}" for f in ("title", "abstract") for lang in _LANGS}


def _set_authors(publication, persons, organisations) -> None:
    if persons is not None:
        publication.author_persons.set(persons)
    if organisations is not None:
        publication.author_organisations.set(organisations)


@transaction.atomic
def publication_create(
    *,
    actor,
    platform: Platform,
    author_persons=(),
    author_organisations=(),
    actor_label: str = "",
    **fields,
) -> Publication:
    unknown = set(fields) - PUBLICATION_FIELDS
    if unknown:
        raise ValidationError(_("Unknown publication fields: %s") % ", ".join(sorted(unknown)))
    publication = Publication(platform=platform, **fields)
    publication.full_clean()
    publication.save()
    _set_authors(publication, author_persons, author_organisations)
    audit.record(
        "publications.publication.created",
        actor=actor,
        actor_label=actor_label,
        target=publication,
        data={
            "after": audit.snapshot(publication),
            "author_persons": [p.pk for p in author_persons],
            "author_organisations": [o.pk for o in author_organisations],
        },
    )
    return publication


@transaction.atomic
def publication_update(
    *,
    actor,
    publication: Publication,
    author_persons=None,
    author_organisations=None,
    actor_label: str = "",
    **changes,
) -> Publication:
    changed = apply_changes(publication, changes, allowed=PUBLICATION_FIELDS)
    _set_authors(publication, author_persons, author_organisations)
    if author_persons is not None:
        changed["author_persons"] = [p.pk for p in author_persons]
    if author_organisations is not None:
        changed["author_organisations"] = [o.pk for o in author_organisations]
    if changed:
        audit.record(
            "publications.publication.updated",
            actor=actor,
            actor_label=actor_label,
            target=publication,
            data={"changes": changed},
        )
    return publication


@transaction.atomic
def publication_version_add(
    *, actor, publication: Publication, language: str, upload, actor_label: str = ""
) -> PublicationVersion:
    """Add (or replace) the PDF of one language; make its cover from page one when possible."""
    validate_pdf(upload)
    version = PublicationVersion.objects.filter(publication=publication, language=language).first()
    before = file_snapshot(version) if version else None
    if version is None:
        version = PublicationVersion(publication=publication, language=language)
    version.full_clean(exclude=["file", "cover"])
    name = upload.name.rsplit("/", 1)[-1] or "publication.pdf"
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    version.file.save(name, upload, save=False)
    version.size = version.file.size
    png = cover_png(version.file.path)
    if png:
        version.cover.save(
            f"{version.file.name.rsplit('/', 1)[-1][:-4]}.png", ContentFile(png), save=False
        )
    else:
        version.cover = ""
    version.save()
    audit.record(
        "publications.version.added" if before is None else "publications.version.replaced",
        actor=actor,
        actor_label=actor_label,
        target=version,
        platform=publication.platform,
        data={"before": before, "after": file_snapshot(version)},
    )
    return version


@transaction.atomic
def publication_sign(
    *,
    actor,
    publication: Publication,
    organisation: Organisation,
    signed_on: datetime.date,
    actor_label: str = "",
) -> Signature:
    """A member organisation in good standing on ``signed_on`` signs a statement/position paper."""
    if not publication.is_signable:
        raise ValidationError(_("Only statements and position papers are signed."))
    if signed_on < publication.published_on:
        raise ValidationError(_("A signature cannot be dated before the text."))
    if (
        not members_in_good_standing(publication.platform, signed_on)
        .filter(organisation=organisation)
        .exists()
    ):
        raise ValidationError(
            _("%(org)s was not a member in good standing on that day.") % {"org": organisation}
        )
    if Signature.objects.filter(publication=publication, organisation=organisation).exists():
        raise ValidationError(_("%(org)s has already signed.") % {"org": organisation})
    signature = Signature.objects.create(
        publication=publication, organisation=organisation, signed_on=signed_on
    )
    audit.record(
        "publications.signature.added",
        actor=actor,
        actor_label=actor_label,
        target=signature,
        platform=publication.platform,
        data={"after": audit.snapshot(signature)},
    )
    return signature


# --- Stakeholders -------------------------------------------------------------------------

STAKEHOLDER_FIELDS = {
    "kind",
    "name",
    "category",
    "country",
    "contact_name",
    "email",
    "phone",
    "address",
    "consent_to_contact",
    "notes",
    "is_demo",
}


def _new_stakeholder(platform: Platform, fields: dict) -> Stakeholder:
    unknown = set(fields) - STAKEHOLDER_FIELDS
    if unknown:
        raise ValidationError(_("Unknown stakeholder fields: %s") % ", ".join(sorted(unknown)))
    stakeholder = Stakeholder(platform=platform, **fields)
    stakeholder.full_clean()
    return stakeholder


@transaction.atomic
def stakeholder_create(
    *, actor, platform: Platform, actor_label: str = "", **fields
) -> Stakeholder:
    stakeholder = _new_stakeholder(platform, fields)
    stakeholder.save()
    audit.record(
        "publications.stakeholder.created",
        actor=actor,
        actor_label=actor_label,
        target=stakeholder,
        data={"after": audit.snapshot(stakeholder)},
    )
    return stakeholder


@transaction.atomic
def stakeholders_import(
    *, actor, platform: Platform, rows: list[dict], actor_label: str = "", progress=None
) -> list[Stakeholder]:
    """Create stakeholders from rows already checked by ``importing.validate_rows``.

    Checked again here, all of them, before anything is written: one bad row and nothing is.
    ``progress(n)`` is called after each row is saved (for a progress bar).
    """
    from .importing import validate_rows

    cleaned, errors = validate_rows(platform, rows)
    if errors:
        raise ValidationError(errors)
    created = []
    for fields in cleaned:
        stakeholder = _new_stakeholder(platform, fields)
        stakeholder.save()
        created.append(stakeholder)
        if progress:
            progress(1)
    audit.record(
        "publications.stakeholder.imported",
        actor=actor,
        actor_label=actor_label,
        platform=platform,
        data={"count": len(created), "created": [[s.pk, s.name] for s in created]},
    )
    return created


# --- Distributions -------------------------------------------------------------------------


def _distribution(
    platform, publication, *, year, sent_on, channel, event, copies, note, is_demo, mode, **extra
) -> Distribution:
    if publication.platform_id != platform.pk:
        raise ValidationError(_("This publication is another platform's."))
    if event is not None and event.platform_id != platform.pk:
        raise ValidationError(_("This event is another platform's."))
    if channel == Distribution.Channel.EVENT and event is None:
        raise ValidationError({"event": _("Say at which event it was handed out.")})
    if sent_on is not None and sent_on.year != year:
        raise ValidationError({"year": _("The year and the date sent do not agree.")})
    distribution = Distribution(
        platform=platform,
        publication=publication,
        year=year,
        sent_on=sent_on,
        channel=channel,
        event=event,
        copies=copies,
        note=note,
        is_demo=is_demo,
        mode=mode,
        **extra,
    )
    distribution.full_clean()
    distribution.save()
    return distribution


@transaction.atomic
def distribution_record(
    *,
    actor,
    publication: Publication,
    year: int,
    channel: str,
    stakeholders=(),
    categories=(),
    copies_each: int = 1,
    sent_on: datetime.date | None = None,
    event=None,
    note: str = "",
    is_demo: bool = False,
    actor_label: str = "",
) -> Distribution:
    """Send to stakeholders chosen one by one and/or every stakeholder of some categories."""
    platform = publication.platform
    chosen = {s.pk: s for s in stakeholders}
    if any(s.platform_id != platform.pk for s in chosen.values()):
        raise ValidationError(_("A stakeholder of another platform cannot be chosen."))
    bad = set(categories) - set(StakeholderCategory.values)
    if bad:
        raise ValidationError(_("Unknown categories: %s") % ", ".join(sorted(bad)))
    if categories:
        for s in Stakeholder.objects.filter(platform=platform, category__in=categories):
            chosen.setdefault(s.pk, s)
    if not chosen:
        raise ValidationError(_("Choose at least one stakeholder or a category that has some."))
    if copies_each < 1:
        raise ValidationError(_("Each recipient gets at least one copy."))
    distribution = _distribution(
        platform,
        publication,
        year=year,
        sent_on=sent_on,
        channel=channel,
        event=event,
        copies=copies_each * len(chosen),
        note=note,
        is_demo=is_demo,
        mode=Distribution.Mode.INDIVIDUAL,
        total=len(chosen),
    )
    DistributionRecipient.objects.bulk_create(
        DistributionRecipient(distribution=distribution, stakeholder=s, copies=copies_each)
        for s in chosen.values()
    )
    audit.record(
        "publications.distribution.recorded",
        actor=actor,
        actor_label=actor_label,
        target=distribution,
        data={"after": audit.snapshot(distribution), "stakeholders": sorted(chosen)},
    )
    return distribution


@transaction.atomic
def distribution_record_aggregate(
    *,
    actor,
    publication: Publication,
    year: int,
    channel: str,
    total: int,
    total_precision: str = CountPrecision.EXACT,
    breakdown: dict[str, int | None] | None = None,
    sent_on: datetime.date | None = None,
    copies: int | None = None,
    event=None,
    note: str = "",
    is_demo: bool = False,
    actor_label: str = "",
) -> Distribution:
    """Only totals are known: "more than 1000 stakeholders", with counts by category if known.

    ``breakdown`` maps a category to its count, or to None when the source names the category
    without a number (nothing is invented).
    """
    breakdown = breakdown or {}
    bad = set(breakdown) - set(StakeholderCategory.values)
    if bad:
        raise ValidationError(_("Unknown categories: %s") % ", ".join(sorted(bad)))
    known = sum(v for v in breakdown.values() if v is not None)
    if total_precision == CountPrecision.EXACT and known > total:
        raise ValidationError(_("The counts by category add up to more than the total."))
    distribution = _distribution(
        platform=publication.platform,
        publication=publication,
        year=year,
        sent_on=sent_on,
        channel=channel,
        event=event,
        copies=copies,
        note=note,
        is_demo=is_demo,
        mode=Distribution.Mode.AGGREGATE,
        total=total,
        total_precision=total_precision,
    )
    DistributionCategory.objects.bulk_create(
        DistributionCategory(distribution=distribution, category=category, count=count)
        for category, count in breakdown.items()
    )
    audit.record(
        "publications.distribution.recorded",
        actor=actor,
        actor_label=actor_label,
        target=distribution,
        data={"after": audit.snapshot(distribution), "breakdown": breakdown},
    )
    return distribution
