"""The site's URLconf plus the benchmarks' reference views (``platforma.core.bench``).

Loaded instead of ``config.urls`` only when ``PLATFORMA_BENCH=1`` (see settings), as the scripts
in bench/ do for the server they measure; production never serves these addresses.
"""

import functools
from typing import Any

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from platforma.core import bench
from platforma.core.selectors import platform_for_public

from .urls import urlpatterns as site_urlpatterns

# What a public page costs before it does anything of its own: the platform read by its slug
# and the site's base template (navigation, language links, the demo banner) around "Hello".
HELLO_PAGE = (
    '{% extends "website/base.html" %}{% block title %}Hello{% endblock %}'
    "{% block content %}<h1>Hello</h1>{% endblock %}"
)


@functools.cache
def _hello_template() -> Any:
    return engines["django"].from_string(HELLO_PAGE)  # compiled once, as the cached loader does


def hello_page(request: HttpRequest, platform: str) -> HttpResponse:
    """The reference for bench/bench_pages.py: a hello-world page in the public base template."""
    template = _hello_template()
    context = {"platform": platform_for_public(platform)}
    return HttpResponse(template.render(context, request))


# The addresses the bench scripts have always used: /<lang>/<platform>/activities/bench/hello/
# and /<lang>/<platform>/elections/bench/whoami/. Listed first, so no page of the site shadows them.
urlpatterns = [
    *i18n_patterns(
        path("<slug:platform>/activities/bench/hello/", bench.hello, name="bench-hello"),
        path("<slug:platform>/elections/bench/whoami/", bench.whoami, name="bench-whoami"),
        path("<slug:platform>/activities/bench/page/", hello_page, name="bench-hello-page"),
    ),
    *site_urlpatterns,
]
