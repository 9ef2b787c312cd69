"""The organisers' pages for events: create, edit, cancel, files, registrations, check-in.

Every page is an ``office_view`` (the platform's managers only, in its time zone); every object
in an address is looked up within the platform (another platform's id is a 404); every write is
a service call. The coordinators of a working group organise its events here too
(``coordinators=True``): they see only the events of their groups (``views.scope``); the kinds
of events stay the secretariat's.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from platforma.core import languages
from platforma.core.models import today_in
from platforma.core.office import office_view, refused_stale, report
from platforma.core.services import StaleEdit

from .. import exports, selectors, services
from ..forms import (
    CheckInManyForm,
    ConfirmForm,
    EventCancelForm,
    EventFileForm,
    EventForm,
    EventKindForm,
    MessageForm,
    OfficeRegistrationForm,
    WalkInForm,
)
from ..models import Event, EventFile, EventKind, Registration
from .scope import event_or_404, limit_groups, visible_events

R = Registration.Status
EVENTS_PER_PAGE = 50
LIST_FILTERS = ("upcoming", "past", "cancelled", "all")


def _submit(request, form, action, success) -> bool:
    """Validate ``form``, call the service; its refusals go onto the fields they name."""
    if not form.is_valid():
        return False
    try:
        result = action(form.cleaned_data)
    except StaleEdit as exc:
        refused_stale(form, exc)
        return False
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error.messages)
        else:
            for message in exc.messages:
                form.add_error(None, message)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or _("You may not do that."))
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True


def _event(request, platform, pk: int) -> Event:
    return event_or_404(request, platform, pk)


def _seats(event: Event) -> dict:
    return selectors.seats(event)


# --- Events --------------------------------------------------------------------------------


@require_GET
@office_view(coordinators=True)
def event_list(request, platform):
    show = request.GET.get("show", "upcoming")
    show = show if show in LIST_FILTERS else "upcoming"
    now = timezone.now()
    events = visible_events(request, platform)
    if show == "upcoming":
        events = events.filter(ends_at__gte=now, cancelled_at__isnull=True).order_by(
            "starts_at", "id"
        )
    elif show == "past":
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    elif show == "cancelled":
        events = events.filter(cancelled_at__isnull=False).order_by("-starts_at", "-id")
    else:
        events = events.order_by("-starts_at", "-id")
    events = events.select_related("custom_kind").annotate(
        confirmed=Count(
            "registrations", filter=Q(registrations__status=R.CONFIRMED), distinct=True
        ),
        waitlisted=Count(
            "registrations", filter=Q(registrations__status=R.WAITLISTED), distinct=True
        ),
        checked_in=Count("attendances", distinct=True),
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"platform": platform, "page": page, "show": show, "filters": LIST_FILTERS}
    return render(request, "activities/office/event_list.html", context)


@require_http_methods(["GET", "POST"])
@office_view(coordinators=True)
def event_create(request, platform):
    form = EventForm(request.POST or None, platform=platform)
    limit_groups(request, form)
    if request.method == "POST":
        created = {}

        def create(_data):
            created["event"] = services.event_create(
                actor=request.user, platform=platform, **form.service_arguments()
            )

        if _submit(request, form, create, _("The event is created.")):
            return redirect("activities:office-event-edit", platform.slug, created["event"].pk)
    context = {"platform": platform, "form": form, "event": None}
    status = 400 if form.is_bound else 200
    return render(request, "activities/office/event_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@office_view(coordinators=True)
def event_edit(request, platform, pk: int):
    event = _event(request, platform, pk)
    form = EventForm(request.POST or None, instance=event, platform=platform)
    limit_groups(request, form, event)
    if request.method == "POST":

        def update(_data):
            saved = services.event_update(
                actor=request.user,
                event=event,
                seen_version=form.seen_version(),
                **form.service_arguments(),
            )
            return len(saved.promoted_registrations)

        def said(promoted):
            if promoted:
                return ngettext(
                    "The event is saved; %(n)d person moved up from the waitlist and is told.",
                    "The event is saved; %(n)d people moved up from the waitlist and are told.",
                    promoted,
                ) % {"n": promoted}
            return _("The event is saved.")

        if _submit(request, form, update, said):
            return redirect("activities:office-event-edit", platform.slug, pk)
        event = _event(request, platform, pk)  # the form changed its copy; show the record as it is
    context = {"platform": platform, "form": form, "event": event, "seats": _seats(event)}
    status = 400 if form.is_bound else 200
    return render(request, "activities/office/event_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@office_view(coordinators=True)
def event_cancel(request, platform, pk: int):
    event = _event(request, platform, pk)
    form = EventCancelForm(request.POST or None, platform=platform)
    told = Registration.objects.filter(event=event, status__in=[R.CONFIRMED, R.WAITLISTED]).count()
    if request.method == "POST" and _submit(
        request,
        form,
        lambda data: services.event_cancel(actor=request.user, event=event, reason=data["reason"]),
        ngettext(
            "The event is cancelled; %(n)d registrant is being told by e-mail.",
            "The event is cancelled; %(n)d registrants are being told by e-mail.",
            told,
        )
        % {"n": told},
    ):
        return redirect("activities:office-event-edit", platform.slug, pk)
    context = {"platform": platform, "event": event, "form": form, "told": told}
    status = 400 if form.is_bound else 200
    return render(request, "activities/office/event_cancel.html", context, status=status)


# --- Files ---------------------------------------------------------------------------------


def _files_page(request, platform, event, form, status=200):
    context = {
        "platform": platform,
        "event": event,
        "form": form,
        "files": EventFile.objects.filter(event=event).order_by("kind", "id"),
        "confirm_form": ConfirmForm(platform=platform),
    }
    return render(request, "activities/office/event_files.html", context, status=status)


@require_http_methods(["GET", "POST"])
@office_view(coordinators=True)
def event_files(request, platform, pk: int):
    event = _event(request, platform, pk)
    form = EventFileForm(request.POST or None, request.FILES or None, platform=platform)
    if request.method == "POST":
        if _submit(
            request,
            form,
            lambda data: services.event_file_add(
                actor=request.user,
                event=event,
                kind=data["kind"],
                upload=data["upload"],
                caption=data["caption"],
                is_public=data["is_public"],
            ),
            _("The file is added."),
        ):
            return redirect("activities:office-event-files", platform.slug, pk)
        return _files_page(request, platform, event, form, status=400)
    return _files_page(request, platform, event, form)


def _file(event, file_pk: int) -> EventFile:
    return get_object_or_404(
        EventFile.objects.select_related("event__platform"), event=event, pk=file_pk
    )


@require_POST
@office_view(coordinators=True)
def event_file_update(request, platform, pk: int, file_pk: int):
    event = _event(request, platform, pk)
    item = _file(event, file_pk)
    try:
        services.event_file_update(
            actor=request.user, item=item, is_public=request.POST.get("is_public") == "1"
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        if item.is_public:
            messages.success(request, _("The file is public: the event's page shows it."))
        else:
            messages.success(request, _("The file is private: only the organisers see it."))
    return redirect("activities:office-event-files", platform.slug, pk)


@require_POST
@office_view(coordinators=True)
def event_file_remove(request, platform, pk: int, file_pk: int):
    event = _event(request, platform, pk)
    item = _file(event, file_pk)
    if not ConfirmForm(request.POST, platform=platform).is_valid():
        messages.error(request, _("Tick “Yes, I am sure” to remove the file."))
    else:
        try:
            services.event_file_remove(actor=request.user, item=item)
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, _("The file is removed."))
    return redirect("activities:office-event-files", platform.slug, pk)


# --- Registrations -------------------------------------------------------------------------


def _registrations_page(request, platform, event, add_form=None, status=200):
    show = request.GET.get("status", "")
    registrations = selectors.registrations_for_organiser(event)
    if show in R.values:
        registrations = registrations.filter(status=show)
    context = {
        "platform": platform,
        "event": event,
        "registrations": registrations,
        "show": show,
        "statuses": R.choices,
        "seats": _seats(event),
        "add_form": add_form or OfficeRegistrationForm(platform=platform),
        "confirm_form": ConfirmForm(platform=platform),
    }
    return render(request, "activities/office/registrations.html", context, status=status)


@require_GET
@office_view(coordinators=True)
def event_registrations(request, platform, pk: int):
    return _registrations_page(request, platform, _event(request, platform, pk))


@require_POST
@office_view(coordinators=True)
def registration_add(request, platform, pk: int):
    event = _event(request, platform, pk)
    form = OfficeRegistrationForm(request.POST, platform=platform)

    def add(data):
        return services.registration_create(
            actor=request.user,
            event=event,
            by_organiser=True,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            organisation_name=data["organisation_name"],
            consent_public=data["consent_public"],
            notify=data["notify"],
        )

    def said(registration):
        if registration.status == R.WAITLISTED:
            return _("%(name)s is on the waitlist: the event is full.") % {
                "name": registration.name
            }
        return _("%(name)s has a confirmed place.") % {"name": registration.name}

    if _submit(request, form, add, said):
        return redirect("activities:office-event-registrations", platform.slug, pk)
    return _registrations_page(request, platform, event, add_form=form, status=400)


@require_POST
@office_view(coordinators=True)
def registration_cancel(request, platform, pk: int, registration_pk: int):
    event = _event(request, platform, pk)
    registration = get_object_or_404(
        Registration.objects.select_related("event__platform"), event=event, pk=registration_pk
    )
    if not ConfirmForm(request.POST, platform=platform).is_valid():
        messages.error(request, _("Tick “Yes, I am sure” to cancel the registration."))
        return redirect("activities:office-event-registrations", platform.slug, pk)
    try:
        cancelled = services.registration_cancel(actor=request.user, registration=registration)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        promoted = [r.name for r in cancelled.promoted_registrations]
        text = _("The registration of %(name)s is cancelled.") % {"name": registration.name}
        if promoted:
            text += " " + _("Moved up from the waitlist and told: %(names)s.") % {
                "names": ", ".join(promoted)
            }
        messages.success(request, text)
    return redirect("activities:office-event-registrations", platform.slug, pk)


@require_GET
@office_view(coordinators=True)
def registrations_export(request, platform, pk: int, fmt: str):
    event = _event(request, platform, pk)
    header, rows = exports.registration_rows(event)
    if fmt == "csv":
        content, content_type = exports.as_csv(header, rows), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        content = exports.as_xlsx(header, rows, title=_("Registrations"))
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404("Unknown format")
    response = HttpResponse(content, content_type=content_type)
    stamp = today_in(platform).isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="registrations-{platform.slug}-{event.pk}-{stamp}.{fmt}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "POST"])
@office_view(coordinators=True)
def event_message(request, platform, pk: int):
    event = _event(request, platform, pk)
    form = MessageForm(request.POST or None, platform=platform)
    if request.method == "POST" and _submit(
        request,
        form,
        lambda data: services.registrations_message(
            actor=request.user,
            event=event,
            subject=data["subject"],
            body=data["body"],
            audience=data["audience"],
        ),
        lambda n: (
            ngettext(
                "The message is being sent to %(n)d registrant.",
                "The message is being sent to %(n)d registrants.",
                n,
            )
            % {"n": n}
        ),
    ):
        return redirect("activities:office-event-registrations", platform.slug, pk)
    context = {"platform": platform, "event": event, "form": form, "seats": _seats(event)}
    status = 400 if form.is_bound else 200
    return render(request, "activities/office/event_message.html", context, status=status)


# --- Check-in ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@office_view(hidden=True, coordinators=True)  # its address is written on paper at the door
def event_checkin(request, platform, pk: int):
    """The check-in list: tick several registrations and check them in at once, check in one,
    or add someone who walked in."""
    event = _event(request, platform, pk)
    walk_in = WalkInForm(platform=platform)
    many = CheckInManyForm(platform=platform, event=event)
    if request.method == "POST":
        try:
            if "registrations" in request.POST or request.POST.get("many"):
                many = CheckInManyForm(request.POST, platform=platform, event=event)
                if not many.is_valid():
                    raise ValidationError([m for errors in many.errors.values() for m in errors])
                done = services.attendance_check_in_many(
                    actor=request.user,
                    event=event,
                    registrations=many.cleaned_data["registrations"],
                )
                said = ngettext(
                    "%(n)d participant checked in.", "%(n)d participants checked in.", len(done)
                ) % {"n": len(done)}
            elif request.POST.get("registration"):
                registration = get_object_or_404(
                    Registration, pk=request.POST["registration"], event=event
                )
                services.attendance_check_in(
                    actor=request.user, event=event, registration=registration
                )
                said = _("Checked in.")
            else:
                walk_in = WalkInForm(request.POST, platform=platform)
                if not walk_in.is_valid():
                    raise ValidationError(_("Please correct the walk-in form."))
                services.attendance_check_in(
                    actor=request.user, event=event, **walk_in.cleaned_data
                )
                said = _("Checked in.")
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, said)
            return redirect("activities:event-checkin", platform=platform.slug, pk=event.pk)
    context = {
        "platform": platform,
        "event": event,
        "registrations": selectors.registrations_for_organiser(event),
        "participants": selectors.participants(event, organiser=True),
        "count": selectors.participant_count(event),
        "walk_in": walk_in,
        "many": many,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/event_checkin.html", context, status=status)


# --- Kinds ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@office_view
def event_kinds(request, platform):
    form = EventKindForm(request.POST or None, platform=platform)
    if request.method == "POST" and _submit(
        request,
        form,
        lambda data: services.event_kind_create(
            actor=request.user,
            platform=platform,
            slug=data["slug"],
            names={code: data[f"name_{code}"] for code in languages.codes()},
        ),
        _("The kind is added: choose “Other” and this kind on an event."),
    ):
        return redirect("activities:office-eventkind-list", platform.slug)
    context = {
        "platform": platform,
        "form": form,
        "kinds": EventKind.objects.filter(platform=platform).annotate(uses=Count("events")),
    }
    status = 400 if form.is_bound else 200
    return render(request, "activities/office/eventkind_list.html", context, status=status)
