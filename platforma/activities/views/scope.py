"""What the office's event pages show a working group's coordinator: the events of the groups
they coordinate (``request.office_groups``); the secretariat sees every event of the platform.
The services check again (``services._common.require_organiser``): a forged id or group is
refused there too."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from platforma.core.office import office_groups
from platforma.workinggroups.models import WorkingGroup

from ..models import Event
from ..selectors import organised_event, organised_events


def visible_events(request: HttpRequest, platform) -> QuerySet[Event]:
    return organised_events(platform, office_groups(request))


def event_or_404(request: HttpRequest, platform, pk: int) -> Event:
    return organised_event(platform, office_groups(request), pk)


def limit_groups(request: HttpRequest, form: forms.BaseForm, event: Event | None = None) -> None:
    """A coordinator's event form offers their own groups (and keeps those the event already
    has, which the service will not let them remove), and one of them is required."""
    mine = office_groups(request)
    if mine is None or "working_groups" not in form.fields:
        return
    field = cast(forms.ModelMultipleChoiceField, form.fields["working_groups"])
    shown = set(mine)
    if event is not None and event.pk:
        shown |= set(event.working_groups.values_list("pk", flat=True))
    field.queryset = WorkingGroup.objects.filter(pk__in=shown).order_by("position", "slug")
    field.required = True
    field.help_text = _("Events you organise are of a working group you coordinate.")
