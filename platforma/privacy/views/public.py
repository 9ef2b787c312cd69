"""The person's pages: ask for a link, then (from the link) take a copy or ask for erasure."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from platforma.core.models import Platform

from .. import services
from ..forms import AddressForm
from ..models import DataRequest
from ..throttle import link_allowed


@never_cache
def request_link(request: HttpRequest, platform: str) -> HttpResponse:
    """Always the same answer, whether or not anything is held about the address."""
    the_platform = get_object_or_404(Platform, slug=platform)
    form = AddressForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        if not link_allowed(request, email):
            return render(
                request,
                "privacy/request_link.html",
                {"platform": the_platform, "form": form, "throttled": True},
                status=429,
            )
        services.link_send(
            platform=the_platform, email=email, language=translation.get_language() or "en"
        )
        return render(request, "privacy/link_sent.html", {"platform": the_platform})
    return render(request, "privacy/request_link.html", {"platform": the_platform, "form": form})


def _link(platform: str, token: str) -> DataRequest:
    the_platform = get_object_or_404(Platform, slug=platform)
    link = services.link_find(the_platform, token)
    if link is None:
        raise Http404("No such link")
    return link


@never_cache
def access(request: HttpRequest, platform: str, token: str) -> HttpResponse:
    link = _link(platform, token)
    plan = services.erasure_plan(link.email, link.platform)
    pending = DataRequest.objects.filter(
        platform=link.platform,
        kind=DataRequest.Kind.ERASURE,
        email_hash=link.email_hash,
        status=DataRequest.Status.CONFIRMED,
    ).exists()
    return render(
        request,
        "privacy/access.html",
        {
            "platform": link.platform,
            "link": link,
            "token": token,
            "plan": plan,
            "pending": pending,
        },
    )


@never_cache
def access_download(request: HttpRequest, platform: str, token: str) -> FileResponse:
    link = _link(platform, token)
    archive, records, files = services.export_zip(link.email, link.platform)
    services.export_record(request=link, records=records, files=files)
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"{link.platform.slug}-personal-data.zip",
        content_type="application/zip",
    )


@require_POST
def access_erase(request: HttpRequest, platform: str, token: str) -> HttpResponse:
    link = _link(platform, token)
    services.erasure_request(link=link)
    return render(request, "privacy/erasure_requested.html", {"platform": link.platform})
