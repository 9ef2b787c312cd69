"""The office: the one door of the back office (ARCHITECTURE.md, rule 12).

Every page of a platform's back office is an ``office_view``: anonymous visitors are sent to log
in, users who do not manage the platform find nothing (404), and the page runs in the platform's
time zone, so the datetimes its forms read and its templates show mean what the secretariat
typed. Forms derive from :class:`OfficeForm` (or :class:`OfficeModelForm`): every choice they
offer is limited to the platform's rows, and every datetime field names the zone beside it.
"""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import languages
from .models import FORUM_SLUG as FORUM_SLUG
from .models import Platform
from .permissions import (
    can_manage_platform,
    coordinated_group_ids,
    is_forum_secretariat,
    login_redirect,
)
from .services import SeenVersion, StaleEdit, version_of
from .tenancy import scoped
from .types import AnyUser

# An office page: ``view(request, platform, ...)``; ``platform`` is None for the Forum's pages.
OfficeView = Callable[..., HttpResponse]


def managed_platform(user: AnyUser, slug: str) -> Platform:
    """The platform of a back-office page, or 404 when ``user`` does not manage it."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None or not can_manage_platform(user, platform):
        raise Http404("No such platform")
    return platform


def office_view(
    view: OfficeView | None = None,
    *,
    hidden: bool = False,
    forum: bool = False,
    coordinators: bool = False,
) -> Any:
    """The one guard of back-office pages: resolve the ``platform`` slug to a platform the user
    manages and run the view in its time zone, as ``view(request, platform, ...)``.

    Anonymous visitors are sent to log in; anyone who does not manage the platform finds nothing
    (404). Options, for the few pages that differ:

    - ``hidden=True``: anonymous visitors find nothing either (an address written on paper at an
      event's door; a report's draft).
    - ``forum=True``: the slug ``forum`` is the Forum as a whole: the view gets ``platform=None``,
      only the Forum's secretariat gets in, and the page runs in the site's time zone.
    - ``coordinators=True``: the coordinators of at least one of the platform's working groups
      get in too. The view then limits what it shows and does to ``request.office_groups``.

    Every office page sets ``request.office_groups``: None for the secretariat (every group),
    else the frozenset of the ids of the working groups the user coordinates today; and
    ``request.office_coordinator`` (True only for a coordinator who is not the secretariat).

    Used bare (``@office_view``) or with options (``@office_view(hidden=True)``).
    """
    if view is None:
        return functools.partial(office_view, hidden=hidden, forum=forum, coordinators=coordinators)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, platform: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            if hidden:
                raise Http404("No such page")
            return login_redirect(request)
        request.office_groups = None  # type: ignore[attr-defined]
        request.office_coordinator = False  # type: ignore[attr-defined]
        if forum and platform == FORUM_SLUG:
            if not is_forum_secretariat(request.user):
                raise Http404("No such page")
            return view(request, None, *args, **kwargs)
        if coordinators:
            managed = coordinated_platform(request, platform)
        else:
            managed = managed_platform(request.user, platform)
        request.office_platform = managed  # type: ignore[attr-defined]  # read by the header
        with timezone.override(zoneinfo.ZoneInfo(managed.time_zone)):
            return view(request, managed, *args, **kwargs)

    return wrapper


def coordinated_platform(request: HttpRequest, slug: str) -> Platform:
    """The platform of a page open to coordinators: one the user manages (then
    ``request.office_groups`` stays None) or in which they coordinate a working group (then it
    holds those groups' ids); 404 otherwise."""
    platform = Platform.objects.filter(slug=slug).first()
    if platform is None:
        raise Http404("No such platform")
    if can_manage_platform(request.user, platform):
        return platform
    groups = coordinated_group_ids(request.user, platform)
    if not groups:
        raise Http404("No such platform")
    request.office_groups = groups  # type: ignore[attr-defined]
    request.office_coordinator = True  # type: ignore[attr-defined]
    return platform


def office_groups(request: HttpRequest) -> frozenset[int] | None:
    """The working groups an office page may show: None for all (the secretariat), else the
    ids of those the user coordinates (set by ``office_view(coordinators=True)``)."""
    return getattr(request, "office_groups", None)


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
    except StaleEdit as exc:
        refused_stale(form, exc)
        return False
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


# Lost updates (core.services.version_of): an edit form carries, in a hidden field, the
# version of the record it was read at; the view hands ``form.seen_version()`` to the service,
# which refuses with ``StaleEdit`` when the record changed since; ``refused_stale`` then puts
# what the person typed beside what is saved now (templates/office/_stale.html) and gives the
# form the new version, so that saving again is a deliberate choice to replace it.

VERSION_FIELD = "seen_version"

if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


@dataclass(frozen=True)
class StaleRow:
    """One field of a refused save: its label, what the person typed, what is saved now."""

    label: str
    typed: str
    saved: str


class Versioned(_FormBase):
    """An edit form that carries the version of the record it changes.

    ``version_fields``: the model fields whose values make the version; by default the form's
    fields that are fields of the record (a plain form names its fields as the model does)."""

    version_fields: tuple[str, ...] = ()
    stale_rows: list[StaleRow]
    stale_refused: bool
    versioned_object: models.Model | None

    def _versioned(self, obj: models.Model | None) -> None:
        self.stale_rows = []
        self.stale_refused = False
        self.versioned_object = obj
        self._seen_digest = ""
        if obj is None:  # (an unsaved one: a record the service creates on the first save)
            return
        # Computed when shown: forms add fields after their base's __init__.
        self.fields[VERSION_FIELD] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            initial=lambda: version_of(obj, self.version_names()),
        )

    def version_names(self) -> tuple[str, ...]:
        obj = self.versioned_object
        if self.version_fields or obj is None:
            return tuple(self.version_fields)
        names = []
        for name in self.fields:
            try:
                obj._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            names.append(name)
        return tuple(names)

    def full_clean(self) -> None:
        super().full_clean()
        cleaned = getattr(self, "cleaned_data", None)
        if cleaned is not None:  # the version is the form's, not the service's input
            self._seen_digest = str(cleaned.pop(VERSION_FIELD, "") or "")

    def seen_version(self) -> SeenVersion | None:
        """The version the form was read at, for the service; None when none was sent."""
        if self.versioned_object is None or not self._seen_digest:
            return None
        return SeenVersion(fields=self.version_names(), digest=self._seen_digest)


