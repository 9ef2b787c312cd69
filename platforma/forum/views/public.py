"""The Forum's public pages: the Forum, its Steering Committee, its working groups."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def forum_home(request: HttpRequest) -> HttpResponse:
    raise Http404


def steering_committee_page(request: HttpRequest) -> HttpResponse:
    raise Http404


def working_group_list(request: HttpRequest) -> HttpResponse:
    raise Http404


def working_group_detail(request: HttpRequest, number: int) -> HttpResponse:
    raise Http404
