"""Sentences drafted from records, built from translated templates.

Each template is a whole sentence (or clause) so translators can order its parts as their
language needs; values come in formatted for the active language (dates, numbers).
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext_lazy, ngettext, pgettext
from django.utils.translation import gettext as _

from platforma.activities.models import CountPrecision, Event
from platforma.publications.models import StakeholderCategory

C = StakeholderCategory

# Plural names of kinds of recipients, as a list of them reads ("universities, libraries").
CATEGORY_PLURALS = {
    C.EU_INSTITUTION: gettext_lazy("EU institutions"),
    C.UNIVERSITY: gettext_lazy("universities"),
    C.LIBRARY: gettext_lazy("libraries"),
    C.THINK_TANK: gettext_lazy("think tanks"),
    C.GOVERNMENT_AGENCY: gettext_lazy("government agencies"),
    C.INTERNATIONAL_INSTITUTION: gettext_lazy("international institutions"),
    C.MEDIA: gettext_lazy("media"),
    C.DONOR: gettext_lazy("donors"),
    C.OTHER_CSO: gettext_lazy("other CSOs"),
}


def day(value: datetime.date) -> str:
    return date_format(value, "DATE_FORMAT")


def num(value: int) -> str:
    return number_format(value)


# Turkic dotted and dotless i: Python's lower() turns "İ" into "i̇" and "I" into "i".
_TURKIC_LOWER = {"İ": "i", "I": "ı"}


def lower_first(text: str) -> str:
    """“Workshop on …” -> “workshop on …”, but “EU-Azerbaijan …” stays (an acronym)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        first = text[0]
        if get_language() == "az" and first in _TURKIC_LOWER:
            return _TURKIC_LOWER[first] + text[1:]
        return first.lower() + text[1:]
    return text


