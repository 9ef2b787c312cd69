"""Stakeholders: the outside organisations and people a platform informs; their consent to be
contacted (when and how it was given or withdrawn), their import and export, deletion and the
merging of duplicates."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, ProtectedError
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Platform
from platforma.core.services import SeenVersion, apply_changes, lock_and_check
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from ..models import ConsentSource, Distribution, DistributionRecipient, Stakeholder

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
    "consent_recorded_at",
    "consent_source",
    "consent_note",
    "language",
    "notes",
    "is_demo",
}
CONSENT_FIELDS = ("consent_to_contact", "consent_recorded_at", "consent_source", "consent_note")
# What a merge may take from either record: the consent comes as a whole (its answer, date,
# source and note together), never half from each.
MERGE_FIELDS = (
    "kind",
    "name",
    "category",
    "country",
    "contact_name",
    "email",
    "phone",
    "address",
    "consent",
    "language",
    "notes",
)

# Sent inside the merge's transaction, before the duplicate is deleted, with ``keep`` and
# ``other``: an app above publications (outreach's mailings) moves its own rows that point at
# ``other`` to ``keep`` (ARCHITECTURE rule 13).
stakeholders_merging = Signal()


def _now() -> datetime.datetime:
    # Seconds: the export writes them, and a re-import then compares equal.
    return timezone.now().replace(microsecond=0)


def _check_consent_date(stakeholder: Stakeholder) -> None:
    recorded = stakeholder.consent_recorded_at
    if recorded is not None and recorded > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError(_("The date of the consent cannot be in the future."))


def _new_stakeholder(platform: Platform, fields: dict[str, Any]) -> Stakeholder:
    unknown = set(fields) - STAKEHOLDER_FIELDS
    if unknown:
        raise ValidationError(_("Unknown stakeholder fields: %s") % ", ".join(sorted(unknown)))
    stakeholder = Stakeholder(platform=platform, **fields)
    if stakeholder.consent_to_contact and stakeholder.consent_recorded_at is None:
        stakeholder.consent_recorded_at = _now()
    _check_consent_date(stakeholder)
    stakeholder.full_clean()
    return stakeholder


def _stamp_consent(stakeholder: Stakeholder, changes: dict[str, Any]) -> dict[str, Any]:
    """When the answer changes, date it (now, unless the caller gave another date) and forget
    the old answer's source unless a new one is given (an empty source reads "unknown")."""
    if "consent_to_contact" not in changes:
        return changes
    if bool(changes["consent_to_contact"]) == stakeholder.consent_to_contact:
        return changes
    changes = dict(changes)
    if changes.get("consent_recorded_at") in (None, stakeholder.consent_recorded_at):
        changes["consent_recorded_at"] = _now()
    changes.setdefault("consent_source", "")
    return changes


@transaction.atomic
def stakeholder_create(
    *, actor: Actor, platform: Platform, actor_label: str = "", **fields: Any
) -> Stakeholder:
    """Record a stakeholder. Its consent, when given, is dated now unless a date is given."""
    require_manage(actor, platform)
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


def _update(
    stakeholder: Stakeholder, changes: dict[str, Any], seen_version: SeenVersion | None
) -> dict[str, Any]:
    """Read the row again under its lock (the consent is compared with what is stored, and a
    form's ``seen_version`` is checked), date a changed consent, then compare, validate, save."""
    lock_and_check(stakeholder, seen_version or SeenVersion(fields=(), digest=""))
    changes = _stamp_consent(stakeholder, changes)
    recorded = changes.get("consent_recorded_at")
    if recorded is not None and recorded > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError(_("The date of the consent cannot be in the future."))
    return apply_changes(stakeholder, changes, allowed=STAKEHOLDER_FIELDS)


