"""Demo data for the Forum's own row: its statute, bodies, offices, EU-side members and people,
and its Annual Assembly (literal data).

Only the Forum's name and its five working groups are real. The EU-side organisations, the
co-chairs, the Forum's working group coordinators, the delegates who apply and every date,
number and e-mail address (on the reserved example.org domain) are fictional demonstration data.
"""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from .common import RULES
from .data_platforms import Applicant

FOUNDED = datetime.date(2009, 11, 17)  # the first Forum, Brussels, 16-17 November 2009
TERM_YEARS = 2
# The Forum's offices are filled at the Annual Assembly, every other year from this day.
FIRST_MANDATES = datetime.date(2011, 12, 1)

FORUM: dict[str, Any] = {
    "slug": "forum",
    "country_code": "EU",
    "country_en": "Eastern Partnership",
    "country_az": "Şərq Tərəfdaşlığı",
    "country_ru": "Восточное партнёрство",
    "name_en": "Eastern Partnership Civil Society Forum",
    "name_az": "Şərq Tərəfdaşlığı Vətəndaş Cəmiyyəti Forumu",
    "name_ru": "Форум гражданского общества Восточного партнёрства",
    "description_en": (
        "The Eastern Partnership Civil Society Forum: the six national platforms of the partner "
        "countries and civil society organisations of the European Union, in five working "
        "groups. Demonstration data: its offices, EU-side members, Annual Assembly and "
        "applications are fictional."
    ),
    "description_az": (
        "Şərq Tərəfdaşlığı Vətəndaş Cəmiyyəti Forumu: tərəfdaş ölkələrin altı milli "
        "platforması və Avropa İttifaqının vətəndaş cəmiyyəti təşkilatları, beş işçi qrupunda. "
        "Nümayiş məlumatları: vəzifələri, Aİ tərəfindən üzvləri, İllik Assambleyası və "
        "müraciətləri uydurmadır."
    ),
    "description_ru": (
        "Форум гражданского общества Восточного партнёрства: шесть национальных платформ "
        "стран-партнёров и организации гражданского общества Европейского союза в пяти "
        "рабочих группах. Демонстрационные данные: его должности, члены со стороны ЕС, "
        "Ежегодная ассамблея и заявки вымышлены."
    ),
    "founded_on": FOUNDED,
    "founded_precision": "day",
    "time_zone": "Europe/Brussels",
    "is_demo": True,
}

NATIONAL_SLUGS = ("armenia", "azerbaijan", "belarus", "georgia", "moldova", "ukraine")

FORUM_RULES: dict[str, Any] = {
    "quorum": RULES["quorum"],
    "majorities": RULES["majorities"],
    "abstentions_count_as_cast": False,
    "offices": {
        "co_chair": {"term_years": TERM_YEARS, "max_consecutive_terms": 2},
        "wg_coordinator": {"term_years": TERM_YEARS, "max_consecutive_terms": 2},
    },
    "admission": {**RULES["admission"], "decided_by": "steering_committee"},
    "proxies": {"allowed": False, "max_per_delegate": 1},
    "max_coordinator_posts_per_organisation": 1,
    "notice_days": {"ordinary": 30, "extraordinary": 14},
    "steering_committee": ["co_chair", "country_facilitators", "wg_coordinator"],
    "delegates": {
        "seats": 30,
        "reserve": 8,
        "per_country": {
            **{slug: {"minimum": 3, "maximum": 6} for slug in NATIONAL_SLUGS},
            "forum": {"minimum": 2, "maximum": 8},
        },
        "default_working_group": {"minimum": 3},
        "min_share_each_gender": "2/5",
    },
}

STATUTE_TITLE = {
    "en": "Statute of the Eastern Partnership Civil Society Forum",
    "az": "Şərq Tərəfdaşlığı Vətəndaş Cəmiyyəti Forumunun Nizamnaməsi",
    "ru": "Устав Форума гражданского общества Восточного партнёрства",
}

