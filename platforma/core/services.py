"""Writes to platforms, statutes, people and roles. Every function records one audit entry."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import audit, languages
from .models import FORUM_SLUG, AuditEntry, Person, Platform, PlatformRole, Statute
from .permissions import is_forum_secretariat, managed_platforms
from .statute_rules import RulesError, StatuteRules
from .tenancy import platforms_of, require_manage
from .types import Actor

if TYPE_CHECKING:
    from django.contrib.auth.models import User

M = TypeVar("M", bound=models.Model)


def require_manage_wholly(actor: Actor, obj: models.Model) -> None:
    """Refuse unless ``actor`` manages EVERY platform ``obj`` belongs to.

    People and organisations are shared between platforms: a change to one of them (its name,
    its e-mail, who represents it) reaches every platform it belongs to, so one platform's
    secretariat may only make it when no other platform shares the object. The Forum's
    secretariat (and the system) may always.
    """
    require_manage(actor, obj)
    if actor is None or is_forum_secretariat(actor):
        return
    others = platforms_of(obj) - set(managed_platforms(actor).values_list("pk", flat=True))
    if others:
        raise PermissionDenied(
            _(
                "“%(object)s” also belongs to another platform: only the Forum's secretariat "
                "may change it."
            )
            % {"object": obj}
        )


# Lost updates. An office edit form carries the version of the record it was read at: a digest
# of the values of the fields it edits (``version_of``), not ``updated_at``, which also moves
# when nothing the form shows changed (an event's registrations touch it for the page cache,
# ``activities.services._common.event_mark_changed``). The service reads the row again under a
# lock and refuses the save (``StaleEdit``) when those values are no longer the ones the person
# saw: saving would silently undo someone else's change.


@dataclass(frozen=True)
class SeenVersion:
    """The version of a record an edit form was read at: ``digest`` of ``fields``' values."""

    fields: tuple[str, ...]
    digest: str


def _version_value(obj: models.Model, name: str) -> Any:
    field = obj._meta.get_field(name)
    if field.many_to_many:
        if obj.pk is None:
            return []
        return sorted(getattr(obj, name).values_list("pk", flat=True))
    value = getattr(obj, getattr(field, "attname", name))
    if value is None:
        return ""  # a form gives "" for an empty text; both mean "nothing"
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = value.astimezone(datetime.UTC)
    return audit._jsonable(value)


def version_digest(values: dict[str, Any]) -> str:
    """A version: the digest of what an edit page shows (``{name: value}``, JSON-able)."""
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def version_of(obj: models.Model, fields: tuple[str, ...] | list[str]) -> str:
    """The version of ``obj`` as an edit form of ``fields`` sees it: a digest of their values."""
    return version_digest({name: _version_value(obj, name) for name in sorted(fields)})


class StaleEdit(ValidationError):
    """The record changed since the form was opened: nothing is written.

    ``current`` is the record as it is saved now (read under the lock), ``version`` its
    version, which the form carries from then on so that a deliberate second save goes through.
    """

    def __init__(self, current: models.Model, version: str) -> None:
        self.current = current
        self.version = version
        who, when = last_change(current)
        super().__init__(
            _("“%(object)s” was changed by %(who)s at %(when)s since you opened it.")
            % {"object": current, "who": who, "when": when}
        )


def last_change(obj: models.Model) -> tuple[str, str]:
    """Who changed ``obj`` last and when (in the active, i.e. the page's, time zone), from the
    latest audit entry naming it."""
    entry = (
        AuditEntry.objects.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk))
        .order_by("-at", "-id")
        .only("at", "actor_label")
        .first()
    )
    if entry is None:
        at = getattr(obj, "updated_at", None)
        who = _("someone")
    else:
        at, who = entry.at, entry.actor_label
    when = formats.date_format(timezone.localtime(at), "DATETIME_FORMAT") if at else "?"
    return who, when


def check_version(current: models.Model, seen: SeenVersion | None) -> None:
    """Refuse (``StaleEdit``) when ``current`` — read under a row lock in the running
    transaction — is no longer at the version the form was read at. ``None``: no version was
    sent (a script, the API, a page opened before versions existed): nothing to compare."""
    if seen is None or not seen.digest:
        return
    version = version_of(current, seen.fields)
    if version != seen.digest:
        raise StaleEdit(current, version)


