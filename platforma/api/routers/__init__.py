"""The API's routers, one module per domain, mounted in this order (prefix, router)."""

from __future__ import annotations

from ninja import Router

from . import platforms

ROUTERS: list[tuple[str, Router]] = [
    ("", platforms.router),
]
