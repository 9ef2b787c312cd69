"""Writes to working groups and enrolments. Each records one audit entry."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from platforma.core import audit, languages
from platforma.core.models import Platform, today_in
from platforma.core.services import SeenVersion, update_audited
from platforma.core.tenancy import (
    may_manage_or_coordinate,
    require_manage,
    require_manage_or_coordinate,
)
from platforma.core.types import Actor
from platforma.members.models import Membership, Representative
from platforma.members.selectors import members_in_good_standing

from .models import Enrolment, ForumWorkingGroup, WorkingGroup

_LANGS = languages.codes()
WG_FIELDS = {"slug", "name", "description", "position", "forum_group", "parent"} | {
    f"{f}_{lang}" for f in ("name", "description") for lang in _LANGS
}
# What a group's coordinators may change on its page: its texts, in every language.
TEXT_FIELDS = {f"{f}_{lang}" for f in ("name", "description") for lang in _LANGS}


@transaction.atomic
def working_group_create(
    *, actor: Actor, platform: Platform, actor_label: str = "", **fields: Any
) -> WorkingGroup:
    require_manage(actor, platform, fields.get("parent"))
    unknown = set(fields) - WG_FIELDS
    if unknown:
        raise ValidationError(_("Unknown working group fields: %s") % ", ".join(sorted(unknown)))
    parent = fields.get("parent")
    if parent is not None and parent.platform_id != platform.pk:
        raise ValidationError(_("A sub-group must belong to a working group of the same platform."))
    if parent is not None and parent.parent_id is not None:
        raise ValidationError(_("Sub-groups cannot have sub-groups of their own."))
    group = WorkingGroup(platform=platform, **fields)
    group.full_clean()
    group.save()
    audit.record(
        "workinggroups.working_group.created",
        actor=actor,
        actor_label=actor_label,
        target=group,
        data={"after": audit.snapshot(group)},
    )
    return group


@transaction.atomic
def forum_working_group_ensure(
    *,
    actor: Actor,
    number: int,
    names: dict[str, str],
    established_in: int | None,
    actor_label: str = "",
) -> ForumWorkingGroup:
    """Create or correct one of the Forum's WG themes (shared by all platforms)."""
    group, created = ForumWorkingGroup.objects.get_or_create(
        number=number, defaults={"name": names["en"], "established_in": established_in}
    )
    before = audit.snapshot(group)
    for lang, name in names.items():
        setattr(group, f"name_{lang}", name)
    group.established_in = established_in
    group.save()
    changes = audit.diff(before, audit.snapshot(group))
    if created or changes:
        audit.record(
            "workinggroups.forum_working_group." + ("created" if created else "updated"),
            actor=actor,
            actor_label=actor_label,
            target=group,
            forum=True,  # the Forum's own working groups, which the platforms' mirror
            data={"changes": changes},
        )
    return group


@transaction.atomic
def working_group_text_update(
    *,
    actor: Actor,
    working_group: WorkingGroup,
    actor_label: str = "",
    seen_version: SeenVersion | None = None,
    **texts: str,
) -> WorkingGroup:
    """Change the texts of a group's page (its name and description, in each language): the
    platform's secretariat, or the group's coordinators (a sub-group's, or its parent's)."""
    require_manage_or_coordinate(actor, working_group, [working_group.pk])
    default_name = f"name_{_LANGS[0]}"  # the default language's, which the others fall back to
    if not (texts.get(default_name, getattr(working_group, default_name)) or "").strip():
        raise ValidationError(_("A working group needs a name."))
    return update_audited(
        working_group,
        {name: (value or "").strip() for name, value in texts.items()},
        allowed=TEXT_FIELDS,
        action="workinggroups.working_group.updated",
        actor=actor,
        actor_label=actor_label,
        home=audit.Home(platform=working_group.platform, forum=False),
        seen_version=seen_version,
    )


def _require_may_enrol(actor: Actor, working_group: WorkingGroup, membership: Membership) -> None:
    """The platform's secretariat, the group's coordinators, or the member organisation's own
    current representative (from its page, "My organisation"), may enrol it or end its
    enrolment."""
    if actor is None or may_manage_or_coordinate(actor, working_group, [working_group.pk]):
        return
    if Representative.objects.filter(
        organisation=membership.organisation_id, person__user=actor, until__isnull=True
    ).exists():
        return
    raise PermissionDenied(
        _("You do not manage the platform of “%(object)s”.") % {"object": working_group}
    )


def _refuse_future(day: datetime.date, platform: Platform) -> None:
    today = today_in(platform)
    if day > today:
        raise ValidationError(
            _("The date of an enrolment change cannot be in the future (today is %(today)s).")
            % {"today": date_format(today)}
        )


@transaction.atomic
def enrolment_add(
    *,
    actor: Actor,
    working_group: WorkingGroup,
    membership: Membership,
    since: datetime.date,
    actor_label: str = "",
) -> Enrolment:
    if membership.platform_id != working_group.platform_id:
        raise ValidationError(
            _("The organisation is not a member of this working group's platform.")
        )
    _require_may_enrol(actor, working_group, membership)
    _refuse_future(since, working_group.platform)
    if not members_in_good_standing(membership.platform, since).filter(pk=membership.pk).exists():
        raise ValidationError(_("Only members in good standing can join a working group."))
    if Enrolment.objects.filter(
        working_group=working_group, membership=membership, until__isnull=True
    ).exists():
        raise ValidationError(
            _("%(organisation)s is already in %(group)s.")
            % {"organisation": membership.organisation, "group": working_group}
        )
    enrolment = Enrolment.objects.create(
        working_group=working_group, membership=membership, since=since
    )
    audit.record(
        "workinggroups.enrolment.added",
        actor=actor,
        actor_label=actor_label,
        target=enrolment,
        platform=working_group.platform,
        data={
            "working_group": working_group,
            "organisation": membership.organisation,
            "since": since,
        },
    )
    return enrolment


@transaction.atomic
def enrolment_end(
    *, actor: Actor, enrolment: Enrolment, until: datetime.date, actor_label: str = ""
) -> Enrolment:
    _require_may_enrol(actor, enrolment.working_group, enrolment.membership)
    if enrolment.until is not None:
        raise ValidationError(_("This enrolment has already ended."))
    _refuse_future(until, enrolment.working_group.platform)
    if until < enrolment.since:
        raise ValidationError(_("An enrolment cannot end before it started."))
    enrolment.until = until
    enrolment.save(update_fields=["until", "updated_at"])
    audit.record(
        "workinggroups.enrolment.ended",
        actor=actor,
        actor_label=actor_label,
        target=enrolment,
        platform=enrolment.working_group.platform,
        data={"until": until},
    )
    return enrolment
