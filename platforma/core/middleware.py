"""Request guards that run before a view reads anything."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


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
