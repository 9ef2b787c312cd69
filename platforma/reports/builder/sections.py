"""The sections of a platform's report, drafted from its ``YearData``."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.governance.models import Body, Office
from platforma.members.models import Membership

from .. import charts
from ..models import SECTION_CHOICES
from .document import Chart, Section, Table
from .gather import YearData
from .sentences import (
    activity_paragraph,
    day,
    distribution_sentence,
    event_days,
    holder,
    join_list,
    num,
    participation,
    publication_sentence,
    statement_sentence,
    year_distribution_sentence,
)
from .totals import totals_by_publication, totals_of

TITLES = dict(SECTION_CHOICES)

# How the introduction names the offices that make up the Board.
BOARD_PARTS: dict[str, Callable[[], str]] = {
    Office.Kind.PLATFORM_COORDINATOR: lambda: _("the platform coordinator"),
    Office.Kind.WG_COORDINATOR: lambda: _("the working group coordinators"),
    Office.Kind.SUBGROUP_COORDINATOR: lambda: _("the sub-group coordinators"),
    Office.Kind.BOARD_MEMBER: lambda: _("the elected board members"),
    Office.Kind.AUDITOR: lambda: _("the auditor"),
}


def section(key: str, **kwargs) -> Section:
    return Section(key=key, title=str(TITLES[key]), **kwargs)


def group_label(group) -> str:
    return f"{group.code} {group.name}".strip() if group.code else group.name


def introduction(data: YearData) -> Section:
    platform, year = data.platform, data.year
    paragraphs = []
    facts = []
    if platform.founded_on:
        facts.append(
            _("The %(platform)s was established in %(founded)s.")
            % {"platform": platform.name, "founded": platform.founded_display}
        )
    facts.append(
        ngettext(
            "At the end of %(year)s it had %(count)s member organisation.",
            "At the end of %(year)s it had %(count)s member organisations.",
            data.members_end,
        )
        % {"year": year, "count": num(data.members_end)}
    )
    if data.groups:
        facts.append(
            _("The work of its members is organised along the working groups: %(groups)s.")
            % {"groups": "; ".join(group_label(g) for g in data.groups)}
        )
    paragraphs.append(" ".join(facts))
    bodies = {b.kind: b for b in data.bodies}
    structure = []
    if Body.Kind.GENERAL_ASSEMBLY in bodies:
        structure.append(
            _("Its supreme body is the %(body)s.")
            % {"body": bodies[Body.Kind.GENERAL_ASSEMBLY].name}
        )
    if Body.Kind.BOARD in bodies:
        parts = [BOARD_PARTS[k]() for k in data.board_kinds if k in BOARD_PARTS]
        if parts:
            structure.append(
                _("Its executive body is the %(body)s, made up of %(parts)s.")
                % {"body": bodies[Body.Kind.BOARD].name, "parts": join_list(parts)}
            )
        else:
            structure.append(
                _("Its executive body is the %(body)s.") % {"body": bodies[Body.Kind.BOARD].name}
            )
    if data.facilitators:
        structure.append(
            _(
                "The platform coordinator is also its Country Facilitator and represents it in "
                "the Steering Committee of the Forum."
            )
        )
    if structure:
        paragraphs.append(" ".join(structure))
    return section("introduction", paragraphs=paragraphs)


def membership(data: YearData) -> Section:
    year = data.year
    s = section(
        "membership",
        empty_text=_("No member organisations were recorded at the end of %(year)s.")
        % {"year": year},
    )
    if not (data.members_end or data.admitted or data.left):
        return s
    s.paragraphs.append(
        ngettext(
            "At the end of %(year)s the platform had %(count)s member organisation in good "
            "standing (%(before)s a year earlier).",
            "At the end of %(year)s the platform had %(count)s member organisations in good "
            "standing (%(before)s a year earlier).",
            data.members_end,
        )
        % {"year": year, "count": num(data.members_end), "before": num(data.members_start)}
    )
    if data.admitted:
        s.paragraphs.append(
            ngettext(
                "%(count)s organisation was admitted during the year: %(names)s.",
                "%(count)s organisations were admitted during the year: %(names)s.",
                len(data.admitted),
            )
            % {
                "count": num(len(data.admitted)),
                "names": join_list([_change(c) for c in data.admitted]),
            }
        )
    else:
        s.paragraphs.append(_("No organisation was admitted during the year."))
    if data.left:
        s.paragraphs.append(
            ngettext(
                "%(count)s organisation left the platform: %(names)s.",
                "%(count)s organisations left the platform: %(names)s.",
                len(data.left),
            )
            % {"count": num(len(data.left)), "names": join_list([_change(c) for c in data.left])}
        )
    else:
        s.paragraphs.append(_("No organisation left the platform during the year."))
    if data.groups:
        s.tables.append(
            Table(
                caption=_("Member organisations in each working group at the end of %(year)s")
                % {"year": year},
                headers=[_("Working group"), _("Members")],
                rows=[[group_label(g), num(data.enrolled.get(g.pk, 0))] for g in data.groups],
                numeric=frozenset({1}),
            )
        )
    years = [y for y, _n in data.history]
    svg = charts.lines(
        years, {data.platform.name: [n for _y, n in data.history]}, ylabel=_("members")
    )
    if svg:
        s.charts.append(
            Chart(
                "membership",
                _("Member organisations at the end of each year"),
                svg,
                ", ".join(f"{y}: {num(n)}" for y, n in data.history),
            )
        )
    return s


def _change(change) -> str:
    name = change.membership.organisation.legal_name
    status = change.to_status
    if status == Membership.Status.WITHDRAWN:
        return _("%(name)s (withdrew on %(date)s)") % {
            "name": name,
            "date": day(change.effective_on),
        }
    if status == Membership.Status.EXPELLED:
        return _("%(name)s (expelled on %(date)s)") % {
            "name": name,
            "date": day(change.effective_on),
        }
    return _("%(name)s (%(date)s)") % {"name": name, "date": day(change.effective_on)}


def governance(data: YearData) -> Section:
    year = data.year
    s = section(
        "governance",
        empty_text=_(
            "No meetings, decisions, elections or office holders were recorded for %(year)s."
        )
        % {"year": year},
    )
    facilitators = _unique_holders(data.facilitators)
    if len(facilitators) == 1:
        s.paragraphs.append(
            _("The Country Facilitator in %(year)s was %(holder)s.")
            % {"year": year, "holder": facilitators[0]}
        )
    elif facilitators:
        s.paragraphs.append(
            _("The Country Facilitators in %(year)s were %(holders)s.")
            % {"year": year, "holders": join_list(facilitators)}
        )
    if data.meetings:
        s.paragraphs.append(
            ngettext(
                "%(count)s meeting of the platform's bodies was held.",
                "%(count)s meetings of the platform's bodies were held.",
                len(data.meetings),
            )
            % {"count": num(len(data.meetings))}
        )
        s.tables.append(
            Table(
                caption=_("Meetings in %(year)s") % {"year": year},
                headers=[_("Date"), _("Meeting"), _("Body"), _("Decisions")],
                rows=[
                    [day(m.date), m.title, m.body.name, num(m.decision_count)]
                    for m in data.meetings
                ],
                numeric=frozenset({3}),
            )
        )
    if data.elections is None:
        s.paragraphs.append(_("No elections are recorded in Platforma yet."))
    elif data.elections:
        for e in data.elections:
            s.paragraphs.append(
                _("Election “%(title)s” (%(body)s, %(date)s): elected %(names)s.")
                % {
                    "title": e.title,
                    "body": e.body,
                    "date": day(e.day),
                    "names": join_list(e.elected) or "—",
                }
            )
    elif data.meetings or data.decisions or data.mandates:
        s.paragraphs.append(_("No elections were recorded in %(year)s.") % {"year": year})
    if data.decisions:
        s.paragraphs.append(
            ngettext(
                "%(count)s decision was entered in the register:",
                "%(count)s decisions were entered in the register:",
                len(data.decisions),
            )
            % {"count": num(len(data.decisions))}
        )
        s.items.extend(
            _("%(reference)s: %(title)s (%(body)s, %(date)s)")
            % {
                "reference": d.reference,
                "title": d.title,
                "body": d.body.name,
                "date": day(d.decided_on),
            }
            for d in data.decisions
        )
    if data.board:
        s.tables.append(
            Table(
                caption=_("The Board of Governance at the end of %(year)s") % {"year": year},
                headers=[_("Office"), _("Holder"), _("Organisation")],
                rows=[
                    [
                        m.office.name,
                        m.person.full_name,
                        m.organisation.legal_name if m.organisation_id else "",
                    ]
                    for m in data.board
                ],
            )
        )
    if data.mandates:
        s.tables.append(
            Table(
                caption=_("Office holders during %(year)s") % {"year": year},
                headers=[_("Office"), _("Holder"), _("Organisation"), _("From"), _("To")],
                rows=[
                    [
                        m.office.name,
                        m.person.full_name,
                        m.organisation.legal_name if m.organisation_id else "",
                        day(m.starts_on),
                        day(m.ends_on) if m.ends_on else "—",
                    ]
                    for m in data.mandates
                ],
            )
        )
    return s


def _unique_holders(mandates) -> list[str]:
    seen: dict[tuple, str] = {}
    for m in mandates:
        seen.setdefault((m.person_id, m.organisation_id), holder(m))
    return list(seen.values())


def activities(data: YearData, *, prefix=None) -> Section:
    s = section(
        "activities",
        empty_text=_("No activities were recorded for %(year)s.") % {"year": data.year},
    )
    s.paragraphs = [activity_paragraph(e) for e in data.events]
    if data.events:
        s.charts.append(activities_chart(data.year, [event_days(e)[0] for e in data.events]))
    return s


def activities_chart(year: int, days: list[datetime.date]) -> Chart:
    per_month = Counter(d.month for d in days)
    labels = [date_format(datetime.date(year, m, 1), "M") for m in range(1, 13)]
    values = [per_month.get(m, 0) for m in range(1, 13)]
    return Chart(
        "activities",
        _("Activities per month, %(year)s") % {"year": year},
        charts.bars(labels, values, ylabel=_("activities")),
        ", ".join(f"{lab}: {v}" for lab, v in zip(labels, values, strict=True) if v),
    )


def publications(data: YearData) -> Section:
    s = section(
        "publications",
        empty_text=_("No publications were recorded for %(year)s.") % {"year": data.year},
    )
    s.paragraphs = [publication_sentence(p) for p in data.ordinary_publications]
    return s


def distribution(data: YearData) -> Section:
    s = section(
        "distribution",
        empty_text=_("No distribution of publications was recorded for %(year)s.")
        % {"year": data.year},
    )
    if not data.distributions:
        return s
    for publication, totals in totals_by_publication(data.distributions):
        s.paragraphs.append(distribution_sentence(publication.title, totals))
    overall = totals_of(data.distributions)
    if len({d.publication_id for d in data.distributions}) > 1:
        s.paragraphs.append(year_distribution_sentence(data.year, overall))
    distribution_table_and_chart(s, overall)
    return s


def distribution_table_and_chart(s: Section, totals) -> None:
    from .sentences import CATEGORY_PLURALS

    rows, labels, values = [], [], []
    for c in totals.by_category:
        label = str(CATEGORY_PLURALS.get(c.category, c.category))
        label = label[:1].upper() + label[1:]
        if c.unknown and not c.count:
            shown = _("named, not counted")
        else:
            shown = num(c.count)
            if c.more_than:
                shown = _("more than %(count)s") % {"count": shown}
            labels.append(label)
            values.append(c.count)
        rows.append([label, shown])
    if rows:
        s.tables.append(
            Table(
                caption=_("Recipients by kind of stakeholder"),
                headers=[_("Stakeholders"), _("Recipients")],
                rows=rows,
                numeric=frozenset({1}),
            )
        )
    svg = charts.horizontal_bars(labels, values, xlabel=_("recipients"))
    if svg:
        s.charts.append(
            Chart(
                "distribution",
                _("Recipients by kind of stakeholder"),
                svg,
                ", ".join(f"{lab}: {v}" for lab, v in zip(labels, values, strict=True)),
            )
        )


def statements(data: YearData) -> Section:
    s = section(
        "statements",
        empty_text=_("No statements or position papers were recorded for %(year)s.")
        % {"year": data.year},
    )
    s.items = [statement_sentence(p) for p in data.statements]
    return s


def working_groups(data: YearData) -> Section:
    s = section(
        "working_groups",
        empty_text=_("The platform has no working groups."),
    )
    if not data.groups:
        return s
    events = defaultdict(list)
    participants: Counter[int] = Counter()
    for event in data.events:
        p = participation(event)
        for group in event.working_groups.all():
            events[group.pk].append(event)
            if p.count and p.organisations:
                participants[group.pk] += p.count
    pubs = defaultdict(list)
    for publication in data.publications:
        if publication.working_group_id:
            pubs[publication.working_group_id].append(publication)
    coordinators = defaultdict(list)
    for m in data.board:
        if m.office.working_group_id:
            coordinators[m.office.working_group_id].append(m.person.full_name)
    rows = []
    for g in data.groups:
        rows.append(
            [
                group_label(g),
                ", ".join(coordinators.get(g.pk, [])) or "—",
                num(data.enrolled.get(g.pk, 0)),
                num(len(events[g.pk])),
                num(participants[g.pk]),
                num(len(pubs[g.pk])),
            ]
        )
        done = [e.title for e in events[g.pk]] + [f"“{p.title}”" for p in pubs[g.pk]]
        if done:
            s.items.append(
                _("%(group)s: %(work)s.") % {"group": group_label(g), "work": join_list(done)}
            )
    s.tables.append(
        Table(
            caption=_("Working groups in %(year)s") % {"year": data.year},
            headers=[
                _("Working group"),
                _("Coordinator"),
                _("Members"),
                _("Activities"),
                _("Participating organisations"),
                _("Publications"),
            ],
            rows=rows,
            numeric=frozenset({2, 3, 4, 5}),
        )
    )
    labels = [group_label(g) for g in data.groups]
    svg = charts.horizontal_bars(
        labels, [participants[g.pk] for g in data.groups], xlabel=_("participating organisations")
    )
    if svg:
        s.charts.append(
            Chart("participants", _("Participating organisations by working group"), svg)
        )
    if not s.items:
        s.paragraphs.append(
            _("No activity or publication was attributed to a working group in %(year)s.")
            % {"year": data.year}
        )
    return s


def platform_sections(data: YearData) -> list[Section]:
    return [
        introduction(data),
        membership(data),
        governance(data),
        activities(data),
        publications(data),
        distribution(data),
        statements(data),
        working_groups(data),
    ]
