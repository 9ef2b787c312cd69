"""The public library, publication pages, file downloads, the Atom feed and search.

Files are served so that no browser runs them from the site's origin: a PDF is always an
attachment (``core.uploads.attachment_response``: type judged from the content, ``nosniff``,
``sandbox``); the cover, a PNG made by the server, is shown inline only when its content is a PNG.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from platforma.core.selectors import platform_for_public
from platforma.core.uploads import PNG, attachment_response, content_type_of
from platforma.workinggroups.models import WorkingGroup

from .. import search as site_search
from .. import selectors
from ..models import Publication
from ..permissions import can_manage_publications

PER_PAGE = 24


@require_GET
def publication_list(request, platform: str):
    site = platform_for_public(platform)
    organiser = can_manage_publications(request.user, site)
    groups = list(WorkingGroup.objects.filter(platform=site, parent__isnull=True))
    selected_group = next((g for g in groups if g.slug == request.GET.get("wg")), None)
    kind = request.GET.get("kind", "")
    kind = kind if kind in Publication.Kind.values else ""
    language = request.GET.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    try:
        year = int(request.GET.get("year", "") or 0) or None
    except ValueError:
        year = None
    publications = selectors.library(
        site,
        organiser=organiser,
        kind=kind,
        working_group=selected_group,
        year=year,
        language=language,
    )
    page = Paginator(publications, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "platform": site,
        "page": page,
        "groups": groups,
        "selected_group": selected_group,
        "kinds": Publication.Kind.choices,
        "kind": kind,
        "years": selectors.publication_years(site, organiser=organiser),
        "year": year,
        "languages": settings.LANGUAGES,
        "language": language,
    }
    return render(request, "publications/publication_list.html", context)


@require_GET
def publication_detail(request, platform: str, pk: int):
    site = platform_for_public(platform)
    organiser = can_manage_publications(request.user, site)
    publication = selectors.publication_for(site, pk, organiser=organiser)
    context = {
        "platform": site,
        "publication": publication,
        "totals": selectors.distribution_totals_for_publication(publication),
        "organiser": organiser,
    }
    return render(request, "publications/publication_detail.html", context)


@require_GET
def version_download(request, platform: str, pk: int):
    site = platform_for_public(platform)
    version = selectors.version_for_download(
        site, pk, organiser=can_manage_publications(request.user, site)
    )
    return attachment_response(version.file, filename=os.path.basename(version.file.name))


@require_GET
def version_cover(request, platform: str, pk: int):
    site = platform_for_public(platform)
    version = selectors.version_for_download(
        site, pk, organiser=can_manage_publications(request.user, site)
    )
    cover = version.cover
    if not cover or not cover.storage.exists(cover.name):
        raise Http404("The file is missing")
    if content_type_of(cover) != PNG:  # never show inline what is not the PNG we made
        return attachment_response(cover, filename=f"cover-{version.pk}")
    response = FileResponse(cover.open("rb"), content_type=PNG)
    response["Content-Disposition"] = f'inline; filename="cover-{version.pk}.png"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    # An unpublished publication's cover (seen by its organisers) stays out of shared caches.
    public = version.publication.is_public
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    return response


@require_GET
def search(request, platform: str):
    site = platform_for_public(platform)
    query = request.GET.get("q", "")[:200]
    results = site_search.search(site, query, organiser=can_manage_publications(request.user, site))
    context = {
        "platform": site,
        "query": query,
        "results": results,
        "total": sum(len(v) for v in results.values()),
    }
    return render(request, "publications/search_results.html", context)
