"""Public event pages, registration by secret link, calendars and files."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from platforma.core import pagecache
from platforma.core.mail import absolute, site_domain
from platforma.core.selectors import platform_for_public
from platforma.core.uploads import attachment_response
from platforma.workinggroups.models import WorkingGroup

from .. import calendar, ratelimit, selectors, services
from ..forms import RegistrationForm, member_organisations
from ..models import Event, EventFile, Registration
from ..permissions import can_organise

EVENTS_PER_PAGE = 30


def _error_messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@require_GET
def event_list(request, platform: str):
    site = platform_for_public(platform)
    organiser = can_organise(request.user, site)
    groups = list(WorkingGroup.objects.filter(platform=site, parent__isnull=True))
    selected_group = next((g for g in groups if g.slug == request.GET.get("wg")), None)
    kind = request.GET.get("kind", "")
    kind = kind if kind in Event.Kind.values else ""
    try:
        year = int(request.GET.get("year", "") or 0) or None
    except ValueError:
        year = None
    events = selectors.event_list(
        site, organiser=organiser, year=year, kind=kind, working_group=selected_group
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "platform": site,
        "page": page,
        "groups": groups,
        "selected_group": selected_group,
        "kinds": Event.Kind.choices,
        "kind": kind,
        "years": selectors.event_years(site, organiser=organiser),
        "year": year,
        "organiser": organiser,
    }
    return render(request, "activities/event_list.html", context)


def _detail_context(request, platform, event, form=None, errors=()):
    organiser = can_organise(request.user, platform)
    return {
        "platform": platform,
        "event": event,
        "organiser": organiser,
        "count": selectors.participant_count(event),
        "participants": selectors.participants(event, organiser=organiser),
        "seats": selectors.seats(event),
        "registration_problem": selectors.registration_window_problem(event, timezone.now()),
        "form": form,  # None on GET: the template writes the empty form out
        "organisations": member_organisations(platform).only(
            "pk",
            "legal_name",
            *[f"short_name_{code}" for code, _name in settings.LANGUAGES],
            *[f"legal_name_{code}" for code, _name in settings.LANGUAGES],
            "short_name",
        )
        if event.registration_enabled
        else [],
        "errors": errors,
    }


@require_GET
def event_detail(request, platform: str, pk: int):
    """The event's public page; anonymous visitors share one rendering (``core.pagecache``)."""
    slug = platform
    version = (
        selectors.event_page_version(slug, pk, timezone.now())
        if pagecache.anonymous_get(request)
        else ()
    )

    def render_page(extra: dict):
        platform = platform_for_public(slug)
        event = selectors.event_for(platform, pk, organiser=can_organise(request.user, platform))
        context = _detail_context(request, platform, event)
        return render(request, "activities/event_detail.html", {**context, **extra})

    return pagecache.cached_page(request, version, render_page)


def _own_address(request, email: str) -> bool:
    """A logged-in person registering with their own account's address: the account proves
    the address (it was reached by the invitation or a password reset), so no link is sent."""
    user = request.user
    return bool(
        user.is_authenticated and user.email and user.email.strip().lower() == email.strip().lower()
    )


def _too_many(request, site, pk: int, form, message: str):
    event = selectors.event_for(site, pk, organiser=can_organise(request.user, site))
    context = _detail_context(request, site, event, form=form, errors=[message])
    return render(request, "activities/event_detail.html", context, status=429)


@require_POST
def event_register(request, platform: str, pk: int):
    """The public form. A registration by a stranger holds nothing until its address is
    confirmed (``registration_request``); one with the visitor's own account address is made
    at once. Beyond the per-client limit: 429, nothing written or sent. The honeypot filled:
    the same page as a success, nothing written or sent."""
    # The service reads the event again under a lock; the whole event (files, groups) is read
    # only when the form has to be shown again.
    event = selectors.event_for_registration(platform, pk, request.user)
    site = event.platform
    form = RegistrationForm(request.POST, platform=site)
    errors: list[str] = []
    if form.is_valid():
        data = form.cleaned_data
        own = _own_address(request, data["email"])
        if not own and not ratelimit.registration_allowed(request):
            message = _(
                "Too many registrations from your connection in the last hour. Please try "
                "again later, or write to the organisers."
            )
            return _too_many(request, site, pk, form, message)
        if data["fax"]:
            return redirect("activities:event-registration-sent", platform=site.slug, pk=pk)
        fields = {
            "event": event,
            "name": data["name"],
            "email": data["email"],
            "organisation": data["organisation"],
            "organisation_name": data["organisation_name"],
            "consent_public": data["consent_public"],
        }
        try:
            if own:
                registration = services.registration_create(actor=request.user, **fields)
            else:
                services.registration_request(
                    actor=request.user,
                    actor_label="" if request.user.is_authenticated else "public registration",
                    **fields,
                )
        except services.RegistrationThrottled as exc:
            return _too_many(request, site, pk, form, _error_messages(exc)[0])
        except ValidationError as exc:
            errors = _error_messages(exc)
        else:
            if own:
                return redirect(
                    "activities:registration-detail", platform=site.slug, token=registration.token
                )
            return redirect("activities:event-registration-sent", platform=site.slug, pk=pk)
    event = selectors.event_for(site, pk, organiser=can_organise(request.user, site))
    context = _detail_context(request, site, event, form=form, errors=errors)
    return render(request, "activities/event_detail.html", context, status=400)