def full_stop(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def join_list(items: list[str]) -> str:
    items = [str(i) for i in items if i]
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


# --- activities ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participation:
    count: int | None
    more_than: bool
    organisations: bool  # the count is of organisations (else of persons)


def participation(event: Event) -> Participation:
    """From the check-in list when there is one (annotated by ``event_list``), else recorded."""
    persons = getattr(event, "attendee_count", 0) or 0
    if persons:
        organisations = getattr(event, "attendee_org_count", 0) or 0
        if organisations:
            return Participation(organisations, False, True)
        return Participation(persons, False, False)
    if event.recorded_count is not None:
        return Participation(
            event.recorded_count,
            event.recorded_count_precision == CountPrecision.MORE_THAN,
            event.recorded_count_unit == Event.CountUnit.ORGANISATIONS,
        )
    return Participation(None, False, True)


def participation_clause(p: Participation) -> str:
    if p.count is None:
        return ""
    n = {"count": num(p.count)}
    if p.organisations and p.more_than:
        return (
            ngettext(
                "representatives of more than %(count)s CSO took part",
                "representatives of more than %(count)s CSOs took part",
                p.count,
            )
            % n
        )
    if p.organisations:
        return (
            ngettext(
                "representatives of %(count)s CSO took part",
                "representatives of %(count)s CSOs took part",
                p.count,
            )
            % n
        )
    if p.more_than:
        return (
            ngettext(
                "more than %(count)s participant took part",
                "more than %(count)s participants took part",
                p.count,
            )
            % n
        )
    return (
        ngettext("%(count)s participant took part", "%(count)s participants took part", p.count) % n
    )


def event_days(event: Event) -> tuple[datetime.date, datetime.date]:
    tz = zoneinfo.ZoneInfo(event.time_zone)
    return event.starts_at.astimezone(tz).date(), event.ends_at.astimezone(tz).date()


def activity_paragraph(event: Event) -> str:
    """“The workshop on … took place in Baku on 26 April 2014; representatives of 27 CSOs took
    part. It aimed to …”"""
    first, last = event_days(event)
    values = {
        "title": event.title,
        "title_lc": lower_first(event.title),
        "kind": event.kind_display,
        "city": event.city,
        "date": day(first),
        "start": day(first),
        "end": day(last),
    }
    one_day = first == last
    if event.city and one_day:
        what = _("The %(title_lc)s took place in %(city)s on %(date)s")
    elif event.city:
        what = _("The %(title_lc)s took place in %(city)s from %(start)s to %(end)s")
    elif event.online_url and one_day:
        what = _("The %(title_lc)s took place online on %(date)s")
    elif event.online_url:
        what = _("The %(title_lc)s took place online from %(start)s to %(end)s")
    elif one_day:
        what = _("The %(title_lc)s took place on %(date)s")
    else:
        what = _("The %(title_lc)s took place from %(start)s to %(end)s")
    sentence = what % values
    clause = participation_clause(participation(event))
    if clause:
        sentence = _("%(event)s; %(participation)s") % {"event": sentence, "participation": clause}
    parts = [full_stop(sentence)]
    aims = (event.aims or "").strip()
    if aims:
        # Aims written as an infinitive (“To develop …”) read on from “It aimed”; other
        # wording is quoted as it is. The marker is translated with the sentence.
        marker = pgettext("start of aims written as an infinitive", "To ")
        if marker.strip() and aims.lower().startswith(marker.lower()):
            parts.append(full_stop(_("It aimed %(aims)s") % {"aims": lower_first(aims)}))
        else:
            parts.append(full_stop(_("Its aims: %(aims)s") % {"aims": aims}))
    outcomes = (event.outcomes or "").strip()
    if outcomes:
        parts.append(full_stop(_("Outcomes: %(outcomes)s") % {"outcomes": outcomes}))
    return " ".join(parts)


# --- publications and distribution ----------------------------------------------------------


def publication_sentence(publication) -> str:
    text = _("%(kind)s: “%(title)s” (%(date)s).") % {
        "kind": publication.get_kind_display(),
        "title": publication.title,
        "date": publication.date_display,
    }
    if publication.abstract:
        text += " " + full_stop(publication.abstract)
    return text


def statement_sentence(publication) -> str:
    text = _("“%(title)s” (%(kind)s, %(date)s)") % {
        "title": publication.title,
        "kind": lower_first(str(publication.get_kind_display())),
        "date": publication.date_display,
    }
    count = getattr(publication, "signature_count", 0)
    if count:
        text += ngettext(
            ", signed by %(count)s member organisation",
            ", signed by %(count)s member organisations",
            count,
        ) % {"count": num(count)}
    return full_stop(text)


def recipients_phrase(count: int, more_than: bool) -> str:
    n = {"count": num(count)}
    if more_than:
        return (
            ngettext("more than %(count)s stakeholder", "more than %(count)s stakeholders", count)
            % n
        )
    return ngettext("%(count)s stakeholder", "%(count)s stakeholders", count) % n


def categories_phrase(totals) -> str:
    names = []
    for category in totals.by_category:
        name = str(CATEGORY_PLURALS.get(category.category, category.category))
        if not category.unknown and category.count:
            shown = num(category.count)
            if category.more_than:
                shown = _("more than %(count)s") % {"count": shown}
            name = f"{name} ({shown})"
        names.append(name)
    return join_list(names)


def distribution_sentence(title: str, totals) -> str:
    values = {
        "title": title,
        "recipients": recipients_phrase(totals.recipients, totals.more_than),
        "categories": categories_phrase(totals),
    }
    if values["categories"]:
        return _("“%(title)s” was distributed to %(recipients)s, including %(categories)s.") % (
            values
        )
    return _("“%(title)s” was distributed to %(recipients)s.") % values


def year_distribution_sentence(year: int, totals) -> str:
    values = {
        "year": year,
        "recipients": recipients_phrase(totals.recipients, totals.more_than),
        "categories": categories_phrase(totals),
    }
    if values["categories"]:
        return (
            _(
                "In %(year)s publications were distributed to %(recipients)s, including "
                "%(categories)s."
            )
            % values
        )
    return _("In %(year)s publications were distributed to %(recipients)s.") % values


# --- people ----------------------------------------------------------------------------------


def holder(mandate) -> str:
    """“Avaz Hasanov, Humanitarian Research Public Union”."""
    name = mandate.person.full_name
    if mandate.organisation_id:
        return _("%(person)s, %(organisation)s") % {
            "person": name,
            "organisation": mandate.organisation.legal_name,
        }
    return name
