"""What members tells the apps above it, without knowing them.

Members sits low in the layers (docs/architecture.md, "Layers"): elections, working groups and
the rest import members, never the other way round. When something happens here that an app
above must follow, members sends a signal and that app connects a receiver in its
``AppConfig.ready()``.

The signals are sent synchronously, inside the transaction of the service that sends them: a
receiver that fails undoes the change, and what a receiver writes is undone with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.dispatch import Signal

# A membership's status changed, or a membership was entered with its history
# (``membership_transition``, ``membership_record_existing``).
# Keyword arguments: ``membership``, ``effective_on`` (the day the change takes effect),
# ``actor``. A receiver returns a list of JSON-able dicts saying what it changed because of it
# (or an empty list); the membership's one audit record keeps them under ``"effects"``, so a
# change and all it caused read as one entry in the audit log.
membership_changed = Signal()

# A new member chose working groups: its application was admitted (``application_decide``) or
# it came in by import (``members_import``). Keyword arguments: ``membership``, ``groups`` (the
# platform's ``WorkingGroup`` rows it chose), ``since`` (the day it starts in them), ``actor``,
# ``actor_label``. Working groups enrol it in each (one audit record per enrolment, as for any).
working_groups_chosen = Signal()


def effects_of(responses: Sequence[tuple[object, object]]) -> list[dict[str, Any]]:
    """The effects the receivers of a signal returned, in one flat list."""
    effects: list[dict[str, Any]] = []
    for _receiver, response in responses:
        if response:
            # What ``membership_changed``'s receivers return (above); the stubs type a
            # signal's responses as ``str | None``.
            effects.extend(cast("list[dict[str, Any]]", response))
    return effects
