"""A server-side cache of whole public pages, for visitors who are not logged in.

The busiest public pages (an event open for registration, say) are the same HTML for every
anonymous visitor but for one thing: the CSRF token in their forms, which is masked afresh for
each response. So the page is rendered once with a placeholder where the token goes, kept in
the cache, and each response fills the visitor's own token in.

What makes a page stale is the caller's business: it passes ``version``, the facts the page
depends on (an event's ``updated_at``, the platform's, whether registration is open now), and
a changed fact means a new cache key. The entry also expires after ``PAGE_CACHE_SECONDS``, which
bounds how long a change the key does not see (an organisation renamed) can take to show.

Served from the cache only when nothing on the page can differ between visitors:
a GET without a query string, without a session (so not logged in, and no flash messages in
the session) and without a messages cookie. Everyone else gets the page rendered for them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

PAGE_CACHE_SECONDS = 300
# Rendered where the CSRF token goes. It holds "<", which autoescaping turns into "&lt;" in any
# text a user wrote, so no page content can contain it by accident or on purpose.
CSRF_SLOT = mark_safe("<csrf-token-slot>")  # noqa: S308 - a constant, not user content


def anonymous_get(request: HttpRequest) -> bool:
    """True when the page cannot depend on who asks (see the module's docstring)."""
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in cookies
    )


def page_key(request: HttpRequest, version: tuple[object, ...]) -> str:
    # The host too: a page may carry absolute addresses, and a site may answer to several.
    raw = repr((request.get_host(), request.path, get_language(), version)).encode()
    return "page:" + hashlib.blake2b(raw, digest_size=20).hexdigest()


def cached_page(
    request: HttpRequest,
    version: tuple[object, ...],
    render: Callable[[dict[str, Any]], HttpResponse],
) -> HttpResponse:
    """The page ``render`` makes, from the cache when ``request`` may share it.

    ``render(extra)`` renders the page with ``extra`` added to its template context; the cache
    passes the CSRF placeholder there.
    """
    if not anonymous_get(request):
        return render({})
    key = page_key(request, version)
    html = cache.get(key)
    if html is None:
        response = render({"csrf_token": CSRF_SLOT})
        if response.status_code != 200:
            return render({})  # not a page to keep: render it again with the real token
        html = response.content.decode(response.charset)
        cache.set(key, html, PAGE_CACHE_SECONDS)
    # get_token() also tells the CSRF middleware to send the cookie the token belongs to.
    return HttpResponse(html.replace(CSRF_SLOT, get_token(request)))
