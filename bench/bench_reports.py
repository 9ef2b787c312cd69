#!/usr/bin/env python
"""Speed of the annual report: data gathering + charts + HTML, against WeasyPrint's own time.

Builds a throw-away database (SQLite in a temporary directory, or PostgreSQL with
``--database-url``; the database is emptied by ``flush`` first) with a Forum-scale year:
6 platforms, 40 members and 5 working groups each, ``--activities`` events in the year spread
over the platforms (filler rows in bulk, with WGs and recorded counts; some with check-ins),
publications with distributions, and a meeting with decisions per platform. Then times, in
English, for one platform's report and for the Forum-wide report:

- ``build``: gathering the records and drafting the document with its charts;
- ``html``: rendering the print template;
- ``weasyprint``: WeasyPrint alone on the finished HTML;
- ``pdf total``: the whole PDF build (build + html + weasyprint), and its ratio to WeasyPrint
  (the goal: below 1.5, i.e. gathering and charts add less than half to WeasyPrint's time);
- the number of SQL queries of ``build``.

Usage: .venv/bin/python bench/bench_reports.py [--activities 3000] [--year 2023]
       [--database-url postgresql://postgres@127.0.0.1:5432/rep_bench]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = ["armenia", "azerbaijan", "belarus", "georgia", "moldova", "ukraine"]


def setup_django(database_url: str) -> None:
    os.environ["PLATFORMA_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-reports-")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if database_url:
        call_command("flush", interactive=False, verbosity=0)


def generate(year: int, activities: int) -> None:
    """The data set: services for the structure, bulk rows for the many activities."""
    import datetime
    import zoneinfo

    from platforma.activities.models import Attendance, Event
    from platforma.core import services as core
    from platforma.governance import services as governance
    from platforma.governance.models import Body, Office
    from platforma.meetings import services as meetings
    from platforma.members import services as members
    from platforma.publications import services as publications
    from platforma.publications.models import Publication
    from platforma.testing.factories import OrganisationFactory, PersonFactory
    from platforma.workinggroups import services as workinggroups

    who = {"actor": None, "actor_label": "bench"}
    per_platform = activities // len(PLATFORMS)
    forum_groups = [
        workinggroups.forum_working_group_ensure(
            number=n, names={"en": f"Forum theme {n}"}, established_in=2009, **who
        )
        for n in range(1, 6)
    ]
    through = Event.working_groups.through
    for slug in PLATFORMS:
        platform = core.platform_create(
            slug=slug,
            country_code="XX",
            country_en=slug.title(),
            name_en=f"{slug.title()} National Platform",
            time_zone="Asia/Baku",
            founded_on=datetime.date(2010, 1, 1),
            **who,
        )
        tz = zoneinfo.ZoneInfo(platform.time_zone)
        groups = [
            workinggroups.working_group_create(
                platform=platform,
                forum_group=fg,
                slug=f"wg{fg.number}",
                position=fg.number,
                name_en=f"Working group {fg.number}",
                **who,
            )
            for fg in forum_groups
        ]
        memberships = []
        for m in range(40):
            membership = members.membership_record_existing(
                platform=platform,
                organisation=OrganisationFactory(),
                admitted_on=datetime.date(2010 + m % (year - 2010), 3, 1),
                **who,
            )
            workinggroups.enrolment_add(
                working_group=groups[m % 5],
                membership=membership,
                since=membership.admitted_on,
                **who,
            )
            memberships.append(membership)
        assembly = governance.body_create(
            platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY, name_en="General Assembly", **who
        )
        office = governance.office_create(
            platform=platform,
            kind=Office.Kind.PLATFORM_COORDINATOR,
            body=assembly,
            name_en="Platform coordinator",
            **who,
        )
        governance.mandate_start(
            office=office,
            person=PersonFactory(),
            organisation=memberships[0].organisation,
            starts_on=datetime.date(year - 1, 6, 1),
            **who,
        )
        meetings.meeting_create(
            body=assembly,
            starts_at=datetime.datetime(year, 3, 15, 10, tzinfo=tz),
            title_en=f"General Assembly {year}",
            place_en="Capital",
            language="en",
            **who,
        )
        events = Event.objects.bulk_create(
            Event(
                platform=platform,
                kind="workshop" if i % 2 else "training",
                title_en=f"Workshop {i} of the {slug.title()} platform on a current subject",
                aims_en="To discuss the subject with member organisations and partners and "
                "agree on joint advocacy.",
                city_en="Capital",
                starts_at=datetime.datetime(year, 1 + i % 12, 1 + i % 28, 10, tzinfo=tz),
                ends_at=datetime.datetime(year, 1 + i % 12, 1 + i % 28, 16, tzinfo=tz),
                time_zone=platform.time_zone,
                recorded_count=10 + i % 25,
                recorded_count_precision="more_than" if i % 7 == 0 else "exact",
            )
            for i in range(per_platform)
        )
        through.objects.bulk_create(
            through(event_id=e.pk, workinggroup_id=groups[i % 5].pk) for i, e in enumerate(events)
        )
        now = datetime.datetime(year, 6, 1, tzinfo=tz)
        Attendance.objects.bulk_create(
            Attendance(
                event=e,
                name=f"Person {j}",
                organisation=memberships[j].organisation,
                checked_in_at=now,
            )
            for e in events[::10]
            for j in range(5)
        )
        for p in range(30):
            publication = publications.publication_create(
                platform=platform,
                kind=[
                    Publication.Kind.POLICY_BRIEF,
                    Publication.Kind.STATEMENT,
                    Publication.Kind.RESEARCH_PAPER,
                ][p % 3],
                title_en=f"Paper {p} of the {slug.title()} platform",
                abstract_en="What the paper finds and recommends. " * 3,
                published_on=datetime.date(year, 1 + p % 12, 10),
                working_group=groups[p % 5],
                **who,
            )
            if p % 3 == 0:
                publications.distribution_record_aggregate(
                    publication=publication,
                    year=year,
                    channel="",
                    total=200 + p,
                    total_precision="exact",
                    breakdown={"university": 50, "library": 30, "think_tank": None},
                    **who,
                )
        print(f"  {platform.name}: {per_platform} activities, 30 publications", flush=True)


def measure(label: str, build, language: str = "en") -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from platforma.reports.render import html_to_pdf, print_html

    html_to_pdf("<p>warm-up</p>")  # imports WeasyPrint and loads fonts outside the timings
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        doc = build(language)
    built = time.perf_counter()
    html = print_html(doc)
    rendered = time.perf_counter()
    pdf = html_to_pdf(html)
    done = time.perf_counter()
    weasy_again = time.perf_counter()
    html_to_pdf(html)
    weasy_again = time.perf_counter() - weasy_again
    weasy = min(done - rendered, weasy_again)
    total = (built - started) + (rendered - built) + weasy
    paragraphs = len(doc.section("activities").paragraphs)
    print(
        f"{label}: {paragraphs} activities, {len(queries.captured_queries)} queries, "
        f"{len(html) // 1024} KiB HTML, {len(pdf) // 1024} KiB PDF\n"
        f"  build (gather + sentences + charts) {built - started:7.2f} s\n"
        f"  html (template)                     {rendered - built:7.2f} s\n"
        f"  HTML page total                     {rendered - started:7.2f} s\n"
        f"  weasyprint on the finished HTML     {weasy:7.2f} s\n"
        f"  PDF total                           {total:7.2f} s\n"
        f"  ratio PDF total / weasyprint        {total / weasy:7.2f}  (goal < 1.50)",
        flush=True,
    )
    return {"total": total, "weasy": weasy}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=3000)
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connection

    print(
        f"Generating: {len(PLATFORMS)} platforms, {args.activities} activities in {args.year} "
        f"({connection.vendor})",
        flush=True,
    )
    started = time.perf_counter()
    generate(args.year, args.activities)
    print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)

    from platforma.core.models import Platform
    from platforma.reports.builder import build_forum_report, build_report

    platform = Platform.objects.get(slug="georgia")
    measure(
        f"Platform report ({platform.name}, {args.year})",
        lambda lang: build_report(platform, args.year, language=lang),
    )
    measure(
        f"Forum-wide report ({args.year})",
        lambda lang: build_forum_report(args.year, language=lang),
    )


if __name__ == "__main__":
    main()
