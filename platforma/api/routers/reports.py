"""The API's reports operations (to be written)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["reports"])