STEERING_COMMITTEE = {
    "en": "Steering Committee",
    "az": "Rəhbər Komitə",
    "ru": "Руководящий комитет",
}
ANNUAL_ASSEMBLY = {"en": "Annual Assembly", "az": "İllik Assambleya", "ru": "Ежегодная ассамблея"}

SIDES = {
    "eap": {"en": "EaP side", "az": "ŞT tərəfi", "ru": "сторона ВП"},
    "eu": {"en": "EU side", "az": "Aİ tərəfi", "ru": "сторона ЕС"},
}


def co_chair_names(side: str) -> dict[str, str]:
    label = SIDES[side]
    return {
        "en": f"Co-chair ({label['en']})",
        "az": f"Həmsədr ({label['az']})",
        "ru": f"Сопредседатель ({label['ru']})",
    }


def wg_coordinator_names(number: int, side: str) -> dict[str, str]:
    label = SIDES[side]
    return {
        "en": f"WG{number} coordinator ({label['en']})",
        "az": f"İQ{number} koordinatoru ({label['az']})",
        "ru": f"Координатор РГ{number} ({label['ru']})",
    }


class EuOrg(NamedTuple):
    key: str
    en: str
    ru: str
    acronym: str
    city: dict[str, str]
    phone: str
    wgs: tuple[int, ...]


EU_ORGANISATIONS: list[EuOrg] = [
    EuOrg(
        "eu-zgo",
        "Civil Society East Association (Germany)",
        "Ассоциация «Гражданское общество — Восток» (Германия)",
        "CSEA",
        {"en": "Berlin", "az": "Berlin", "ru": "Берлин"},
        "+49 30 5550 1201",
        (1, 4),
    ),
    EuOrg(
        "eu-wcs",
        "Warsaw Centre for Eastern Neighbourhood Studies",
        "Варшавский центр исследований восточного соседства",
        "WCENS",
        {"en": "Warsaw", "az": "Varşava", "ru": "Варшава"},
        "+48 22 555 0142",
        (1, 2),
    ),
    EuOrg(
        "eu-bsg",
        "Baltic Sea Green Alliance",
        "Зелёный альянс Балтийского моря",
        "BSGA",
        {"en": "Stockholm", "az": "Stokholm", "ru": "Стокгольм"},
        "+46 8 555 013 44",
        (3,),
    ),
    EuOrg(
        "eu-vfm",
        "Vilnius Forum for Free Media",
        "Вильнюсский форум свободных СМИ",
        "VFFM",
        {"en": "Vilnius", "az": "Vilnüs", "ru": "Вильнюс"},
        "+370 5 255 5013",
        (1, 4),
    ),
    EuOrg(
        "eu-plr",
        "Prague Institute for Labour and Social Rights",
        "Пражский институт трудовых и социальных прав",
        "PILSR",
        {"en": "Prague", "az": "Praqa", "ru": "Прага"},
        "+420 2 5550 1377",
        (5,),
    ),
    EuOrg(
        "eu-esb",
        "European Small Business Network",
        "Европейская сеть малого бизнеса",
        "ESBN",
        {"en": "Brussels", "az": "Brüssel", "ru": "Брюссель"},
        "+32 2 555 01 88",
        (2,),
    ),
    EuOrg(
        "eu-rym",
        "Riga Youth Mobility Centre",
        "Рижский центр молодёжной мобильности",
        "RYMC",
        {"en": "Riga", "az": "Riqa", "ru": "Рига"},
        "+371 6 555 0199",
        (4,),
    ),
    EuOrg(
        "eu-vet",
        "Vienna Energy Transition Platform",
        "Венская платформа энергетического перехода",
        "VETP",
        {"en": "Vienna", "az": "Vyana", "ru": "Вена"},
        "+43 1 555 0121",
        (3, 5),
    ),
]


