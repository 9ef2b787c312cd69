"""The API's governance operations (to be written)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["governance"])
