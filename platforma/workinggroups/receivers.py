"""Working groups follow what members tells them (``platforma.members.signals``)."""

from __future__ import annotations

from django.dispatch import receiver

from platforma.members.signals import working_groups_chosen

from .services import enrolment_add


@receiver(working_groups_chosen, dispatch_uid="workinggroups.enrol_chosen_groups")
def enrol_in_chosen_groups(
    *, membership, groups, since, actor, actor_label: str = "", **kwargs
) -> None:
    """A new member (admitted on application, or imported) joins the groups it chose."""
    for group in groups:
        enrolment_add(
            actor=actor,
            actor_label=actor_label,
            working_group=group,
            membership=membership,
            since=since,
        )