class ForumHolder(NamedTuple):
    """Who holds a Forum office: ``office`` is "co_chair" or a working group's number; an
    EaP-side holder represents ``organisation`` (an Org key) of the national platform ``platform``,
    an EU-side holder an EuOrg (``platform`` "forum")."""

    first_en: str
    last_en: str
    first_ru: str
    last_ru: str
    platform: str
    organisation: str
    office: str | int
    side: str


FORUM_HOLDERS: list[ForumHolder] = [
    ForumHolder(
        "Salome", "Javakhishvili", "Саломе", "Джавахишвили", "georgia", "ge-acj", "co_chair", "eap"
    ),
    ForumHolder("Katarzyna", "Nowak", "Катажина", "Новак", "forum", "eu-wcs", "co_chair", "eu"),
    ForumHolder("Ales", "Barysevich", "Алесь", "Борисевич", "belarus", "by-ijc", 1, "eap"),
    ForumHolder("Jonas", "Petrauskas", "Йонас", "Петраускас", "forum", "eu-vfm", 1, "eu"),
    ForumHolder("Cristina", "Lupu", "Кристина", "Лупу", "moldova", "md-fpa", 2, "eap"),
    ForumHolder("Sophie", "Laurent", "Софи", "Лоран", "forum", "eu-esb", 2, "eu"),
    ForumHolder("Gayane", "Vardanyan", "Гаяне", "Варданян", "armenia", "am-eeca", 3, "eap"),
    ForumHolder("Erik", "Lindqvist", "Эрик", "Линдквист", "forum", "eu-bsg", 3, "eu"),
    ForumHolder("Dmytro", "Savchenko", "Дмитрий", "Савченко", "ukraine", "ua-chn", 4, "eap"),
    ForumHolder("Lena", "Hoffmann", "Лена", "Хоффман", "forum", "eu-zgo", 4, "eu"),
    ForumHolder("Zurab", "Chkheidze", "Зураб", "Чхеидзе", "georgia", "ge-sdn", 5, "eap"),
    ForumHolder("Tomáš", "Dvořák", "Томаш", "Дворжак", "forum", "eu-plr", 5, "eu"),
]

EU_APPLICANTS: list[Applicant] = [
    Applicant("Anna", "Schmidt", "woman"),
    Applicant("Piotr", "Zieliński", "man"),
    Applicant("Ingrid", "Berg", "woman"),
    Applicant("Rasa", "Kazlauskienė", "woman"),
    Applicant("Martin", "Novák", "man"),
    Applicant("Claire", "Dubois", "woman"),
]

ASSEMBLY: dict[str, dict[str, str]] = {
    "title": {
        "en": "Annual Assembly {year}",
        "az": "İllik Assambleya {year}",
        "ru": "Ежегодная ассамблея {year}",
    },
    "place": {"en": "Brussels", "az": "Brüssel", "ru": "Брюссель"},
    "description": {
        "en": (
            "The Forum's Annual Assembly: the delegates of the six national platforms and of "
            "the EU-side members meet in the five working groups and elect the Steering "
            "Committee's offices. Demonstration data."
        ),
        "az": (
            "Forumun İllik Assambleyası: altı milli platformanın və Aİ tərəfindən üzvlərin "
            "nümayəndələri beş işçi qrupunda toplaşır və Rəhbər Komitənin vəzifələrini seçir. "
            "Nümayiş məlumatları."
        ),
        "ru": (
            "Ежегодная ассамблея Форума: делегаты шести национальных платформ и членов со "
            "стороны ЕС работают в пяти рабочих группах и избирают должности Руководящего "
            "комитета. Демонстрационные данные."
        ),
    },
}

MOTIVATION = (
    "{organisation} works on “{theme}”. {first} {last} leads this work and would bring our "
    "members' experience to the Forum's working group {number}, report back to our platform "
    "and follow up the Assembly's recommendations."
)
