"""The demo loaders write the seed's 2014 facts exactly, and mark everything invented."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from platforma.activities.models import Event
from platforma.activities.selectors import counts_by_year, participants
from platforma.publications.models import Publication
from platforma.publications.selectors import distribution_totals_for_year
from platforma.testing.budget import assert_constant_queries

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_platform):
    """load_demo runs the activities and publications loaders through DEMO_EXTENSIONS."""
    return demo_platform


def test_the_seed_2014_events_exactly(demo):
    rows = counts_by_year(demo, 2014)
    assert [r["event"].title_en for r in rows] == [
        "Workshop on communication and outreach for CSOs",
        "Training on advocacy and campaigning in civil society",
    ]
    workshop, training = (r["event"] for r in rows)
    assert (workshop.kind, workshop.city_en, workshop.is_demo) == ("workshop", "Baku", False)
    baku = zoneinfo.ZoneInfo(workshop.time_zone)
    assert workshop.all_day
    assert workshop.starts_at.astimezone(baku).date() == datetime.date(2014, 4, 26)
    assert training.starts_at.astimezone(baku).date() == datetime.date(2014, 5, 24)
    assert (rows[0]["count"].organisations, rows[0]["count"].more_than) == (27, False)
    assert (rows[1]["count"].organisations, rows[1]["count"].more_than) == (20, True)
    assert rows[0]["count"].source == rows[1]["count"].source == "recorded"
    assert participants(workshop) == {"listed": [], "unlisted": 0}
    assert "public relations and brand-building" in workshop.aims_en
    assert "‘levers of influence’" in training.aims_en
    assert training.kind == "training"
    assert all(e.title_az and e.title_ru and e.aims_az and e.aims_ru for e in (workshop, training))
    assert Event.objects.filter(platform=demo, is_demo=False).count() == 2


def test_the_seed_publications_and_distribution(demo):
    wto = Publication.objects.get(kind="research_paper", is_demo=False)
    assert "WTO accession" in wto.title_en
    assert "advantages and disadvantages" in wto.abstract_en
    totals = distribution_totals_for_year(demo, 2014)
    assert (totals.recipients, totals.more_than) == (1000, True)
    assert [(c.category, c.count, c.unknown) for c in totals.by_category] == [
        ("eu_institution", 0, True),
        ("university", 0, True),
        ("library", 0, True),
        ("think_tank", 0, True),
        ("government_agency", 0, True),
        ("international_institution", 0, True),
    ]
    assert Publication.objects.filter(platform=demo, is_demo=True).count() == 3


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["27 organisations", "More than 20 organisations", "Baku", "brand-building"]),
        ("az", ["Bakı", "Vətəndaş cəmiyyətində vəkillik", "brend qurmanın"]),
        ("ru", ["Баку", "Тренинг по адвокации", "построения бренда"]),
    ],
)
def test_demo_pages_in_each_language_mark_what_is_invented(client, demo, lang, expected):
    html = ""
    for event in Event.objects.filter(platform=demo, starts_at__year=2014):
        with translation.override(lang):
            url = reverse("activities:event-detail", args=[demo.slug, event.pk])
        main = client.get(url).content.decode().split("<main")[1]
        assert "demo-mark" not in main  # the seed's facts are not marked as invented
        html += main
    for text in expected:
        assert text in html
    invented = Event.objects.filter(platform=demo, is_demo=True).first()
    with translation.override(lang):
        url = reverse("activities:event-detail", args=[demo.slug, invented.pk])
        marker = gettext("This event is fictional demonstration data.")
    assert marker in client.get(url).content.decode()
    with translation.override(lang):
        listing = client.get(reverse("activities:event-list", args=[demo.slug])).content.decode()
    assert listing.count('class="demo-mark"') == Event.objects.filter(is_demo=True).count()


def test_demo_statement_lists_its_signatories(client, demo):
    statement = Publication.objects.get(kind="statement")
    html = client.get(
        reverse("publications:publication-detail", args=[demo.slug, statement.pk])
    ).content.decode()
    assert html.count("<li>") >= 4
    assert "demo-mark" in html


def test_counts_by_year_takes_the_same_queries_for_any_number_of_events(demo):
    def add_events(n):
        for day in range(1, n + 1):
            EventFactory(
                platform=demo,
                starts_at=datetime.datetime(2030, 3, day, 10, tzinfo=datetime.UTC),
                ends_at=datetime.datetime(2030, 3, day, 12, tzinfo=datetime.UTC),
                recorded_count=10 + day,
            )

    _, rows = assert_constant_queries(
        lambda: counts_by_year(demo, 2030), add_events, ceiling=4, what="counts_by_year"
    )
    assert len(rows) == 9
