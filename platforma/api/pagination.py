"""Pages of rows in a stable order: ``?page=`` (from 1) and ``?page_size=`` (1 to 100, 50 by
default). A page past the end is empty; ``count`` says how many rows there are in all."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000


def stable(queryset: QuerySet) -> QuerySet:
    """``queryset`` in its order with the primary key last, so that rows with equal sort keys
    keep their places from one page to the next."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering or [])
    if not any(str(key).lstrip("-") in {"pk", "id"} for key in ordering):
        ordering.append("pk")
    return queryset.order_by(*ordering)


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="The page, from 1.")
    page_size: int = Field(
        PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Rows a page (at most 100)."
    )


class Pages(PaginationBase):
    Input = PageQuery  # type: ignore[assignment]  # named, so the spec says what it is

    class Output(Schema):
        count: int
        page: int
        page_size: int
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(
        self, queryset: Any, pagination: PageQuery, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        offset = (pagination.page - 1) * pagination.page_size
        if isinstance(queryset, QuerySet):
            queryset = stable(queryset)
            count = queryset.count()
        else:
            count = len(queryset)
        return {
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "results": queryset[offset : offset + pagination.page_size],
        }