@require_GET
def registration_sent(request, platform: str, pk: int):
    """ "Check your e-mail": the same page whatever happened to the address (a request made,
    the link sent again, not sent again so soon, or a honeypot caught)."""
    site = platform_for_public(platform)
    event = selectors.event_for(site, pk, organiser=can_organise(request.user, site))
    context = {
        "platform": site,
        "event": event,
        "hours": services.public_registration.confirm_hours(),
        "minutes": services.public_registration.resend_minutes(),
    }
    return render(request, "activities/registration_sent.html", context)


@require_http_methods(["GET", "POST"])
def registration_confirm(request, platform: str, token: str):
    """The link in the confirmation e-mail. GET shows the registration and one button; POST
    confirms. (Mail systems open links to scan them: a GET that confirmed would confirm the
    addresses a script typed.)"""
    site = platform_for_public(platform)
    now = timezone.now()
    try:
        if request.method == "POST":
            registration = services.registration_confirm(
                actor=request.user,
                actor_label="" if request.user.is_authenticated else "registrant",
                platform=site,
                token=token,
                now=now,
            )
            messages.success(request, _("Thank you: your address is confirmed."))
            return redirect(
                "activities:registration-detail", platform=site.slug, token=registration.token
            )
        registration = services.registration_awaiting(site, token, now)
    except services.ConfirmationInvalid as exc:
        context = {"platform": site, "problem": _error_messages(exc)[0]}
        return render(request, "activities/registration_confirm.html", context, status=404)
    except ValidationError as exc:
        registration = services.registration_awaiting(site, token, now)
        context = {
            "platform": site,
            "registration": registration,
            "event": registration.event,
            "errors": _error_messages(exc),
        }
        return render(request, "activities/registration_confirm.html", context, status=400)
    context = {"platform": site, "registration": registration, "event": registration.event}
    return render(request, "activities/registration_confirm.html", context)


@require_GET
def registration_detail(request, platform: str, token: str):
    site = platform_for_public(platform)
    registration = selectors.registration_by_token(site, token)
    context = {
        "platform": site,
        "registration": registration,
        "event": registration.event,
        "position": _waitlist_position(registration),
    }
    return render(request, "activities/registration_detail.html", context)


def _waitlist_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event=registration.event_id,
            status=Registration.Status.WAITLISTED,
            registered_at__lte=registration.registered_at,
        )
        .exclude(registered_at=registration.registered_at, pk__gt=registration.pk)
        .count()
    )


@require_POST
def registration_cancel(request, platform: str, token: str):
    site = platform_for_public(platform)
    registration = selectors.registration_by_token(site, token)  # the link is the key
    try:
        services.registration_cancel(
            actor=request.user,
            actor_label="registrant" if not request.user.is_authenticated else "",
            registration=registration,
            token=token,
        )
    except ValidationError as exc:
        for message in _error_messages(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("activities:registration-detail", platform=site.slug, token=token)


@require_POST
def registration_consent(request, platform: str, token: str):
    site = platform_for_public(platform)
    registration = selectors.registration_by_token(site, token)
    services.registration_set_consent(
        actor=request.user,
        actor_label="registrant" if not request.user.is_authenticated else "",
        registration=registration,
        consent_public=request.POST.get("consent_public") == "on",
        token=token,
    )
    messages.success(request, _("Your choice is saved."))
    return redirect("activities:registration-detail", platform=site.slug, token=token)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _event_url(event) -> str:
    """The event's address for calendars: from ``PLATFORMA_BASE_URL``, as in e-mails, never
    from the Host header a request happens to carry."""
    return absolute(
        reverse("activities:event-detail", kwargs={"platform": event.platform.slug, "pk": event.pk})
    )


@require_GET
def registration_ics(request, platform: str, token: str):
    site = platform_for_public(platform)
    registration = selectors.registration_by_token(site, token)
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404("Only a confirmed place goes into a calendar")
    content = calendar.registration_calendar_bytes(
        registration, url=_event_url(registration.event), domain=site_domain()
    )
    return _ics_response(content, f"event-{registration.event_id}.ics")


@require_GET
def event_ics(request, platform: str, pk: int):
    site = platform_for_public(platform)
    organiser = can_organise(request.user, site)
    event = selectors.event_for(site, pk, organiser=organiser)
    attendees = selectors.attendees_for_calendar([event]) if organiser else None
    content = calendar.calendar_bytes(
        event.title,
        [event],
        url_for=lambda e: _event_url(e),
        attendees_by_event=attendees,
        domain=site_domain(),
    )
    return _ics_response(content, f"event-{event.pk}.ics")


@require_GET
def feed_ics(request, platform: str, group: str | None = None):
    site = platform_for_public(platform)
    working_group = None
    name = site.name
    if group is not None:
        working_group = get_object_or_404(WorkingGroup, platform=site, slug=group)
        name = f"{site.name} · {working_group.name}"
    events = list(selectors.events_for_calendar(site, working_group=working_group))
    content = calendar.calendar_bytes(
        name, events, url_for=lambda e: _event_url(e), domain=site_domain()
    )
    return _ics_response(content, f"{site.slug}{'-' + group if group else ''}.ics")


@require_GET
def event_file(request, platform: str, pk: int, file_pk: int):
    """A photo or document of an event: public ones for all, the rest for its organisers.

    Always served as an attachment with the type judged from its content, ``nosniff`` and a
    sandboxing policy, so no uploaded file ever runs as a page of the site.
    """
    site = platform_for_public(platform)
    organiser = can_organise(request.user, site)
    event = selectors.event_for(site, pk, organiser=organiser)
    files = EventFile.objects.filter(event=event)
    if not organiser:
        files = files.filter(is_public=True)
    item: EventFile = get_object_or_404(files, pk=file_pk)
    return attachment_response(item.file)
