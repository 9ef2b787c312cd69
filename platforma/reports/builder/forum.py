"""The Forum-wide report: the same sections over every platform, and a comparison table."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import charts
from .document import Chart, Section, Table
from .gather import YearData
from .sections import (
    activities_chart,
    distribution_table_and_chart,
    group_label,
    section,
)
from .sentences import (
    activity_paragraph,
    event_days,
    holder,
    join_list,
    num,
    participation,
    publication_sentence,
    statement_sentence,
    year_distribution_sentence,
)
from .totals import totals_of


def _of(platform_name: str, text: str) -> str:
    return _("%(platform)s: %(text)s") % {"platform": platform_name, "text": text}


def _participants(data: YearData) -> int:
    return sum(p.count for p in map(participation, data.events) if p.count and p.organisations)


def forum_sections(year: int, datas: list[YearData]) -> list[Section]:
    members = sum(d.members_end for d in datas)
    intro = section("introduction")
    intro.paragraphs.append(
        ngettext(
            "In %(year)s the Forum had %(count)s national platform with %(members)s member "
            "organisations in all: %(names)s.",
            "In %(year)s the Forum had %(count)s national platforms with %(members)s member "
            "organisations in all: %(names)s.",
            len(datas),
        )
        % {
            "year": year,
            "count": num(len(datas)),
            "members": num(members),
            "names": join_list([d.platform.name for d in datas]),
        }
    )
    return [
        intro,
        comparison(year, datas),
        membership(year, datas),
        governance(year, datas),
        activities(year, datas),
        publications(year, datas),
        distribution(year, datas),
        statements(year, datas),
        working_groups(year, datas),
    ]


def comparison(year: int, datas: list[YearData]) -> Section:
    s = section("comparison", empty_text=_("No platforms are recorded."))
    if not datas:
        return s
    rows = []
    for d in datas:
        recipients = totals_of(d.distributions)
        shown = num(recipients.recipients)
        if recipients.more_than:
            shown = _("more than %(count)s") % {"count": shown}
        rows.append(
            [
                d.platform.name,
                num(d.members_end),
                num(len(d.admitted)),
                num(len(d.left)),
                num(len(d.events)),
                num(_participants(d)),
                num(len(d.ordinary_publications)),
                num(len(d.statements)),
                shown,
                num(len(d.meetings)),
                num(len(d.decisions)),
            ]
        )
    s.tables.append(
        Table(
            caption=_("The platforms in %(year)s") % {"year": year},
            headers=[
                _("Platform"),
                _("Members"),
                _("Admitted"),
                _("Left"),
                _("Activities"),
                _("Participating organisations"),
                _("Publications"),
                _("Statements"),
                _("Recipients"),
                _("Meetings"),
                _("Decisions"),
            ],
            rows=rows,
            numeric=frozenset(range(1, 11)),
        )
    )
    return s


def membership(year: int, datas: list[YearData]) -> Section:
    s = section(
        "membership",
        empty_text=_("No member organisations were recorded at the end of %(year)s.")
        % {"year": year},
    )
    total = sum(d.members_end for d in datas)
    if not total and not any(d.admitted or d.left for d in datas):
        return s
    s.paragraphs.append(
        _(
            "At the end of %(year)s the platforms had %(count)s member organisations in good "
            "standing (%(before)s a year earlier); %(admitted)s were admitted and %(left)s left "
            "during the year."
        )
        % {
            "year": year,
            "count": num(total),
            "before": num(sum(d.members_start for d in datas)),
            "admitted": num(sum(len(d.admitted) for d in datas)),
            "left": num(sum(len(d.left) for d in datas)),
        }
    )
    years = sorted({y for d in datas for y, _n in d.history})
    series = {d.platform.name: [dict(d.history).get(y, 0) for y in years] for d in datas}
    svg = charts.lines(years, series, ylabel=_("members"))
    if svg:
        s.charts.append(Chart("membership", _("Member organisations at the end of each year"), svg))
    return s


def governance(year: int, datas: list[YearData]) -> Section:
    s = section(
        "governance",
        empty_text=_(
            "No meetings, decisions, elections or office holders were recorded for %(year)s."
        )
        % {"year": year},
    )
    for d in datas:
        names = list(dict.fromkeys(holder(m) for m in d.facilitators))
        if names:
            s.items.append(
                _("%(platform)s: Country Facilitator %(holders)s.")
                % {"platform": d.platform.name, "holders": join_list(names)}
            )
    meetings = sum(len(d.meetings) for d in datas)
    decisions = sum(len(d.decisions) for d in datas)
    elections = sum(len(d.elections or []) for d in datas)
    if meetings or decisions or elections:
        s.paragraphs.append(
            _(
                "The platforms' bodies met %(meetings)s times and took %(decisions)s decisions; "
                "%(elections)s elections were published."
            )
            % {"meetings": num(meetings), "decisions": num(decisions), "elections": num(elections)}
        )
    return s


def activities(year: int, datas: list[YearData]) -> Section:
    s = section(
        "activities", empty_text=_("No activities were recorded for %(year)s.") % {"year": year}
    )
    events = sorted(
        ((e, d.platform.name) for d in datas for e in d.events),
        key=lambda pair: (pair[0].starts_at, pair[0].pk),
    )
    s.paragraphs = [_of(name, activity_paragraph(e)) for e, name in events]
    if events:
        s.charts.append(activities_chart(year, [event_days(e)[0] for e, _n in events]))
    return s


def publications(year: int, datas: list[YearData]) -> Section:
    s = section(
        "publications", empty_text=_("No publications were recorded for %(year)s.") % {"year": year}
    )
    s.paragraphs = [
        _of(d.platform.name, publication_sentence(p))
        for d in datas
        for p in d.ordinary_publications
    ]
    return s


def distribution(year: int, datas: list[YearData]) -> Section:
    s = section(
        "distribution",
        empty_text=_("No distribution of publications was recorded for %(year)s.") % {"year": year},
    )
    every = [x for d in datas for x in d.distributions]
    if every:
        totals = totals_of(every)
        s.paragraphs.append(year_distribution_sentence(year, totals))
        distribution_table_and_chart(s, totals)
    return s


def statements(year: int, datas: list[YearData]) -> Section:
    s = section(
        "statements",
        empty_text=_("No statements or position papers were recorded for %(year)s.")
        % {"year": year},
    )
    s.items = [_of(d.platform.name, statement_sentence(p)) for d in datas for p in d.statements]
    return s


def working_groups(year: int, datas: list[YearData]) -> Section:
    """By the Forum's working group that each platform's group mirrors."""
    s = section("working_groups", empty_text=_("The platforms have no working groups."))
    labels: dict[object, str] = {}
    members: Counter[object] = Counter()
    events: Counter[object] = Counter()
    participants: Counter[object] = Counter()
    pubs: Counter[object] = Counter()
    for d in datas:
        key_of: dict[int, object] = {}
        for g in d.groups:
            forum_group = g.forum_group
            key: object
            if forum_group is None:
                key = "other"
                labels[key] = _("Other working groups")
            else:
                key = forum_group.number
                labels.setdefault(key, f"{forum_group.code} {forum_group.name}")
            key_of[g.pk] = key
            members[key] += d.enrolled.get(g.pk, 0)
        per_event: defaultdict[int, set[object]] = defaultdict(set)
        for e in d.events:
            p = participation(e)
            for g in e.working_groups.all():
                key = key_of.get(g.pk)
                if key is None or key in per_event[e.pk]:
                    continue
                per_event[e.pk].add(key)
                events[key] += 1
                if p.count and p.organisations:
                    participants[key] += p.count
        for publication in d.publications:
            if publication.working_group_id in key_of:
                pubs[key_of[publication.working_group_id]] += 1
    if not labels:
        return s
    order = sorted(labels, key=lambda k: (k == "other", k if k != "other" else 0))
    s.tables.append(
        Table(
            caption=_("The Forum's working groups in %(year)s") % {"year": year},
            headers=[
                _("Working group"),
                _("Members"),
                _("Activities"),
                _("Participating organisations"),
                _("Publications"),
            ],
            rows=[
                [labels[k], num(members[k]), num(events[k]), num(participants[k]), num(pubs[k])]
                for k in order
            ],
            numeric=frozenset({1, 2, 3, 4}),
        )
    )
    svg = charts.horizontal_bars(
        [labels[k] for k in order],
        [participants[k] for k in order],
        xlabel=_("participating organisations"),
    )
    if svg:
        s.charts.append(
            Chart("participants", _("Participating organisations by working group"), svg)
        )
    return s


__all__ = ["forum_sections", "group_label"]
