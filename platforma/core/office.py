"""The office: the one door of the back office (ARCHITECTURE.md, rule 12).

Every page of a platform's back office is an ``office_view``: anonymous visitors are sent to log
in, users who do not manage the platform find nothing (404), and the page runs in the platform's
time zone, so the datetimes its forms read and its templates show mean what the secretariat
typed. Forms derive from :class:`OfficeForm` (or :class:`OfficeModelForm`): every choice they
offer is limited to the platform's rows, and every datetime field names the zone beside it.
"""

from __future__ import annotations

import functools
import zoneinfo

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Platform
from .permissions import can_manage_platform
from .tenancy import scoped


def managed_platform(user, slug: str) -> Platform:
    """The platform of a back-office page, or 404 when ``user`` does not manage it."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None or not can_manage_platform(user, platform):
        raise Http404("No such platform")
    return platform


def office_view(view):
    """Resolve the ``platform`` slug to a platform the user manages, in its time zone."""

    @functools.wraps(view)
    def wrapper(request, platform: str, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        platform = managed_platform(request.user, platform)
        request.office_platform = platform  # the header's office link needs no second check
        with timezone.override(zoneinfo.ZoneInfo(platform.time_zone)):
            return view(request, platform, *args, **kwargs)

    return wrapper


def report(request, exc: ValidationError | PermissionDenied) -> None:
    """Show a service's refusal to the user, message by message."""
    if isinstance(exc, PermissionDenied):
        messages.error(request, str(exc) or _("You may not do that."))
        return
    for message in exc.messages:
        messages.error(request, message)


def submit(request, form, action, success: str) -> bool:
    """Validate ``form`` and call ``action(cleaned_data)``; a refusal's messages go onto the form.

    Returns True when the service accepted the input (and says ``success``); nothing is written
    otherwise.
    """
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or _("You may not do that."))
        return False
    messages.success(request, success)
    return True


class DateTimeInput(forms.DateTimeInput):
    """A browser's date-and-time picker; the value is read in the page's (the platform's) zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class _Scoped:
    """Limits every model choice to ``platform`` and names the zone beside every datetime."""

    def _scope(self, platform: Platform) -> None:
        self.platform = platform
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
                field.queryset = scoped(field.queryset, platform)
            if isinstance(field, forms.DateTimeField):
                if not isinstance(field.widget, DateTimeInput):
                    field.widget = DateTimeInput(attrs=field.widget.attrs)
                note = _("Time zone: %(zone)s") % {"zone": platform.time_zone}
                if note not in str(field.help_text):
                    field.help_text = f"{field.help_text} {note}".strip()
            elif isinstance(field, forms.DateField) and type(field.widget) is forms.DateInput:
                field.widget = DateInput(attrs=field.widget.attrs)


class OfficeForm(_Scoped, forms.Form):
    def __init__(self, *args, platform: Platform, **kwargs):
        super().__init__(*args, **kwargs)
        self._scope(platform)


class OfficeModelForm(_Scoped, forms.ModelForm):
    """A model form that only collects input: views hand ``cleaned_data`` to a service."""

    def __init__(self, *args, platform: Platform, **kwargs):
        super().__init__(*args, **kwargs)
        self._scope(platform)
