"""The secretariat's "E-mail it to stakeholders": a publication's page sent to every stakeholder
who consented to be contacted, through the worker (the page answers at once)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core.models import Platform
from platforma.core.office import office_view

from .. import services
from ..models import Publication
from .office import _confirm, _edit_url


@office_view
def distribution_email(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    publication = get_object_or_404(Publication, platform=platform, pk=pk)
    written, not_written = services.email_audience(platform)
    language = translation.get_language() or "en"
    question = ngettext(
        "“%(title)s” will be e-mailed to %(n)s stakeholder who agreed to be contacted.",
        "“%(title)s” will be e-mailed to %(n)s stakeholders who agreed to be contacted.",
        written,
    ) % {"title": publication.title, "n": written}
    question += " " + ngettext(
        "%(n)s other stakeholder (no consent or no address) is not written to.",
        "%(n)s other stakeholders (no consent or no address) are not written to.",
        not_written,
    ) % {"n": not_written}
    return _confirm(
        request,
        platform,
        obj=publication,
        title=_("E-mail it to stakeholders"),
        question=question,
        button=_("Send the e-mails"),
        back=_edit_url(platform, publication) + "#distributions",
        perform=lambda: services.distribution_email(
            actor=request.user,  # type: ignore[arg-type]
            publication=publication,
            language=language,
        ),
        done=_(
            "The e-mails are being sent in the background; the distribution is recorded. "
            "See Outgoing mail for each one."
        ),
    )
