"""What every part of the demo shares: who writes, the national platforms' demo statute."""

from __future__ import annotations

from typing import Any, TypedDict

from platforma.core.types import Actor

ACTOR = "system: load_demo"
TERM_YEARS = 2

# Demo statute: Azerbaijan's real statute is not in the seed; these numbers are typical ones.
RULES: dict[str, Any] = {
    "quorum": {"share": "1/2", "more_than": True, "count_proxies": True},
    "majorities": {
        "ordinary": "simple",
        "admission": "simple_present",
        "statute_change": "two_thirds_present",
        "expulsion": "two_thirds_present",
        "no_confidence": "absolute_members",
    },
    "abstentions_count_as_cast": False,
    "offices": {
        "platform_coordinator": {"term_years": TERM_YEARS, "max_consecutive_terms": None},
        "wg_coordinator": {"term_years": TERM_YEARS, "max_consecutive_terms": None},
    },
    "board_composition": ["platform_coordinator", "wg_coordinator"],
    "admission": {
        "min_years_registered": 2,
        "min_years_experience": 1,
        "documents": ["registration_extract", "statute", "activity_report"],
        "document_max_age_days": {"registration_extract": 30},
        "recommendations_required": 2,
        "min_working_groups": 1,
        "decided_by": "board",
        "majority": "simple_present",
        "declarations": ["no_public_officials"],
    },
    "proxies": {"allowed": True, "max_per_delegate": 1},
    "max_coordinator_posts_per_organisation": 1,
    "notice_days": {"ordinary": 14, "extraordinary": 7},
}


class Who(TypedDict):
    """Who the demo's writes are by: the system, with a label (``**who`` in every call)."""

    actor: Actor
    actor_label: str


def langs(prefix: str, values: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments for a service's translated fields: ``name_en=...``, ``name_az=...``."""
    return {f"{prefix}_{lang}": text for lang, text in values.items()}