def _comparable(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.Manager):
        value = list(value.all())
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(v.pk if isinstance(v, models.Model) else v for v in value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return value.astimezone(datetime.UTC)
    return value if isinstance(value, bool | int | float) else str(value)


def _shown(field: forms.Field, value: Any) -> str:
    """``value`` as the page shows it: labels of choices, dates in the page's zone."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, models.Manager):
        value = list(value.all())
    if isinstance(value, models.QuerySet | list | tuple | set) and not isinstance(value, str):
        return ", ".join(_shown(field, v) for v in value) or "—"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        labels = dict(_flat(choices))
        return str(labels.get(value, labels.get(str(value), value)))
    return str(value)


def _flat(choices: Iterable[Any]) -> Iterable[tuple[Any, Any]]:
    for key, label in choices:
        if isinstance(label, list | tuple):  # a group of choices
            yield from _flat(label)
        else:
            yield key, label


def refused_stale(form: forms.BaseForm, exc: StaleEdit) -> None:
    """Show a ``StaleEdit`` on ``form``: its message, the fields where what the person typed
    differs from what is saved now, and the new version, so that saving again replaces it."""
    form.add_error(None, exc.messages[0])
    if not isinstance(form, Versioned):
        return
    current = exc.current
    cleaned = getattr(form, "cleaned_data", {})
    rows = []
    for name in form.version_names():
        field = form.fields.get(name)
        if field is None:
            continue
        typed = cleaned.get(name)
        saved = getattr(current, name)
        if _comparable(typed) == _comparable(saved):
            continue
        rows.append(StaleRow(str(field.label or name), _shown(field, typed), _shown(field, saved)))
    form.stale_rows = rows
    form.stale_refused = True
    data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
    data[form.add_prefix(VERSION_FIELD)] = exc.version
    form.data = data


class OfficeForm(Versioned, _Scoped, forms.Form):
    """A form of the office. ``versioned``: the record an edit form changes (see ``Versioned``)."""

    def __init__(
        self,
        *args: Any,
        platform: Platform,
        versioned: models.Model | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._scope(platform)
        self._versioned(versioned)
        _name_languages(self)


if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[Any]  # generic only in the stubs
else:
    _ModelForm = forms.ModelForm


class OfficeModelForm(Versioned, _Scoped, _ModelForm):
    """A model form that only collects input: views hand ``cleaned_data`` to a service.

    Given a saved ``instance`` it is an edit form, which carries the instance's version."""

    def __init__(self, *args: Any, platform: Platform, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._scope(platform)
        self._versioned(self.instance if self.instance.pk is not None else None)
        _name_languages(self)


def _name_languages(form: forms.BaseForm) -> None:
    """modeltranslation labels each language's field with its code ("Description [en]"): name
    the language instead, in the page's language ("Description (English)")."""
    from .content import language_name

    for field in form.fields.values():
        label = str(field.label or "")
        for code in languages.codes():
            if label.endswith(f" [{code}]"):
                field.label = f"{label[: -len(code) - 3]} ({language_name(code)})"
                break
