"""Minutes: generated from the record, with the secretary's narrative; HTML and PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from platforma.core.office import office_view, refused_stale
from platforma.core.services import StaleEdit
from platforma.documents.views import pdf_response

from .. import selectors, services
from ..forms import ApproveForm, NarrativeForm
from ..pdf import KIND
from ._helpers import report


@office_view
def minutes_page(request, platform, pk: int):
    meeting = selectors.meeting_of(platform, pk)
    record = selectors.minutes_record(meeting)
    minutes = record["minutes"]
    narrative_form = NarrativeForm(
        initial={
            "narrative": minutes.narrative if minutes else "",
            "secretary": minutes.secretary if minutes else "",
        },
        meeting=meeting,
        minutes=minutes,
    )
    approve_form = ApproveForm(meeting=meeting)
    if request.method == "POST":
        here = reverse("meetings:minutes", args=[platform.slug, meeting.pk])
        try:
            if "approve" in request.POST:
                approve_form = ApproveForm(request.POST, meeting=meeting)
                if approve_form.is_valid():
                    services.minutes_approve(
                        actor=request.user,
                        meeting=meeting,
                        at_meeting=approve_form.cleaned_data["at_meeting"],
                    )
                    messages.success(request, _("Minutes approved and locked."))
                    return redirect(here)
            else:
                narrative_form = NarrativeForm(request.POST, meeting=meeting, minutes=minutes)
                if narrative_form.is_valid():
                    services.minutes_update(
                        actor=request.user,
                        meeting=meeting,
                        seen_version=narrative_form.seen_version(),
                        **narrative_form.cleaned_data,
                    )
                    messages.success(request, _("Narrative saved."))
                    return redirect(here)
        except StaleEdit as exc:
            refused_stale(narrative_form, exc)
        except ValidationError as exc:
            report(request, exc)
    # The minutes themselves are in the meeting's language, whatever the page's language.
    with translation.override(meeting.language):
        document = render_to_string("meetings/_minutes_body.html", record)
    context = {
        "platform": platform,
        "meeting": meeting,
        "minutes": minutes,
        # Rendered from our template, whose variables are auto-escaped.
        "document": mark_safe(document),  # noqa: S308
        "narrative_form": narrative_form,
        "approve_form": approve_form,
    }
    return render(request, "meetings/minutes.html", context)


@office_view
def minutes_pdf(request, platform, pk: int):
    """The minutes' PDF, for the platform's managers: built by the worker and kept until the
    meeting's records change; while it is built a page says so and reloads itself."""
    meeting = selectors.meeting_of(platform, pk)
    return pdf_response(
        request,
        kind=KIND,
        platform=platform,
        key=str(meeting.pk),
        show_error=True,
        context={"platform": platform, "meeting": meeting},
    )
