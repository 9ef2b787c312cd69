"""The secretariat's pages for planning a meeting: the meeting itself, its agenda and documents,
opening and closing the sitting, its calendar file. Every write goes through a service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platforma.core.office import office_view, posted, submit
from platforma.core.uploads import attachment_response

from .. import calendar, selectors, services
from ..forms import AgendaDocumentForm, AgendaItemForm, ConfirmForm, MeetingForm
from ..models import AgendaDocument, AgendaItem, Decision, Meeting
from ._helpers import meeting_url, report


def _item_of(meeting: Meeting, pk: int) -> AgendaItem:
    item = AgendaItem.objects.filter(meeting=meeting, pk=pk).select_related("meeting").first()
    if item is None:
        raise Http404("No such agenda item")
    return item


def _document_of(meeting: Meeting, pk: int) -> AgendaDocument:
    document = (
        AgendaDocument.objects.filter(item__meeting=meeting, pk=pk)
        .select_related("item__meeting__platform")
        .first()
    )
    if document is None:
        raise Http404("No such document")
    return document


@office_view
def office_meeting_create(request, platform):
    form = MeetingForm(posted(request), platform=platform)
    created = {}

    def action(data):
        created["meeting"] = services.meeting_create(actor=request.user, **form.service_kwargs())

    if request.method == "POST" and submit(
        request, form, action, _("The meeting is planned. Add its agenda, then convene it.")
    ):
        return redirect(meeting_url("meeting-detail", created["meeting"]))
    return render(
        request,
        "meetings/office/meeting_form.html",
        {"platform": platform, "form": form, "meeting": None},
    )


@office_view
def office_meeting_edit(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    # A meeting keeps its own zone (the platform's unless it was created elsewhere).
    with timezone.override(meeting.tz):
        form = MeetingForm(
            posted(request),
            platform=platform,
            zone=meeting.time_zone,
            initial=MeetingForm.initial_for(meeting),
            versioned=meeting,
        )
        changed = {}

        def action(data):
            changed["meeting"] = services.meeting_update(
                actor=request.user,
                meeting=meeting,
                seen_version=form.seen_version(),
                **form.service_kwargs(),
            )

        if request.method == "POST" and submit(request, form, action, _("The meeting is saved.")):
            if changed["meeting"].needs_new_convocation:
                messages.warning(
                    request,
                    _("The start changed after the convocation: send the convocation again."),
                )
            return redirect(meeting_url("meeting-detail", meeting))
        return render(
            request,
            "meetings/office/meeting_form.html",
            {"platform": platform, "form": form, "meeting": meeting},
        )


@require_POST
@office_view
def office_meeting_open(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    try:
        services.meeting_open(actor=request.user, meeting=meeting)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The sitting is open: check in the delegates."))
    return redirect(meeting_url("meeting-detail", meeting))


@require_POST
@office_view
def office_meeting_close(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Tick “I confirm” to close the sitting: delegates still present leave with it."),
        )
        return redirect(meeting_url("meeting-detail", meeting))
    try:
        services.meeting_close(actor=request.user, meeting=meeting)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The sitting is closed."))
    return redirect(meeting_url("meeting-detail", meeting))


@office_view
def office_meeting_ics(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    agenda = "\n".join(str(item) for item in meeting.agenda.order_by("position"))
    response = HttpResponse(
        calendar.meeting_ics(meeting, agenda_text=agenda),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@office_view
def office_agenda(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    form = AgendaItemForm(posted(request), platform=platform)

    def action(data):
        services.agenda_item_add(
            actor=request.user, meeting=meeting, **{k: v for k, v in data.items() if v}
        )

    if request.method == "POST" and submit(
        request, form, action, _("The item is added to the agenda.")
    ):
        return redirect(meeting_url("office-agenda", meeting))
    items = list(meeting.agenda.prefetch_related("documents").order_by("position"))
    context = {
        "platform": platform,
        "meeting": meeting,
        "items": items,
        "form": form,
        "document_form": AgendaDocumentForm(platform=platform),
    }
    return render(request, "meetings/office/agenda.html", context)


@office_view
def office_agenda_item_edit(request, platform, pk: int, item: int):
    meeting = selectors.meeting_of(platform, pk)
    agenda_item = _item_of(meeting, item)
    form = AgendaItemForm(
        posted(request),
        platform=platform,
        initial=AgendaItemForm.initial_for(agenda_item),
        versioned=agenda_item,
    )

    def action(data):
        services.agenda_item_update(
            actor=request.user, item=agenda_item, seen_version=form.seen_version(), **data
        )

    if request.method == "POST" and submit(request, form, action, _("The item is saved.")):
        return redirect(meeting_url("office-agenda", meeting))
    return render(
        request,
        "meetings/office/agenda_item_form.html",
        {"platform": platform, "meeting": meeting, "item": agenda_item, "form": form},
    )


@require_POST
@office_view
def office_agenda_item_move(request, platform, pk: int, item: int):
    meeting = selectors.meeting_of(platform, pk)
    agenda_item = _item_of(meeting, item)
    position = request.POST.get("position", "")
    try:
        services.agenda_item_move(
            actor=request.user,
            item=agenda_item,
            direction=request.POST.get("direction", ""),
            to=int(position) if position.isdigit() else None,
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The agenda is reordered."))
    return redirect(meeting_url("office-agenda", meeting))


@office_view
def office_agenda_item_remove(request, platform, pk: int, item: int):
    """A second step: the item, its documents and what removing it does, then the button."""
    meeting = selectors.meeting_of(platform, pk)
    agenda_item = _item_of(meeting, item)
    form = ConfirmForm(posted(request))

    def action(data):
        services.agenda_item_remove(actor=request.user, item=agenda_item)

    if request.method == "POST" and submit(
        request, form, action, _("The item is taken off the agenda.")
    ):
        return redirect(meeting_url("office-agenda", meeting))
    return render(
        request,
        "meetings/office/agenda_item_remove.html",
        {"platform": platform, "meeting": meeting, "item": agenda_item, "form": form},
    )


@require_POST
@office_view
def office_agenda_document_add(request, platform, pk: int, item: int):
    meeting = selectors.meeting_of(platform, pk)
    agenda_item = _item_of(meeting, item)
    form = AgendaDocumentForm(request.POST, request.FILES, platform=platform)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))  # an ErrorList yields its messages
        return redirect(meeting_url("office-agenda", meeting))
    data = form.cleaned_data
    try:
        services.agenda_document_add(
            actor=request.user,
            item=agenda_item,
            title_en=data["title_en"],
            url=data["url"],
            file=data["file"],
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(
            request, _("The document is attached to “%(item)s”.") % {"item": agenda_item}
        )
    return redirect(meeting_url("office-agenda", meeting))


@require_POST
@office_view
def office_agenda_document_remove(request, platform, pk: int, document: int):
    meeting = selectors.meeting_of(platform, pk)
    agenda_document = _document_of(meeting, document)
    if not ConfirmForm(request.POST).is_valid():
        messages.error(request, _("Tick “I confirm” to remove the document."))
        return redirect(meeting_url("office-agenda", meeting))
    try:
        services.agenda_document_remove(actor=request.user, document=agenda_document)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The document is removed."))
    return redirect(meeting_url("office-agenda", meeting))


@office_view
def office_agenda_document(request, platform, pk: int, document: int):
    """An uploaded agenda document, always as an attachment (never shown inline)."""
    meeting = selectors.meeting_of(platform, pk)
    agenda_document = _document_of(meeting, document)
    if not agenda_document.file:
        raise Http404("This document is a link")
    return attachment_response(agenda_document.file)


@require_POST
@office_view
def office_decision_visibility(request, platform, decision: int):
    """Show a decision in the public register, or keep it to those who manage the platform."""
    record = Decision.objects.filter(platform=platform, pk=decision).first()
    if record is None:
        raise Http404("No such decision")
    public = request.POST.get("is_public") == "1"
    try:
        services.decision_set_public(actor=request.user, decision=record, is_public=public)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(
            request,
            (_("%(reference)s is public.") if public else _("%(reference)s is no longer public."))
            % {"reference": record.reference},
        )
    return redirect("meetings:decision-list", platform.slug)
