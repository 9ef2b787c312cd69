"""The secretariat's "E-mail it to stakeholders" on a publication: a mailing draft with the
publication attached (``outreach``), written, previewed and sent from the mailing's pages.

Publications sit below mailings (the layers of docs/architecture.md): this page only sends the
user on, by the mailing form's address, to a draft that the mailing services write.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from platforma.core.models import Platform
from platforma.core.office import office_view

from ..models import Publication


@office_view
def distribution_email(request: HttpRequest, platform: Platform, pk: int) -> HttpResponse:
    publication = get_object_or_404(Publication, platform=platform, pk=pk)
    url = reverse("outreach:office-mailing-create", args=[platform.slug])
    return redirect(f"{url}?{urlencode({'publication': publication.pk})}")
