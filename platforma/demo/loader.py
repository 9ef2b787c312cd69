"""Load the seed's Azerbaijan National Platform as demo data, through the services.

Facts the seed states are exact: founded November 2009, 45 member organisations, the Forum's
working groups, a General Assembly and a Board of Governance of the WG coordinators plus the
platform coordinator, who is the Country Facilitator: Avaz Hasanov of the Humanitarian Research
Public Union; the website. The rest (44 organisations, the WG coordinators, dates of admission,
the statute's numbers) is plausible fiction, and the platform is flagged ``is_demo`` so the site
says so.

``manage.py load_demo`` then loads the rest of the Forum (``forum_loader``): the five other
national platforms, the Forum's own row and an Annual Assembly with an open call for delegates.
"""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from django.db import transaction
from django.utils.module_loading import import_string

from platforma.core import services as core
from platforma.core.models import Platform
from platforma.governance import services as governance
from platforma.governance.models import Body, Office
from platforma.members import services as members
from platforma.members.models import Membership, Organisation
from platforma.workinggroups import services as workinggroups
from platforma.workinggroups.models import WorkingGroup

from .common import ACTOR, RULES, TERM_YEARS, Who
from .common import langs as _langs
from .data_azerbaijan import ORGANISATIONS, PEOPLE
from .forum import FORUM_WORKING_GROUPS
from .forum_loader import load_forum_demo

# Each domain adds its part of the demo through a function ``load(*, platform, who)`` that
# writes through its services (``who`` = actor/actor_label keyword arguments).
DEMO_EXTENSIONS: list[str] = [
    "platforma.members.demo.load",
    "platforma.activities.demo.load",
    "platforma.publications.demo.load",
    "platforma.meetings.demo.load",
    "platforma.elections.demo.load",
]

SLUG = "azerbaijan"
FOUNDED = datetime.date(2009, 11, 1)
FIRST_MANDATES = datetime.date(2013, 11, 16)

PLATFORM: dict[str, Any] = {
    "slug": SLUG,
    "country_code": "AZ",
    "country_en": "Azerbaijan",
    "country_az": "Azərbaycan",
    "country_ru": "Азербайджан",
    "name_en": "Azerbaijan National Platform",
    "name_az": "Azərbaycan Milli Platforması",
    "name_ru": "Национальная платформа Азербайджана",
    "description_en": (
        "The Azerbaijan National Platform of the Eastern Partnership Civil Society Forum. The "
        "work of its member NGOs is organised along the topics of the Forum's working groups."
    ),
    "description_az": (
        "Şərq Tərəfdaşlığı Vətəndaş Cəmiyyəti Forumunun Azərbaycan Milli Platforması. Üzv "
        "təşkilatların işi Forumun işçi qruplarının mövzuları üzrə qurulur."
    ),
    "description_ru": (
        "Национальная платформа Азербайджана Форума гражданского общества Восточного "
        "партнёрства. Работа организаций-членов строится по темам рабочих групп Форума."
    ),
    "founded_on": FOUNDED,
    "founded_precision": Platform.FoundedPrecision.MONTH,
    "website": "https://eap-csf.az/",
    "time_zone": "Asia/Baku",
    "is_demo": True,
}


