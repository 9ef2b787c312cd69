"""The API's members operations (to be written)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["members"])
