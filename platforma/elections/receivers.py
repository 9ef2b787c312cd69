"""Elections follow what members tells them (``platforma.members.signals``)."""

from __future__ import annotations

from django.dispatch import receiver

from platforma.members.signals import membership_changed

from .services.rolls import roll_update_for


@receiver(membership_changed, dispatch_uid="elections.update_rolls")
def update_rolls(*, membership, effective_on, actor, **kwargs) -> list[dict]:
    """An open vote's roll follows membership history; the effects go into the change's record."""
    return roll_update_for(actor=actor, membership=membership, effective_on=effective_on)
