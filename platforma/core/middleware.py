"""Request guards that run before a view reads anything."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from . import fallbacks
from .models import FORUM_SLUG


class RequestSizeLimit:
    """Refuse a request body larger than ``PLATFORMA_MAX_REQUEST_BYTES`` before reading it.

    Each upload is checked against its own limit later; this stops a body of any size from
    being spooled to disk whole first. A body with no declared length is left to the server.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.PLATFORMA_MAX_REQUEST_BYTES:
            return HttpResponse(
                _("The request is too large: files may be at most 10 MB each."),
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class PlatformLanguage:
    """Content of the platform in the URL falls back to that platform's main language.

    Sets, for the request, the platform whose main language ``core.fallbacks`` puts first in
    modeltranslation's fallback chain: the ``platform`` of the URL (``/<lang>/<platform>/...``),
    or the Forum's row for the Forum's own pages (``/<lang>/forum/...``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = fallbacks.begin()
        try:
            return self.get_response(request)
        finally:
            fallbacks.end(token)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[object, ...],
        view_kwargs: dict[str, object],
    ) -> None:
        slug = view_kwargs.get("platform")
        if not isinstance(slug, str):
            parts = request.path_info.strip("/").split("/")
            slug = FORUM_SLUG if parts[1:2] == [FORUM_SLUG] else None
        fallbacks.set_platform(slug)
