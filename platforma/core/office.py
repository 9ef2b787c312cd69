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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Platform
from .permissions import can_manage_platform, is_forum_secretariat, login_redirect
from .tenancy import scoped
from .types import AnyUser

# An office page: ``view(request, platform, ...)``; ``platform`` is None for the Forum's pages.
OfficeView = Callable[..., HttpResponse]

# The Forum as a whole (its annual report) is addressed as this slug, which no platform may take
# (``core.models.RESERVED_SLUGS``).
FORUM_SLUG = "forum"


def managed_platform(user: AnyUser, slug: str) -> Platform:
    """The platform of a back-office page, or 404 when ``user`` does not manage it."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None or not can_manage_platform(user, platform):
        raise Http404("No such platform")
    return platform


def office_view(
    view: OfficeView | None = None, *, hidden: bool = False, forum: bool = False
) -> Any:
    """The one guard of back-office pages: resolve the ``platform`` slug to a platform the user
    manages and run the view in its time zone, as ``view(request, platform, ...)``.

    Anonymous visitors are sent to log in; anyone who does not manage the platform finds nothing
    (404). Options, for the few pages that differ:

    - ``hidden=True``: anonymous visitors find nothing either (an address written on paper at an
      event's door; a report's draft).
    - ``forum=True``: the slug ``forum`` is the Forum as a whole: the view gets ``platform=None``,
      only the Forum's secretariat gets in, and the page runs in the site's time zone.

    Used bare (``@office_view``) or with options (``@office_view(hidden=True)``).
    """
    if view is None:
        return functools.partial(office_view, hidden=hidden, forum=forum)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, platform: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            if hidden:
                raise Http404("No such page")
            return login_redirect(request)
        if forum and platform == FORUM_SLUG:
            if not is_forum_secretariat(request.user):
                raise Http404("No such page")
            return view(request, None, *args, **kwargs)
        managed = managed_platform(request.user, platform)
        request.office_platform = managed  # type: ignore[attr-defined]  # read by the header
        with timezone.override(zoneinfo.ZoneInfo(managed.time_zone)):
            return view(request, managed, *args, **kwargs)

    return wrapper


def report(request: HttpRequest, exc: ValidationError | PermissionDenied) -> None:
    """Show a service's refusal to the user, message by message."""
    if isinstance(exc, PermissionDenied):
        messages.error(request, str(exc) or _("You may not do that."))
        return
    for message in exc.messages:
        messages.error(request, message)


def posted(request: HttpRequest) -> QueryDict | None:
    """A form's data on a POST — even an empty one, so that the form says what is missing —
    and None on a GET. (``request.POST or None`` would take an empty POST for a GET.)"""
    return request.POST if request.method == "POST" else None


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], object],
    success: str,
) -> bool:
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

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class _Scoped:
    """Limits every model choice to ``platform`` and names the zone beside every datetime."""

    fields: dict[str, forms.Field]  # the form's, once mixed in

    def _scope(self, platform: Platform) -> None:
        self.platform = platform
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                # ModelMultipleChoiceField too
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
    def __init__(self, *args: Any, platform: Platform, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._scope(platform)


if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[Any]  # generic only in the stubs
else:
    _ModelForm = forms.ModelForm


class OfficeModelForm(_Scoped, _ModelForm):
    """A model form that only collects input: views hand ``cleaned_data`` to a service."""

    def __init__(self, *args: Any, platform: Platform, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._scope(platform)
