"""Writes to working groups and enrolments. Each records one audit entry."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.models import Platform
from platforma.members.models import Membership
from platforma.members.selectors import members_in_good_standing

from .models import Enrolment, ForumWorkingGroup, WorkingGroup

_LANGS = ("en", "az", "ru")
WG_FIELDS = {"slug", "name", "description", "position", "forum_group", "parent"} | {
    f"{f}_{lang}" for f in ("name", "description") for lang in _LANGS
}


@transaction.atomic
def working_group_create(
    *, actor, platform: Platform, actor_label: str = "", **fields
) -> WorkingGroup:
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
    *, actor, number: int, names: dict[str, str], established_in: int | None, actor_label: str = ""
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
            data={"changes": changes},
        )
    return group


@transaction.atomic
def enrolment_add(
    *,
    actor,
    working_group: WorkingGroup,
    membership: Membership,
    since: datetime.date,
    actor_label: str = "",
) -> Enrolment:
    if membership.platform_id != working_group.platform_id:
        raise ValidationError(
            _("The organisation is not a member of this working group's platform.")
        )
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
    *, actor, enrolment: Enrolment, until: datetime.date, actor_label: str = ""
) -> Enrolment:
    if enrolment.until is not None:
        raise ValidationError(_("This enrolment has already ended."))
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