@transaction.atomic
def stakeholder_update(
    *,
    actor: Actor,
    stakeholder: Stakeholder,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Stakeholder:
    """Correct a stakeholder's details or record its consent to be contacted (or its refusal).

    A change of ``consent_to_contact`` is dated now (unless ``consent_recorded_at`` gives
    another date) and its source is the ``consent_source`` given, else unknown.
    ``seen_version``: what the edit form read; a change made since refuses the save."""
    require_manage(actor, stakeholder)
    changed = _update(stakeholder, changes, seen_version)
    if changed:
        audit.record(
            "publications.stakeholder.updated",
            actor=actor,
            actor_label=actor_label,
            target=stakeholder,
            data={"changes": changed},
        )
    return stakeholder


def stakeholder_consent_set(
    *,
    actor: Actor,
    stakeholder: Stakeholder,
    consent: bool,
    source: str,
    note: str = "",
    at: datetime.datetime | None = None,
    actor_label: str = "",
) -> Stakeholder:
    """Record that a stakeholder gave (``consent=True``) or withdrew its consent, when (``at``,
    default now) and how (``source``: a ``ConsentSource``; the unsubscribe link gives
    ``"unsubscribe"``). Nothing is written when the answer, source and note are as stored."""
    if source not in ConsentSource.values:
        raise ValidationError(_("Unknown source of consent: %s") % source)
    changes: dict[str, Any] = {
        "consent_to_contact": consent,
        "consent_source": source,
        "consent_note": note,
    }
    if at is not None:
        changes["consent_recorded_at"] = at.replace(microsecond=0)
    return stakeholder_update(
        actor=actor, stakeholder=stakeholder, actor_label=actor_label, **changes
    )


@transaction.atomic
def stakeholder_delete(*, actor: Actor, stakeholder: Stakeholder, actor_label: str = "") -> None:
    """Delete a stakeholder who received nothing; one who did is refused (merge it instead)."""
    require_manage(actor, stakeholder)
    received = stakeholder.receipts.count()
    if received:
        raise ValidationError(
            _(
                "“%(name)s” has received publications (%(count)d distributions): the record "
                "stays. If it is a duplicate, merge it into the other record instead."
            )
            % {"name": stakeholder.name, "count": received}
        )
    before = audit.snapshot(stakeholder)
    audit.record(
        "publications.stakeholder.deleted",
        actor=actor,
        actor_label=actor_label,
        target=stakeholder,
        data={"before": before},
    )
    try:
        stakeholder.delete()
    except ProtectedError:
        raise ValidationError(
            _("“%(name)s” is still used elsewhere (a mailing): it cannot be deleted.")
            % {"name": stakeholder.name}
        ) from None


@transaction.atomic
def stakeholders_merge(
    *,
    actor: Actor,
    keep: Stakeholder,
    other: Stakeholder,
    take: Iterable[str] = (),
    actor_label: str = "",
) -> Stakeholder:
    """Merge the duplicate ``other`` into ``keep``: ``keep`` takes the ``take`` fields of
    ``other`` (names from ``MERGE_FIELDS``; ``"consent"`` is the consent with its date, source
    and note), receives ``other``'s publications (a distribution that listed both keeps one row
    with the copies added up, and counts one recipient less), and ``other`` is deleted. One audit
    entry holds both records as they were."""
    require_manage(actor, keep, other)
    if keep.platform_id != other.platform_id:
        raise ValidationError(_("Only two stakeholders of the same platform can be merged."))
    if keep.pk == other.pk:
        raise ValidationError(_("Choose two different stakeholders to merge."))
    take = sorted(set(take))
    unknown = set(take) - set(MERGE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be merged: %s") % ", ".join(unknown))
    locked = {
        s.pk: s for s in Stakeholder.objects.select_for_update().filter(pk__in=[keep.pk, other.pk])
    }
    keep, other = locked[keep.pk], locked[other.pk]
    kept_before, other_before = audit.snapshot(keep), audit.snapshot(other)

    moved = combined = 0
    mine = {r.distribution_id: r for r in DistributionRecipient.objects.filter(stakeholder=keep)}
    for receipt in DistributionRecipient.objects.filter(stakeholder=other).order_by("pk"):
        if receipt.distribution_id in mine:
            kept_receipt = mine[receipt.distribution_id]
            kept_receipt.copies += receipt.copies
            kept_receipt.save(update_fields=["copies"])
            receipt.delete()
            Distribution.objects.filter(
                pk=receipt.distribution_id, mode=Distribution.Mode.INDIVIDUAL, total__gt=0
            ).update(total=F("total") - 1)
            combined += 1
        else:
            receipt.stakeholder = keep
            receipt.save(update_fields=["stakeholder"])
            moved += 1
    stakeholders_merging.send(sender=Stakeholder, keep=keep, other=other)

    names = [n for f in take for n in (CONSENT_FIELDS if f == "consent" else (f,))]
    for name in names:
        setattr(keep, name, getattr(other, name))
    other.delete()  # first: ``keep`` may take its name and e-mail (one per platform)
    keep.full_clean()
    keep.save()
    audit.record(
        "publications.stakeholder.merged",
        actor=actor,
        actor_label=actor_label,
        target=keep,
        data={
            "kept": kept_before,
            "merged": other_before,
            "taken": take,
            "after": audit.snapshot(keep),
            "receipts_moved": moved,
            "receipts_combined": combined,
        },
    )
    return keep


# --- Import and export ---------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: list[Stakeholder] = field(default_factory=list)
    updated: list[Stakeholder] = field(default_factory=list)
    unchanged: int = 0


@transaction.atomic
def stakeholders_import(
    *,
    actor: Actor,
    platform: Platform,
    rows: list[dict[str, Any]],
    actor_label: str = "",
    progress: Callable[[int], object] | None = None,
) -> ImportResult:
    """Create (or update: same name and e-mail) stakeholders from rows already checked by
    ``importing.validate_rows``.

    Checked again here, all of them, before anything is written: one bad row and nothing is.
    ``progress(n)`` is called after each row is saved (for a progress bar). One audit entry for
    the file, with what each row changed; none when the file changes nothing.
    """
    from ..importing import validate_rows

    require_manage(actor, platform)
    checked, errors = validate_rows(platform, rows)
    if errors:
        raise ValidationError(errors)
    if not checked:
        raise ValidationError(_("The file has no rows to import."))
    result = ImportResult()
    changes_made = []
    for row in checked:
        if row.stakeholder is None:
            stakeholder = _new_stakeholder(platform, row.fields)
            stakeholder.save()
            result.created.append(stakeholder)
        elif row.changes:
            changed = _update(row.stakeholder, row.changes, None)
            if changed:
                result.updated.append(row.stakeholder)
                changes_made.append([row.stakeholder.pk, row.stakeholder.name, changed])
            else:
                result.unchanged += 1
        else:
            result.unchanged += 1
        if progress:
            progress(1)
    if result.created or result.updated:
        audit.record(
            "publications.stakeholder.imported",
            actor=actor,
            actor_label=actor_label,
            platform=platform,
            data={
                "count": len(result.created),
                "created": [[s.pk, s.name] for s in result.created],
                "updated": changes_made,
                "unchanged": result.unchanged,
            },
        )
    return result


def stakeholders_export(
    *,
    actor: Actor,
    platform: Platform,
    stakeholders: Iterable[Stakeholder],
    filters: dict[str, Any],
    file_format: str,
    actor_label: str = "",
) -> tuple[list[str], list[list[str]]]:
    """The rows of an export (the import's columns), and an audit entry: who took a copy of
    which personal data (the count and the filters)."""
    from ..importing import COLUMNS, export_rows

    require_manage(actor, platform)
    rows = export_rows(platform, stakeholders)
    audit.record(
        "publications.stakeholders.exported",
        actor=actor,
        actor_label=actor_label,
        platform=platform,
        data={
            "count": len(rows),
            "format": file_format,
            "filters": {k: v for k, v in filters.items() if v not in ("", None)},
        },
    )
    return list(COLUMNS), rows
