"""Publications, their language versions (PDF and cover) and the signatures of statements."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core.models import Person, Platform, today_in
from platforma.core.services import SeenVersion, apply_changes
from platforma.core.tenancy import require_manage_or_coordinate, scoped
from platforma.core.types import Actor
from platforma.core.uploads import PDF_ONLY, check_upload, stored_name
from platforma.members.models import Organisation
from platforma.members.selectors import members_in_good_standing

from ..covers import cover_png
from ..models import Publication, PublicationVersion, Signature

_LANGS = languages.codes()
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


def _check_authors(
    platform: Platform,
    persons: Iterable[Person] | None,
    organisations: Iterable[Organisation] | None,
) -> None:
    """Authors are people and member organisations of the platform (checked for new ones)."""
    if persons:
        known = set(
            scoped(Person.objects.filter(pk__in=[p.pk for p in persons]), platform).values_list(
                "pk", flat=True
            )
        )
        strangers = [str(p) for p in persons if p.pk not in known]
        if strangers:
            raise ValidationError(
                _("Not a person of this platform: %(names)s.") % {"names": ", ".join(strangers)}
            )
    if organisations:
        members = set(
            Organisation.objects.filter(
                pk__in=[o.pk for o in organisations], memberships__platform=platform
            ).values_list("pk", flat=True)
        )
        strangers = [str(o) for o in organisations if o.pk not in members]
        if strangers:
            raise ValidationError(
                _("Not a member organisation of this platform: %(names)s.")
                % {"names": ", ".join(strangers)}
            )


def _require_editor(actor: Actor, group_ids: Iterable[int | None], *objects: Any) -> None:
    """Refuse unless ``actor`` edits publications of these working groups: the platform's
    secretariat (as ``require_manage``), or a coordinator of every one of ``group_ids`` (the
    publication's group, read from the database, or the one it is being given). Every object
    (the platform, authors, signatories) must be of the same platform. A publication of no
    group is the secretariat's alone."""
    groups = list(group_ids)
    for obj in objects:
        if obj is not None:
            require_manage_or_coordinate(actor, obj, groups, every=True)


def _set_authors(
    publication: Publication,
    persons: Iterable[Person] | None,
    organisations: Iterable[Organisation] | None,
) -> None:
    if persons is not None:
        publication.author_persons.set(persons)
    if organisations is not None:
        publication.author_organisations.set(organisations)


@transaction.atomic
def publication_create(
    *,
    actor: Actor,
    platform: Platform,
    author_persons: Iterable[Person] = (),
    author_organisations: Iterable[Organisation] = (),
    actor_label: str = "",
    **fields: Any,
) -> Publication:
    author_persons, author_organisations = list(author_persons), list(author_organisations)
    group = fields.get("working_group")
    _require_editor(
        actor,
        [getattr(group, "pk", None)],
        platform,
        group,
        *author_persons,
        *author_organisations,
    )
    unknown = set(fields) - PUBLICATION_FIELDS
    if unknown:
        raise ValidationError(_("Unknown publication fields: %s") % ", ".join(sorted(unknown)))
    _check_authors(platform, author_persons, author_organisations)
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
    actor: Actor,
    publication: Publication,
    author_persons: Iterable[Person] | None = None,
    author_organisations: Iterable[Organisation] | None = None,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Publication:
    """Change a publication's fields and, when given, its authors (the whole list).

    ``seen_version``: what the edit form read; a change made since (to its fields or its
    authors) refuses the save (``core.services.StaleEdit``)."""
    groups = [publication.working_group_id]
    _require_editor(actor, groups, publication)
    if author_persons is not None:
        author_persons = list(author_persons)
        current = set(publication.author_persons.values_list("pk", flat=True))
        added = [p for p in author_persons if p.pk not in current]
        _require_editor(actor, groups, *added)
        _check_authors(publication.platform, added, ())
    if author_organisations is not None:
        author_organisations = list(author_organisations)
        current = set(publication.author_organisations.values_list("pk", flat=True))
        added_organisations = [o for o in author_organisations if o.pk not in current]
        _require_editor(actor, groups, *added_organisations)
        _check_authors(publication.platform, (), added_organisations)
    if "working_group" in changes:
        new_group = changes["working_group"]
        if getattr(new_group, "pk", None) != publication.working_group_id:
            # A coordinator hands a publication only to another group of theirs; taking it
            # out of every group makes it the secretariat's alone.
            _require_editor(actor, [getattr(new_group, "pk", None)], publication, new_group)
    changed = apply_changes(
        publication, changes, allowed=PUBLICATION_FIELDS, seen_version=seen_version
    )
    if author_persons is not None:
        before = sorted(publication.author_persons.values_list("pk", flat=True))
        after = sorted(p.pk for p in author_persons)
        if before != after:
            changed["author_persons"] = {"before": before, "after": after}
    if author_organisations is not None:
        before = sorted(publication.author_organisations.values_list("pk", flat=True))
        after = sorted(o.pk for o in author_organisations)
        if before != after:
            changed["author_organisations"] = {"before": before, "after": after}
    _set_authors(publication, author_persons, author_organisations)
    if changed:
        audit.record(
            "publications.publication.updated",
            actor=actor,
            actor_label=actor_label,
            target=publication,
            data={"changes": changed},
        )
    return publication


def _delete_stored(storage: Storage, name: str) -> None:
    if storage.exists(name):
        storage.delete(name)


def _delete_files_after_commit(*fields: Any) -> None:
    """Remove stored files once the row that named them is gone for good (never on rollback)."""
    for field in fields:
        if field and field.name:
            storage, name = field.storage, field.name
            transaction.on_commit(functools.partial(_delete_stored, storage, name))


@transaction.atomic
def publication_version_add(
    *,
    actor: Actor,
    publication: Publication,
    language: str,
    upload: File[Any],
    actor_label: str = "",
) -> PublicationVersion:
    """Add (or replace) the PDF of one language; make its cover from page one when possible.

    The file must be a PDF by its content (whatever it is called); its stored name ends in
    ``.pdf`` because of that content, never because of the uploader's name.
    """
    _require_editor(actor, [publication.working_group_id], publication)
    content_type = check_upload(upload, allowed=PDF_ONLY)
    version = PublicationVersion.objects.filter(publication=publication, language=language).first()
    before = audit.snapshot(version) if version else None
    old_files = (version.file, version.cover) if version else ()
    if version is None:
        version = PublicationVersion(publication=publication, language=language)
    version.full_clean(exclude=["file", "cover"])
    version.file.save(stored_name(upload.name or "", content_type), upload, save=False)
    version.size = version.file.size
    png = cover_png(version.file.path)
    if png:
        stem = version.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        version.cover.save(f"{stem}.png", ContentFile(png), save=False)
    else:
        version.cover = ""
    version.save()
    if old_files:
        _delete_files_after_commit(*old_files)
    audit.record(
        "publications.version.added" if before is None else "publications.version.replaced",
        actor=actor,
        actor_label=actor_label,
        target=version,
        platform=publication.platform,
        data={"before": before, "after": audit.snapshot(version)},
    )
    return version


@transaction.atomic
def publication_version_remove(
    *, actor: Actor, version: PublicationVersion, actor_label: str = ""
) -> None:
    """Take one language version (its PDF and cover) off the publication."""
    _require_editor(actor, [version.publication.working_group_id], version)
    publication = version.publication
    audit.record(
        "publications.version.removed",
        actor=actor,
        actor_label=actor_label,
        target=version,
        platform=publication.platform,
        data={"before": audit.snapshot(version)},
    )
    _delete_files_after_commit(version.file, version.cover)
    version.delete()


@transaction.atomic
def publication_sign(
    *,
    actor: Actor,
    publication: Publication,
    organisation: Organisation,
    signed_on: datetime.date,
    actor_label: str = "",
) -> Signature:
    """A member organisation in good standing on ``signed_on`` signs a statement/position paper."""
    _require_editor(actor, [publication.working_group_id], publication, organisation)
    if not publication.is_signable:
        raise ValidationError(_("Only statements and position papers are signed."))
    if signed_on < publication.published_on:
        raise ValidationError(_("A signature cannot be dated before the text."))
    if signed_on > today_in(publication.platform):
        raise ValidationError(_("A signature cannot be dated in the future."))
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


@transaction.atomic
def signature_remove(*, actor: Actor, signature: Signature, actor_label: str = "") -> None:
    """Withdraw a signature recorded by mistake (or withdrawn by the organisation)."""
    _require_editor(actor, [signature.publication.working_group_id], signature)
    audit.record(
        "publications.signature.removed",
        actor=actor,
        actor_label=actor_label,
        target=signature,
        platform=signature.publication.platform,
        data={"before": audit.snapshot(signature)},
    )
    signature.delete()
