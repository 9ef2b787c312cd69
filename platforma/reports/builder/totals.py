"""Distribution totals from distributions already read (so a report reads them once).

The sums follow ``publications.selectors._totals``: individual recipients count one each by
their category; aggregates add their total, "more than" when the source says so, and keep
categories named without a number as "unknown".
"""

from __future__ import annotations

from platforma.publications.models import Distribution
from platforma.publications.selectors import Totals


def totals_of(distributions) -> Totals:
    totals = Totals()
    for distribution in distributions:
        totals.distributions += 1
        totals.copies += distribution.copies or 0
        if distribution.mode == Distribution.Mode.INDIVIDUAL:
            for recipient in distribution.recipients.all():
                totals.recipients += 1
                totals.category(recipient.stakeholder.category).count += 1
            continue
        totals.recipients += distribution.total or 0
        if distribution.total_precision == "more_than":
            totals.more_than = True
        for row in distribution.categories.all():
            category = totals.category(row.category)
            if row.count is None:
                category.unknown = True
            else:
                category.count += row.count
                category.more_than = category.more_than or row.count_precision == "more_than"
    return totals


def totals_by_publication(distributions) -> list[tuple]:
    """``[(publication, Totals)]`` in the order of the distributions given."""
    groups: dict[int, list] = {}
    publications = {}
    for distribution in distributions:
        groups.setdefault(distribution.publication_id, []).append(distribution)
        publications[distribution.publication_id] = distribution.publication
    return [(publications[pk], totals_of(items)) for pk, items in groups.items()]
