"""Reads of mailings that depend on who asks (the office's pages and the API call these)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from platforma.core.models import Platform

from .models import Audience, Mailing


def mailings_for(platform: Platform, groups: frozenset[int] | None) -> QuerySet[Mailing]:
    """The mailings of ``platform`` an office user reaches: all for its secretariat (``groups``
    None); a coordinator's, those to the working groups ``groups``."""
    rows = Mailing.objects.filter(platform=platform)
    if groups is not None:
        rows = rows.filter(audience=Audience.WORKING_GROUP, working_group_id__in=groups)
    return rows


def mailing_for(platform: Platform, groups: frozenset[int] | None, pk: int) -> Mailing:
    """One of :func:`mailings_for`, or 404."""
    mailing = mailings_for(platform, groups).select_related("platform").filter(pk=pk).first()
    if mailing is None:
        raise Http404("No such mailing")
    return mailing
