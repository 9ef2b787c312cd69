"""Query budgets measured at two sizes: a page (or a read) with N rows and with 3N rows.

A budget asserted at one size only says nothing about N+1: a page that runs one query per row
passes a ceiling of 12 as long as the test happens to have 5 rows. So every list page's test
renders it twice, with N rows and again after adding 2N more, checks that both answers are
200, and asserts that the number of queries is the same both times (and, when given, under a
ceiling). ARCHITECTURE rule 6; docs/performance.md.

    response = assert_page_budget(
        client, url, add_rows=lambda n: [EventFactory(platform=platform) for _ in range(n)]
    )
    assert "23 events" in response.content.decode()
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

ROWS = 3  # the default N: 3 rows, then 9


@dataclass(frozen=True)
class Measure:
    """What one of the two renderings returned and the queries it ran."""

    result: Any
    queries: list[str]

    @property
    def count(self) -> int:
        return len(self.queries)


class QueryBudgetError(AssertionError):
    pass


def _measure(render: Callable[[], Any]) -> Measure:
    with CaptureQueriesContext(connection) as context:
        result = render()
    return Measure(result, [q["sql"] for q in context.captured_queries])


def _report(what: str, rows: int, small: Measure, large: Measure, ceiling: int | None) -> str:
    lines = [
        f"{what}: {small.count} queries with {rows} rows, {large.count} with {3 * rows}"
        + (f" (ceiling {ceiling})" if ceiling is not None else "")
    ]
    # The queries of the larger rendering that the smaller one did not run are where it grows.
    extra = list(large.queries)
    for sql in small.queries:
        if sql in extra:
            extra.remove(sql)
    if extra:
        lines.append("queries only in the larger rendering:")
        lines += [f"  {sql}" for sql in extra[:15]]
    return "\n".join(lines)


def assert_constant_queries(
    render: Callable[[], Any],
    add_rows: Callable[[int], Any],
    *,
    rows: int = ROWS,
    ceiling: int | None = None,
    check: Callable[[Any], Any] | None = None,
    what: str = "the rendering",
    warm_up: bool = True,
) -> tuple[Any, Any]:
    """Run ``render`` with ``rows`` rows and with three times as many; the query count must match.

    ``add_rows(n)`` adds n rows (it is called with ``rows``, then with ``2 * rows``).
    ``render`` is run once before measuring when ``warm_up`` (the session and the process' caches
    are then read the same way both times). ``check``, if given, is called on both results.
    Returns the two results (small, large).
    """
    add_rows(rows)
    if warm_up:
        render()
    small = _measure(render)
    if check is not None:
        check(small.result)
    add_rows(2 * rows)
    large = _measure(render)
    if check is not None:
        check(large.result)
    if small.count != large.count or (ceiling is not None and large.count > ceiling):
        raise QueryBudgetError(_report(what, rows, small, large, ceiling))
    return small.result, large.result


def assert_page_budget(
    client,
    url: str,
    add_rows: Callable[[int], Any],
    *,
    data: dict[str, Any] | None = None,
    rows: int = ROWS,
    ceiling: int | None = None,
    status: int = 200,
) -> Any:
    """GET ``url`` as ``client`` with N rows, then 3N: both answer ``status``, in as many queries.

    Returns the response with 3N rows, for the test to assert what it shows.
    """

    def check(response) -> None:
        assert response.status_code == status, (
            f"GET {url} answered {response.status_code}, not {status}"
        )

    _, large = assert_constant_queries(
        lambda: client.get(url, data),
        add_rows,
        rows=rows,
        ceiling=ceiling,
        check=check,
        what=f"GET {url}",
    )
    return large
