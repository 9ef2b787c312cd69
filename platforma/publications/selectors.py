"""Reads of publications and distributions; the totals the annual report uses."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from platforma.core.models import Platform

from .models import (
    Distribution,
    DistributionCategory,
    DistributionRecipient,
    Publication,
    PublicationVersion,
    Signature,
    StakeholderCategory,
)


def publications_visible(platform: Platform, *, organiser: bool = False) -> QuerySet[Publication]:
    publications = Publication.objects.filter(platform=platform)
    if not organiser:
        publications = publications.filter(is_public=True)
    return publications


def library(
    platform: Platform,
    *,
    organiser: bool = False,
    kind: str = "",
    working_group=None,
    year: int | None = None,
    language: str = "",
) -> QuerySet[Publication]:
    """The public library: filters, with versions and authors in a constant number of queries."""
    publications = publications_visible(platform, organiser=organiser)
    if kind:
        publications = publications.filter(kind=kind)
    if working_group is not None:
        publications = publications.filter(working_group=working_group)
    if year:
        publications = publications.filter(published_on__year=year)
    if language:
        publications = publications.filter(versions__language=language).distinct()
    # The count is a correlated subquery, not a join: a page computes it for its own rows
    # only, and the paginator's COUNT leaves it out (a GROUP BY would count every row first).
    signatures = (
        Signature.objects.filter(publication=OuterRef("pk"))
        .order_by()
        .values("publication")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        publications.select_related("working_group__forum_group")
        .prefetch_related("versions", "author_persons", "author_organisations")
        .annotate(signature_count=Coalesce(Subquery(signatures, output_field=IntegerField()), 0))
        .order_by("-published_on", "-id")
    )


def publication_years(platform: Platform, *, organiser: bool = False) -> list[int]:
    """The years with publications, newest first, in two queries whatever their number: the
    first and last dates, then one indexed EXISTS per year between (``dates()`` would
    truncate every row's date, one function call per row on SQLite)."""
    publications = publications_visible(platform, organiser=organiser)
    bounds = publications.aggregate(first=Min("published_on"), last=Max("published_on"))
    if bounds["first"] is None:
        return []
    first, last = bounds["first"].year, bounds["last"].year
    years = range(first, last + 1)
    found = (
        Platform.objects.filter(pk=platform.pk)
        .annotate(
            **{
                f"y{year}": Exists(
                    publications.filter(
                        published_on__gte=datetime.date(year, 1, 1),
                        published_on__lt=datetime.date(year + 1, 1, 1),
                    )
                )
                for year in years
            }
        )
        .values(*[f"y{year}" for year in years])
        .get()
    )
    return [year for year in reversed(years) if found[f"y{year}"]]


def publication_for(platform: Platform, pk: int, *, organiser: bool = False) -> Publication:
    try:
        return (
            publications_visible(platform, organiser=organiser)
            .select_related("platform", "working_group__forum_group")
            .prefetch_related(
                "versions",
                "author_persons",
                "author_organisations",
                Prefetch(
                    "signatures",
                    queryset=Signature.objects.select_related("organisation").order_by(
                        "organisation__legal_name"
                    ),
                ),
            )
            .get(pk=pk)
        )
    except Publication.DoesNotExist:
        raise Http404("No such publication") from None


def version_for_download(platform: Platform, pk: int, *, organiser: bool = False):
    try:
        return PublicationVersion.objects.select_related("publication").get(
            pk=pk,
            publication__in=publications_visible(platform, organiser=organiser),
        )
    except PublicationVersion.DoesNotExist:
        raise Http404("No such file") from None


# --- Totals ----------------------------------------------------------------------------------


@dataclass
class CategoryTotal:
    category: str
    count: int = 0  # what is known for certain
    more_than: bool = False  # the real number is larger than ``count``
    unknown: bool = False  # named by a source without a number (count then says nothing)

    @property
    def label(self) -> str:
        return str(StakeholderCategory(self.category).label)


@dataclass
class Totals:
    """Recipients of one publication or one year: ``recipients`` is exact unless ``more_than``."""

    recipients: int = 0
    more_than: bool = False
    copies: int = 0
    distributions: int = 0
    categories: dict[str, CategoryTotal] = field(default_factory=dict)

    def category(self, code: str) -> CategoryTotal:
        return self.categories.setdefault(code, CategoryTotal(code))

    @property
    def by_category(self) -> list[CategoryTotal]:
        order = list(StakeholderCategory.values)
        return sorted(self.categories.values(), key=lambda c: order.index(c.category))


def _totals(distributions: QuerySet[Distribution]) -> Totals:
    totals = Totals()
    items = list(
        distributions.prefetch_related(
            Prefetch(
                "recipients",
                queryset=DistributionRecipient.objects.select_related("stakeholder"),
            ),
            Prefetch("categories", queryset=DistributionCategory.objects.all()),
        )
    )
    for distribution in items:
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


def distribution_totals_for_publication(publication: Publication) -> Totals:
    """All distributions of one publication, summed; categories named without numbers kept."""
    return _totals(Distribution.objects.filter(publication=publication))


def distribution_totals_for_year(platform: Platform, year: int) -> Totals:
    """All the platform's distributions in ``year``, by category of recipient (annual report)."""
    return _totals(Distribution.objects.filter(platform=platform, year=year))


def distribution_totals_by_publication(platform: Platform, year: int) -> list[tuple]:
    """``[(publication, Totals), ...]`` for the distributions of ``year``."""
    publications = (
        Publication.objects.filter(platform=platform, distributions__year=year)
        .distinct()
        .order_by("published_on", "id")
    )
    return [
        (p, _totals(Distribution.objects.filter(publication=p, year=year))) for p in publications
    ]


# --- The office ------------------------------------------------------------------------------


def office_publications(platform: Platform, *, kind: str = "", year: int | None = None):
    """Every publication of the platform, public or not, with its counts in one query."""
    publications = Publication.objects.filter(platform=platform)
    if kind:
        publications = publications.filter(kind=kind)
    if year:
        publications = publications.filter(published_on__year=year)
    return (
        publications.select_related("working_group")
        .prefetch_related("versions")
        .annotate(
            signature_count=Count("signatures", distinct=True),
            distribution_count=Count("distributions", distinct=True),
        )
        .order_by("-published_on", "-id")
    )


def office_publication(platform: Platform, pk: int) -> Publication:
    """One publication of ``platform`` for its office page; another platform's is a 404."""
    try:
        return (
            Publication.objects.select_related("platform", "working_group")
            .prefetch_related(
                "versions",
                Prefetch(
                    "signatures",
                    queryset=Signature.objects.select_related("organisation").order_by(
                        "organisation__legal_name"
                    ),
                ),
            )
            .get(platform=platform, pk=pk)
        )
    except Publication.DoesNotExist:
        raise Http404("No such publication") from None


def office_distributions(publication: Publication) -> list[Distribution]:
    return list(
        Distribution.objects.filter(publication=publication)
        .select_related("event")
        .prefetch_related("categories")
        .annotate(recipient_count=Count("recipients"))
        .order_by("-year", "-sent_on", "-id")
    )


def office_stakeholders(
    platform: Platform,
    *,
    q: str = "",
    category: str = "",
    kind: str = "",
    consent: str = "",
    country: str = "",
    has_email: str = "",
):
    """The platform's stakeholders filtered as the office list asks, sorted by name, each with
    its number of receipts (one query however many rows)."""
    from django.db.models import Q

    from .models import Stakeholder

    stakeholders = Stakeholder.objects.filter(platform=platform)
    if q:
        stakeholders = stakeholders.filter(
            Q(name__icontains=q) | Q(contact_name__icontains=q) | Q(email__icontains=q)
        )
    if category:
        stakeholders = stakeholders.filter(category=category)
    if kind:
        stakeholders = stakeholders.filter(kind=kind)
    if consent in ("yes", "no"):
        stakeholders = stakeholders.filter(consent_to_contact=consent == "yes")
    if country:
        stakeholders = stakeholders.filter(country__iexact=country)
    if has_email == "yes":
        stakeholders = stakeholders.exclude(email="")
    elif has_email == "no":
        stakeholders = stakeholders.filter(email="")
    return stakeholders.annotate(receipt_count=Count("receipts")).order_by("name", "id")


def stakeholder_countries(platform: Platform) -> list[str]:
    """The countries the platform's stakeholders are in, for the list's filter."""
    from .models import Stakeholder

    return list(
        Stakeholder.objects.filter(platform=platform)
        .exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )


def office_stakeholder(platform: Platform, pk: int):
    """One of the platform's stakeholders; another platform's is a 404."""
    from django.shortcuts import get_object_or_404

    from .models import Stakeholder

    return get_object_or_404(Stakeholder, platform=platform, pk=pk)


def normalised_name(name: str) -> str:
    """A name as duplicates share it: case, punctuation and spacing ignored."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).casefold()
    kept = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(kept.split())


def stakeholder_duplicates(platform: Platform) -> list[list]:
    """Groups of the platform's stakeholders that are likely one: the same e-mail
    (case-insensitive) or the same normalised name. Two queries (the stakeholders, then the
    groups' rows with their receipts counted), whatever the number."""
    from .models import Stakeholder

    by_key: dict[tuple[str, str], set[int]] = {}
    for pk, name, email in Stakeholder.objects.filter(platform=platform).values_list(
        "pk", "name", "email"
    ):
        by_key.setdefault(("name", normalised_name(name)), set()).add(pk)
        if email.strip():
            by_key.setdefault(("email", email.strip().casefold()), set()).add(pk)
    # Join groups that share a member (A = B by e-mail, B = C by name: one group of three).
    groups: list[set[int]] = []
    for members in by_key.values():
        if len(members) < 2:
            continue
        touching = [g for g in groups if g & members]
        merged = set(members).union(*touching)
        groups = [g for g in groups if not (g & members)] + [merged]
    if not groups:
        return []
    wanted = set().union(*groups)
    rows = {
        s.pk: s
        for s in Stakeholder.objects.filter(pk__in=wanted).annotate(receipt_count=Count("receipts"))
    }
    result = [sorted((rows[pk] for pk in g), key=lambda s: (s.name, s.pk)) for g in groups]
    return sorted(result, key=lambda g: (g[0].name.casefold(), g[0].pk))


def publications_matching(publications: QuerySet[Publication], query: str) -> QuerySet[Publication]:
    """``publications`` whose title or abstract match ``query`` as the site's search matches
    them (every word, in any language; on PostgreSQL best first by the full-text rank, elsewhere
    in the library's order); for the API's ``q``. An empty query leaves them as they are."""
    from django.db import connection

    from . import search

    query = query.strip()[:200]
    if not query:
        return publications
    fields = search.FIELDS["publications"]
    every_word = search._contains(publications, fields, query)
    if connection.vendor != "postgresql":
        return every_word
    # Full-text ranking alone lets a publication with one of the words through (its rank is
    # above zero): the API's filter keeps those with every word, best first.
    ranked = search._fulltext(every_word, fields, query)
    return ranked.order_by("-search_rank", "-published_on", "-id")
