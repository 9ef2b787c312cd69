"""Reference views for the benchmarks in bench/, which print figures beside them.

They are not in the site's URLconf: ``config.urls_bench`` adds them, and settings load it only
with ``PLATFORMA_BENCH=1`` (which the bench scripts set for the server they start).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed


def hello(request: HttpRequest, platform: str) -> HttpResponse:
    """A hello-world reference: what a page costs before it does anything."""
    return HttpResponse("hello", content_type="text/plain")


def whoami(request: HttpRequest, platform: str) -> HttpResponse:
    """The floor under a ballot, for bench/bench_casting.py: a logged-in POST that passes the
    CSRF check and loads the session and the user, then answers with the user's name."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    return HttpResponse(request.user.get_username(), content_type="text/plain")