def lock_and_check(obj: M, seen: SeenVersion | None) -> M:
    """Read ``obj``'s row again under a lock into ``obj`` itself, then ``check_version``.

    Reading it again also keeps a save from writing back stale values of fields the form does
    not edit. Call inside the service's transaction, before changing anything."""
    if seen is None:
        return obj
    manager = type(obj)._default_manager
    obj.refresh_from_db(from_queryset=manager.select_for_update(of=("self",)))
    check_version(obj, seen)
    return obj


def apply_changes(
    obj: models.Model,
    changes: dict[str, Any],
    *,
    allowed: set[str],
    seen_version: SeenVersion | None = None,
) -> dict[str, Any]:
    """Set ``changes`` on ``obj`` (only ``allowed`` fields), validate, save; return the diff.

    With ``seen_version`` (what an edit form read), the row is first read again under a lock
    and a change made since refuses the save (``StaleEdit``)."""
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %s") % ", ".join(sorted(unknown))
        )
    lock_and_check(obj, seen_version)
    before = audit.snapshot(obj)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return audit.diff(before, audit.snapshot(obj))


def update_audited(
    obj: M,
    changes: dict[str, Any],
    *,
    allowed: set[str],
    action: str,
    actor: Actor,
    actor_label: str = "",
    home: audit.Home | None = None,
    seen_version: SeenVersion | None = None,
) -> M:
    """Apply ``changes`` through ``apply_changes`` and record them, when anything changed.

    ``home`` says whose record it goes in when ``obj`` has no platform of its own (a shared
    person or organisation: ``audit.home_of``). ``seen_version``: the version the edit form
    was read at; a newer one refuses the save (``StaleEdit``)."""
    changed = apply_changes(obj, changes, allowed=allowed, seen_version=seen_version)
    if changed:
        audit.record(
            action,
            actor=actor,
            actor_label=actor_label,
            target=obj,
            data={"changes": changed},
            **(home or audit.Home(platform=None, forum=False)),
        )
    return obj


PLATFORM_FIELDS = {
    "slug",
    "country_code",
    "country",
    "name",
    "description",
    "founded_on",
    "founded_precision",
    "website",
    "email",
    "time_zone",
    "is_demo",
    "main_language",
} | {f"{f}_{lang}" for f in ("name", "description", "country") for lang in languages.codes()}


@transaction.atomic
def platform_create(*, actor: Actor, actor_label: str = "", **fields: Any) -> Platform:
    unknown = set(fields) - PLATFORM_FIELDS
    if unknown:
        raise ValidationError(_("Unknown platform fields: %s") % ", ".join(sorted(unknown)))
    platform = Platform(**fields)
    platform.full_clean()
    platform.save()
    audit.record(
        "core.platform.created",
        actor=actor,
        actor_label=actor_label,
        target=platform,
        data={"after": audit.snapshot(platform)},
    )
    return platform


@transaction.atomic
def forum_create(*, actor: Actor, actor_label: str = "", **fields: Any) -> Platform:
    """Set up the Forum's own row (slug ``forum``): one per installation, by its operator."""
    unknown = set(fields) - PLATFORM_FIELDS
    if unknown or "slug" in fields:
        raise ValidationError(
            _("Unknown platform fields: %s") % ", ".join(sorted(unknown | {"slug"} & set(fields)))
        )
    if actor is not None and not is_forum_secretariat(actor):
        raise PermissionDenied(_("Only the installation's operator sets up the Forum."))
    if Platform.objects.filter(is_forum=True).exists():
        raise ValidationError(_("The Forum has been set up already."))
    forum = Platform(**fields, slug=FORUM_SLUG, is_forum=True)
    forum.full_clean()
    forum.save()
    audit.record(
        "core.platform.created",
        actor=actor,
        actor_label=actor_label,
        target=forum,
        data={"after": audit.snapshot(forum)},
    )
    return forum


