"""One search across members, activities, publications and statements of a platform.

On PostgreSQL: full-text search (``django.contrib.postgres.search``) over the texts in the
active language and English, ranked. Elsewhere (SQLite): a case-insensitive match of every
word in any language. Both give the same shape of result, so one results page serves both.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from platforma.activities.selectors import events_visible
from platforma.core import languages
from platforma.core.models import Platform
from platforma.members.selectors import members_in_good_standing, text_match

from .models import Publication
from .selectors import publications_visible

LIMIT = 20
LANGS = languages.codes()
PG_CONFIG = {"en": "english", "ru": "russian"}  # no Azerbaijani dictionary: "simple"

FIELDS = {
    "members": (
        "organisation__legal_name",
        "organisation__short_name",
        "organisation__description",
    ),
    "activities": ("title", "description", "aims", "city"),
    "publications": ("title", "abstract"),
}


def _localised(fields, lang) -> list[str]:
    names = []
    for f in fields:
        names.append(f"{f}_{lang}")
        if lang != "en":
            names.append(f"{f}_en")
    return names


def _fulltext(qs: QuerySet, fields, query: str, extra=()) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    lang = get_language() or "en"
    config = PG_CONFIG.get(lang, "simple")
    vector = SearchVector(*_localised(fields, lang), *extra, config=config)
    search = SearchQuery(query, search_type="websearch", config=config)
    return (
        qs.annotate(search_rank=SearchRank(vector, search))
        .filter(search_rank__gt=0)
        .order_by("-search_rank")
    )


def _contains(qs: QuerySet, fields, query: str, extra=()) -> QuerySet:
    for word in query.split()[:8]:
        lookup, value = text_match(word)  # folds Cyrillic and Azerbaijani letters on SQLite
        condition = Q()
        for f in fields:
            for lang in LANGS:
                condition |= Q(**{f"{f}_{lang}__{lookup}": value})
        for f in extra:
            condition |= Q(**{f"{f}__{lookup}": value})
        qs = qs.filter(condition)
    return qs


def search(platform: Platform, query: str, *, organiser: bool = False) -> dict[str, list]:
    """``{"members": [...], "activities": [...], "publications": [...], "statements": [...]}``."""
    query = query.strip()[:200]
    empty: dict[str, list] = {"members": [], "activities": [], "publications": [], "statements": []}
    if not query:
        return empty
    match = _fulltext if connection.vendor == "postgresql" else _contains
    members = match(
        members_in_good_standing(platform).select_related("organisation"),
        FIELDS["members"],
        query,
        extra=("organisation__acronym",),
    )
    events = match(
        events_visible(platform, organiser=organiser).select_related("custom_kind"),
        FIELDS["activities"],
        query,
    )
    publications = publications_visible(platform, organiser=organiser)
    statements = publications.filter(kind__in=Publication.SIGNABLE)
    others = publications.exclude(kind__in=Publication.SIGNABLE)
    return {
        "members": list(_order(members, "organisation__legal_name")[:LIMIT]),
        "activities": list(_order(events, "-starts_at")[:LIMIT]),
        "publications": list(
            _order(match(others, FIELDS["publications"], query), "-published_on")[:LIMIT]
        ),
        "statements": list(
            _order(match(statements, FIELDS["publications"], query), "-published_on")[:LIMIT]
        ),
    }


def _order(qs: QuerySet, fallback: str) -> QuerySet:
    if "search_rank" in qs.query.annotations:
        return qs.order_by("-search_rank", fallback)
    return qs.order_by(fallback)
