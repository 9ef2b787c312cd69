"""The site's URLconf plus the benchmarks' reference views (``platforma.core.bench``).

Loaded instead of ``config.urls`` only when ``PLATFORMA_BENCH=1`` (see settings), as the scripts
in bench/ do for the server they measure; production never serves these addresses.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from platforma.core import bench

from .urls import urlpatterns as site_urlpatterns

# The addresses the bench scripts have always used: /<lang>/<platform>/activities/bench/hello/
# and /<lang>/<platform>/elections/bench/whoami/. Listed first, so no page of the site shadows them.
urlpatterns = [
    *i18n_patterns(
        path("<slug:platform>/activities/bench/hello/", bench.hello, name="bench-hello"),
        path("<slug:platform>/elections/bench/whoami/", bench.whoami, name="bench-whoami"),
    ),
    *site_urlpatterns,
]