@transaction.atomic
def platform_update(
    *,
    actor: Actor,
    platform: Platform,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Platform:
    return update_audited(
        platform,
        changes,
        allowed=PLATFORM_FIELDS,
        action="core.platform.updated",
        actor=actor,
        actor_label=actor_label,
        seen_version=seen_version,
    )


@transaction.atomic
def statute_adopt(
    *,
    actor: Actor,
    platform: Platform,
    title: str,
    effective_from: datetime.date,
    rules: dict[str, Any],
    adopted_by: str = "",
    text_url: str = "",
    titles: dict[str, str] | None = None,
    actor_label: str = "",
) -> Statute:
    """Add a new statute version; it governs from ``effective_from`` until the next version."""
    require_manage(actor, platform)
    try:
        StatuteRules.from_dict(rules)
    except RulesError as exc:
        raise ValidationError({"rules": exc.problems}) from exc
    if Statute.objects.filter(platform=platform, effective_from=effective_from).exists():
        raise ValidationError(
            {"effective_from": _("Another version of the statute takes effect on that day.")}
        )
    latest = Statute.objects.filter(platform=platform).order_by("-version").first()
    statute = Statute(
        platform=platform,
        version=(latest.version + 1) if latest else 1,
        title=title,
        effective_from=effective_from,
        rules=rules,
        adopted_by=adopted_by,
        text_url=text_url,
        **{f"title_{lang}": text for lang, text in (titles or {}).items()},
    )
    statute.full_clean()
    statute.save()
    audit.record(
        "core.statute.adopted",
        actor=actor,
        actor_label=actor_label,
        target=statute,
        data={"after": audit.snapshot(statute)},
    )
    return statute


PERSON_FIELDS = {"first_name", "last_name", "email", "phone", "user", "is_demo"} | {
    f"{f}_{lang}" for f in ("first_name", "last_name") for lang in languages.codes()
}


def _refuse_account_link(actor: Actor, fields: dict[str, Any]) -> None:
    # A user account reaches a person through an invitation (members.representative_invite),
    # which e-mails the person; linking one by hand would hand an organisation's vote to
    # whoever owns the account.
    if actor is not None and "user" in fields:
        raise ValidationError(
            _("A person's user account comes only from an invitation sent to their e-mail.")
        )


@transaction.atomic
def person_create(
    *, actor: Actor, platform: Platform | None = None, actor_label: str = "", **fields: Any
) -> Person:
    """Add a person for ``platform`` (whose secretariat ``actor`` must be).

    The system (``actor=None``: the demo, commands) may create a person for no platform (the
    entry is then the Forum's); anyone else says which platform the person is created for.
    """
    unknown = set(fields) - PERSON_FIELDS
    if unknown:
        raise ValidationError(_("Unknown person fields: %s") % ", ".join(sorted(unknown)))
    _refuse_account_link(actor, fields)
    if actor is not None and platform is None:
        raise PermissionDenied(_("Say for which platform the person is added."))
    require_manage(actor, platform)
    person = Person(**fields)
    person.full_clean()
    person.save()
    audit.record(
        "core.person.created",
        actor=actor,
        actor_label=actor_label,
        target=person,
        platform=platform,
        forum=platform is None,
        data={"after": audit.snapshot(person)},
    )
    return person


@transaction.atomic
def person_update(
    *,
    actor: Actor,
    person: Person,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **changes: Any,
) -> Person:
    """Change a person's name or contacts; only the secretariat of every platform they belong
    to (or the Forum's) may, since the change shows in all of them."""
    _refuse_account_link(actor, changes)
    require_manage_wholly(actor, person)
    return update_audited(
        person,
        changes,
        allowed=PERSON_FIELDS,
        action="core.person.updated",
        actor=actor,
        actor_label=actor_label,
        home=audit.home_of(person),
        seen_version=seen_version,
    )


@transaction.atomic
def platform_role_grant(
    *, actor: Actor, user: User, platform: Platform, role: str, actor_label: str = ""
) -> PlatformRole:
    if role not in PlatformRole.Role.values:
        raise ValidationError(_("Unknown role: %s") % role)
    grant, created = PlatformRole.objects.get_or_create(user=user, platform=platform, role=role)
    # The back office is the office pages, which check the role itself: no staff status, no
    # model permissions (Django's admin is the Forum secretariat's, and read-only).
    if created:
        audit.record(
            "core.platform_role.granted",
            actor=actor,
            actor_label=actor_label,
            target=grant,
            platform=platform,
            data={"user": user.get_username(), "role": role},
        )
    return grant
