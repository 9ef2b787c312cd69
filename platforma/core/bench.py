"""Reference views for the benchmarks in bench/, which print figures beside them.

They exist only with ``DJANGO_DEBUG`` or ``PLATFORMA_BENCH=1``: a 404 everywhere else.
"""

from __future__ import annotations

import os

from django.conf import settings


def bench_enabled() -> bool:
    return settings.DEBUG or os.environ.get("PLATFORMA_BENCH") == "1"