def _admission_date(index: int) -> datetime.date:
    """Founders join in November 2009; later members through 2013 (fictional dates)."""
    if index < 30:
        return datetime.date(2009, 11, 20)
    return datetime.date(2010 + (index - 30) // 4, 3 + (index % 4) * 2, 15)


@transaction.atomic
def load_demo(*, stdout: TextIO | None = None, forum: bool = False) -> Platform | None:
    """Create the demo platform; return None when it is already there (idempotent).

    With ``forum`` (``manage.py load_demo`` asks for it) the rest of the Forum comes too: the
    five other national platforms, the Forum's own row and its Annual Assembly with an open
    call for delegates. Without it only Azerbaijan loads, as the tests' ``demo_platform``
    fixture wants it: quick, and the only platform.
    """
    if Platform.objects.filter(slug=SLUG).exists():
        return None
    who: Who = {"actor": None, "actor_label": ACTOR}

    forum_groups = {
        wg["number"]: workinggroups.forum_working_group_ensure(
            number=wg["number"], names=wg["name"], established_in=wg["established_in"], **who
        )
        for wg in FORUM_WORKING_GROUPS
    }
    platform = core.platform_create(**PLATFORM, **who)
    core.statute_adopt(
        platform=platform,
        title="Statute of the Azerbaijan National Platform",
        titles={
            "az": "Azərbaycan Milli Platformasının Nizamnaməsi",
            "ru": "Устав Национальной платформы Азербайджана",
        },
        effective_from=FOUNDED,
        rules=RULES,
        adopted_by="General Assembly, November 2009 (demo)",
        **who,
    )

    assembly = governance.body_create(
        platform=platform,
        kind=Body.Kind.GENERAL_ASSEMBLY,
        name_en="General Assembly",
        name_az="Ümumi Yığıncaq",
        name_ru="Общее собрание",
        **who,
    )
    governance.body_create(
        platform=platform,
        kind=Body.Kind.BOARD,
        name_en="Board of Governance",
        name_az="İdarə Heyəti",
        name_ru="Правление",
        **who,
    )

    groups: dict[int, WorkingGroup] = {}
    for number, forum_group in forum_groups.items():
        groups[number] = workinggroups.working_group_create(
            platform=platform,
            forum_group=forum_group,
            slug=f"wg{number}",
            position=number,
            **_langs("name", forum_group_names(number)),
            **who,
        )

    organisations: dict[str, Organisation] = {}
    memberships: dict[str, Membership] = {}
    for index, data in enumerate(ORGANISATIONS):
        organisation = members.organisation_create(
            **_langs("legal_name", data["legal_name"]),
            **_langs("short_name", data["short_name"]),
            **_langs("city", data["city"]),
            **_langs("fields_of_work", data["fields_of_work"]),
            **_langs("description", data["description"]),
            acronym=data["acronym"],
            registration_number=data["registration_number"],
            registration_date=datetime.date.fromisoformat(data["registration_date"]),
            email=data["email"],
            phone=data["phone"],
            is_demo=data["key"] != "hrpu",
            platform=platform,
            **who,
        )
        admitted_on = _admission_date(index)
        membership = members.membership_record_existing(
            platform=platform,
            organisation=organisation,
            admitted_on=admitted_on,
            decided_by="General Assembly" if index < 30 else "Board of Governance",
            **who,
        )
        for number in data["wgs"]:
            since = max(admitted_on, datetime.date(2012, 11, 30) if number == 5 else admitted_on)
            workinggroups.enrolment_add(
                working_group=groups[number], membership=membership, since=since, **who
            )
        organisations[data["key"]] = organisation
        memberships[data["key"]] = membership

    coordinator_office = governance.office_create(
        platform=platform,
        kind=Office.Kind.PLATFORM_COORDINATOR,
        body=assembly,
        name_en="Platform coordinator",
        name_az="Platformanın koordinatoru",
        name_ru="Координатор платформы",
        **who,
    )
    wg_offices = {
        number: governance.office_create(
            platform=platform,
            kind=Office.Kind.WG_COORDINATOR,
            working_group=group,
            name_en=f"Coordinator of WG{number}",
            name_az=f"İşçi qrupunun koordinatoru (İQ{number})",
            name_ru=f"Координатор рабочей группы (РГ{number})",
            **who,
        )
        for number, group in groups.items()
    }

    today = datetime.date.today()
    for person_data in PEOPLE:
        person = core.person_create(
            **_langs("first_name", person_data["first_name"]),
            **_langs("last_name", person_data["last_name"]),
            email=person_data["email"],
            is_demo=person_data["key"] != "avaz-hasanov",
            platform=platform,
            **who,
        )
        organisation = organisations[person_data["organisation"]]
        members.representative_assign(
            organisation=organisation, person=person, since=FOUNDED, **who
        )
        office = (
            coordinator_office
            if person_data["role"] == "platform_coordinator"
            else wg_offices[person_data["wg"]]
        )
        # Re-elected every two years from 2013 to today, so the site shows a holder on any day.
        starts_on, term = FIRST_MANDATES, 1
        while starts_on <= today:
            governance.mandate_start(
                office=office,
                person=person,
                organisation=organisation,
                starts_on=starts_on,
                decision_reference=f"GA-{starts_on.year}-{term:02d} (demo)",
                **who,
            )
            starts_on = starts_on.replace(year=starts_on.year + TERM_YEARS)
            term += 1
    for extend in DEMO_EXTENSIONS:
        import_string(extend)(platform=platform, who=who)
    # The other five platforms, the Forum's own row and its Annual Assembly (no extensions:
    # the Azerbaijan platform shows every domain; these keep the demo quick to load).
    if forum:
        load_forum_demo(azerbaijan=platform, forum_groups=forum_groups, who=who)
    return platform


def forum_group_names(number: int) -> dict[str, str]:
    return next(wg["name"] for wg in FORUM_WORKING_GROUPS if wg["number"] == number)
