"""Stakeholders: the outside organisations and people a platform informs (and their import)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Platform
from platforma.core.services import SeenVersion, apply_changes
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from ..models import Stakeholder

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


def _new_stakeholder(platform: Platform, fields: dict[str, Any]) -> Stakeholder:
    unknown = set(fields) - STAKEHOLDER_FIELDS
    if unknown:
        raise ValidationError(_("Unknown stakeholder fields: %s") % ", ".join(sorted(unknown)))
    stakeholder = Stakeholder(platform=platform, **fields)
    stakeholder.full_clean()
    return stakeholder


@transaction.atomic
def stakeholder_create(
    *, actor: Actor, platform: Platform, actor_label: str = "", **fields: Any
) -> Stakeholder:
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

    ``seen_version``: what the edit form read; a change made since refuses the save."""
    require_manage(actor, stakeholder)
    changed = apply_changes(
        stakeholder, changes, allowed=STAKEHOLDER_FIELDS, seen_version=seen_version
    )
    if changed:
        audit.record(
            "publications.stakeholder.updated",
            actor=actor,
            actor_label=actor_label,
            target=stakeholder,
            data={"changes": changed},
        )
    return stakeholder


@transaction.atomic
def stakeholders_import(
    *,
    actor: Actor,
    platform: Platform,
    rows: list[dict[str, Any]],
    actor_label: str = "",
    progress: Callable[[int], object] | None = None,
) -> list[Stakeholder]:
    """Create stakeholders from rows already checked by ``importing.validate_rows``.

    Checked again here, all of them, before anything is written: one bad row and nothing is.
    ``progress(n)`` is called after each row is saved (for a progress bar).
    """
    from ..importing import validate_rows

    require_manage(actor, platform)
    cleaned, errors = validate_rows(platform, rows)
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError(_("The file has no rows to import."))
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
