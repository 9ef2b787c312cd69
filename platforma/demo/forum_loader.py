"""Load the rest of the Forum as demo data: the five other national platforms, the Forum's own
row (statute, bodies, working groups, EU-side members, offices and mandates) and an upcoming
Annual Assembly whose call for delegates is open.

Called by ``loader.load_demo`` once the Azerbaijan National Platform is in. The platforms,
organisations, people and mandates go through the services; the Forum's own row, whose
``is_forum`` no service sets, and the Annual Assembly, its call and the applications (whose
services are not written yet) are created here with one audit entry each. Kept small: the
whole demo loads in a few seconds.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.utils import timezone

from platforma.core import audit
from platforma.core import services as core
from platforma.core.models import Person, Platform
from platforma.forum.models import AnnualAssembly, DelegateApplication, DelegateCall
from platforma.governance import services as governance
from platforma.governance.models import Body, Mandate, Office
from platforma.members import services as members
from platforma.members.models import Membership, Organisation
from platforma.workinggroups import services as workinggroups
from platforma.workinggroups.models import Enrolment, ForumWorkingGroup, WorkingGroup

from .common import RULES, TERM_YEARS, Who, langs
from .data_forum import (
    ANNUAL_ASSEMBLY,
    ASSEMBLY,
    EU_APPLICANTS,
    EU_ORGANISATIONS,
    FORUM,
    FORUM_HOLDERS,
    FORUM_RULES,
    MOTIVATION,
    STATUTE_TITLE,
    STEERING_COMMITTEE,
    co_chair_names,
    wg_coordinator_names,
)
from .data_forum import FIRST_MANDATES as FORUM_FIRST_MANDATES
from .data_forum import FOUNDED as FORUM_FOUNDED
from .data_forum import TERM_YEARS as FORUM_TERM_YEARS
from .data_platforms import (
    AZERBAIJAN_APPLICANTS,
    CITIES,
    DEMO_NOTE,
    PLATFORMS,
    Applicant,
    PlatformData,
)
from .forum import FORUM_WORKING_GROUPS

# The national platforms' offices are filled by their General Assemblies every other year.
FIRST_MANDATES = datetime.date(2011, 11, 16)
LANGS = ("en", "az", "ru")
THEMES = {wg["number"]: wg["name"] for wg in FORUM_WORKING_GROUPS}
FOUNDERS = 8  # the first organisations of each platform join on its founding

ORG_NOTE = {
    "en": "A fictional organisation: demonstration data.",
    "az": "Uydurma təşkilat: nümayiş məlumatları.",
    "ru": "Вымышленная организация: демонстрационные данные.",
}


@dataclass
class Loaded:
    """What the loading of one platform (or the Forum's row) gives the later steps."""

    platform: Platform
    groups: dict[int, WorkingGroup] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    wgs: dict[str, tuple[int, ...]] = field(default_factory=dict)  # by organisation key


def load_forum_demo(
    *, azerbaijan: Platform, forum_groups: dict[int, ForumWorkingGroup], who: Who
) -> Platform:
    """Add the five other platforms, the Forum's row and its Annual Assembly; return the row."""
    today = datetime.date.today()
    national = {"azerbaijan": _azerbaijan(azerbaijan)}
    for data in PLATFORMS:
        national[data["slug"]] = _load_platform(data, forum_groups, today, who)
    forum = _load_forum(forum_groups, national, today, who)
    _load_assembly(forum, forum_groups, national, who)
    return forum.platform


# --- the national platforms ------------------------------------------------------------------


def term_start(first: datetime.date, today: datetime.date, years: int) -> datetime.date:
    """The first day of the term in force ``today``, terms of ``years`` running from ``first``."""
    start = first
    while start.replace(year=start.year + years) <= today:
        start = start.replace(year=start.year + years)
    return start


def _azerbaijan(platform: Platform) -> Loaded:
    loaded = Loaded(platform=platform)
    for membership in Membership.objects.filter(platform=platform).select_related("organisation"):
        key = f"az-{membership.organisation_id}"
        loaded.organisations[key] = membership.organisation
    numbers: dict[int, list[int]] = {}
    for organisation_id, number in Enrolment.objects.filter(
        membership__platform=platform
    ).values_list("membership__organisation", "working_group__forum_group__number"):
        numbers.setdefault(organisation_id, []).append(number)
    for key, organisation in loaded.organisations.items():
        loaded.wgs[key] = tuple(sorted(numbers.get(organisation.pk, [1])))
    return loaded


def _admission_date(founded: datetime.date, index: int) -> datetime.date:
    """Founders join three weeks after the founding; one more member a year after (fiction)."""
    if index < FOUNDERS:
        return founded + datetime.timedelta(days=20)
    return datetime.date(founded.year + 1 + index - FOUNDERS, 4, 15)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _organisation(
    *,
    platform: Platform,
    key: str,
    names: dict[str, str],
    acronym: str,
    city: dict[str, str],
    phone: str,
    wgs: tuple[int, ...],
    registered: datetime.date,
    who: Who,
) -> Organisation:
    return members.organisation_create(
        **langs("legal_name", names),
        **langs("city", city),
        **langs("description", ORG_NOTE),
        **langs(
            "fields_of_work",
            {lang: "; ".join(THEMES[number][lang].lower() for number in wgs) for lang in LANGS},
        ),
        acronym=acronym,
        registration_number=f"{platform.country_code}-{registered.year}-{sum(map(ord, key)):05d}",
        registration_date=registered,
        email=f"info@{key}.example.org",
        phone=phone,
        is_demo=True,
        platform=platform,
        **who,
    )


def _admit(
    loaded: Loaded,
    organisation: Organisation,
    key: str,
    wgs: tuple[int, ...],
    admitted_on: datetime.date,
    decided_by: str,
    who: Who,
) -> None:
    membership = members.membership_record_existing(
        platform=loaded.platform,
        organisation=organisation,
        admitted_on=admitted_on,
        decided_by=decided_by,
        **who,
    )
    for number in wgs:
        # The fifth working group was set up in November 2012.
        since = max(admitted_on, datetime.date(2012, 11, 30)) if number == 5 else admitted_on
        workinggroups.enrolment_add(
            working_group=loaded.groups[number], membership=membership, since=since, **who
        )
    loaded.organisations[key] = organisation
    loaded.wgs[key] = wgs


def _working_groups(loaded: Loaded, forum_groups: dict[int, ForumWorkingGroup], who: Who) -> None:
    for number, forum_group in forum_groups.items():
        loaded.groups[number] = workinggroups.working_group_create(
            platform=loaded.platform,
            forum_group=forum_group,
            slug=f"wg{number}",
            position=number,
            **langs("name", THEMES[number]),
            **who,
        )


def _person(
    first: dict[str, str], last: dict[str, str], email_domain: str, platform: Platform, who: Who
) -> Person:
    return core.person_create(
        **langs("first_name", first),
        **langs("last_name", last),
        email=f"{_ascii(first['en'])}.{_ascii(last['en'])}@{email_domain}.example.org",
        is_demo=True,
        platform=platform,
        **who,
    )


def _load_platform(
    data: PlatformData,
    forum_groups: dict[int, ForumWorkingGroup],
    today: datetime.date,
    who: Who,
) -> Loaded:
    country, name, native = data["country"], data["name"], data["native_name"]
    platform = core.platform_create(
        slug=data["slug"],
        country_code=data["country_code"],
        **langs("country", country),
        **langs("name", name),
        description_en=(
            f"{native}: the {name['en']} of the Eastern Partnership Civil Society Forum. "
            + DEMO_NOTE["en"]
        ),
        description_az=(
            f"{native}: Şərq Tərəfdaşlığı Vətəndaş Cəmiyyəti Forumunun {name['az']}. "
            + DEMO_NOTE["az"]
        ),
        description_ru=(
            f"{native}: {name['ru']} Форума гражданского общества Восточного партнёрства. "
            + DEMO_NOTE["ru"]
        ),
        founded_on=data["founded_on"],
        founded_precision=Platform.FoundedPrecision.MONTH,
        time_zone=data["time_zone"],
        is_demo=True,
        **who,
    )
    title = data["statute_title"]
    core.statute_adopt(
        platform=platform,
        title=title["en"],
        titles={"az": title["az"], "ru": title["ru"]},
        effective_from=data["founded_on"],
        rules=RULES,
        adopted_by=f"General Assembly, {data['founded_on']:%B %Y} (demo)",
        **who,
    )
    assembly = governance.body_create(
        platform=platform,
        kind=Body.Kind.GENERAL_ASSEMBLY,
        **langs("name", {"en": "General Assembly", "az": "Ümumi Yığıncaq", "ru": "Общее собрание"}),
        **who,
    )
    governance.body_create(
        platform=platform,
        kind=Body.Kind.BOARD,
        **langs("name", {"en": "Board", "az": "İdarə Heyəti", "ru": "Правление"}),
        **who,
    )
    loaded = Loaded(platform=platform)
    _working_groups(loaded, forum_groups, who)

    founded = data["founded_on"]
    for index, org in enumerate(data["organisations"]):
        organisation = _organisation(
            platform=platform,
            key=org.key,
            names={"en": org.en, "ru": org.ru},
            acronym=org.acronym,
            city=CITIES[org.city],
            phone=f"{data['phone_prefix']} 555 {10 + index:02d} {(index * 37) % 90 + 10:02d}",
            wgs=org.wgs,
            registered=datetime.date(founded.year - 2 - index % 7, 1 + index % 12, 10),
            who=who,
        )
        _admit(
            loaded,
            organisation,
            org.key,
            org.wgs,
            _admission_date(founded, index),
            "General Assembly" if index < FOUNDERS else "Board",
            who,
        )

    offices = {
        0: governance.office_create(
            platform=platform,
            kind=Office.Kind.PLATFORM_COORDINATOR,
            body=assembly,
            **langs(
                "name",
                {
                    "en": "Platform coordinator (Country Facilitator)",
                    "az": "Platformanın koordinatoru (Ölkə fasilitatoru)",
                    "ru": "Координатор платформы (страновой фасилитатор)",
                },
            ),
            **who,
        )
    }
    for number, group in loaded.groups.items():
        offices[number] = governance.office_create(
            platform=platform,
            kind=Office.Kind.WG_COORDINATOR,
            working_group=group,
            name_en=f"Coordinator of WG{number}",
            name_az=f"İşçi qrupunun koordinatoru (İQ{number})",
            name_ru=f"Координатор рабочей группы (РГ{number})",
            **who,
        )
    starts_on = term_start(FIRST_MANDATES, today, TERM_YEARS)
    for holder in data["holders"]:
        organisation = loaded.organisations[holder.organisation]
        person = _person(
            {"en": holder.first_en, "ru": holder.first_ru},
            {"en": holder.last_en, "ru": holder.last_ru},
            holder.organisation,
            platform,
            who,
        )
        members.representative_assign(
            organisation=organisation, person=person, since=founded, **who
        )
        governance.mandate_start(
            office=offices[holder.office],
            person=person,
            organisation=organisation,
            starts_on=starts_on,
            decision_reference=f"GA-{starts_on.year} (demo)",
            **who,
        )
    return loaded


# --- the Forum's own row ---------------------------------------------------------------------


def _forum_row(who: Who) -> Platform:
    """The Forum's row, through the service that sets it up."""
    fields = {k: v for k, v in FORUM.items() if k != "slug"}
    return core.forum_create(**fields, **who)


def _forum_mandate(
    *,
    office: Office,
    person: Person,
    organisation: Organisation,
    starts_on: datetime.date,
    who: Who,
) -> Mandate:
    """A Forum office's holder, of a member of any platform (or of the Forum's row), for one
    term, through the governance service (which checks the Forum's members' standing)."""
    return governance.mandate_start(
        office=office,
        person=person,
        organisation=organisation,
        starts_on=starts_on,
        ends_on=starts_on.replace(year=starts_on.year + FORUM_TERM_YEARS)
        - datetime.timedelta(days=1),
        decision_reference=f"AA-{starts_on.year} (demo)",
        **who,
    )


def _load_forum(
    forum_groups: dict[int, ForumWorkingGroup],
    national: dict[str, Loaded],
    today: datetime.date,
    who: Who,
) -> Loaded:
    platform = _forum_row(who)
    core.statute_adopt(
        platform=platform,
        title=STATUTE_TITLE["en"],
        titles={"az": STATUTE_TITLE["az"], "ru": STATUTE_TITLE["ru"]},
        effective_from=FORUM_FOUNDED,
        rules=FORUM_RULES,
        adopted_by="Civil Society Forum, Brussels, November 2009 (demo)",
        **who,
    )
    committee = governance.body_create(
        platform=platform,
        kind=Body.Kind.STEERING_COMMITTEE,
        **langs("name", STEERING_COMMITTEE),
        **who,
    )
    governance.body_create(
        platform=platform,
        kind=Body.Kind.ANNUAL_ASSEMBLY,
        **langs("name", ANNUAL_ASSEMBLY),
        **who,
    )
    loaded = Loaded(platform=platform)
    _working_groups(loaded, forum_groups, who)
    for index, org in enumerate(EU_ORGANISATIONS):
        organisation = _organisation(
            platform=platform,
            key=org.key,
            names={"en": org.en, "ru": org.ru},
            acronym=org.acronym,
            city=org.city,
            phone=org.phone,
            wgs=org.wgs,
            registered=datetime.date(1998 + index, 2 + index, 1),
            who=who,
        )
        _admit(
            loaded,
            organisation,
            org.key,
            org.wgs,
            datetime.date(2011 + index // 2, 11, 30),
            "Steering Committee",
            who,
        )

    offices: dict[tuple[str | int, str], Office] = {}
    for side in ("eap", "eu"):
        offices["co_chair", side] = governance.office_create(
            platform=platform,
            kind=Office.Kind.CO_CHAIR,
            body=committee,
            seats=1,
            **langs("name", co_chair_names(side)),
            **who,
        )
    for number, group in loaded.groups.items():
        for side in ("eap", "eu"):
            offices[number, side] = governance.office_create(
                platform=platform,
                kind=Office.Kind.WG_COORDINATOR,
                working_group=group,
                **langs("name", wg_coordinator_names(number, side)),
                **who,
            )

    starts_on = term_start(FORUM_FIRST_MANDATES, today, FORUM_TERM_YEARS)
    for holder in FORUM_HOLDERS:
        home = loaded if holder.platform == "forum" else national[holder.platform]
        organisation = home.organisations[holder.organisation]
        person = _person(
            {"en": holder.first_en, "ru": holder.first_ru},
            {"en": holder.last_en, "ru": holder.last_ru},
            holder.organisation,
            home.platform,
            who,
        )
        members.representative_assign(
            organisation=organisation, person=person, since=starts_on, **who
        )
        office = offices[holder.office, holder.side]
        if home is loaded:
            governance.mandate_start(
                office=office,
                person=person,
                organisation=organisation,
                starts_on=starts_on,
                decision_reference=f"AA-{starts_on.year} (demo)",
                **who,
            )
        else:
            _forum_mandate(
                office=office,
                person=person,
                organisation=organisation,
                starts_on=starts_on,
                who=who,
            )
    return loaded


# --- the Annual Assembly and its call for delegates ------------------------------------------


def _language(platform: Platform, index: int) -> str:
    """Azerbaijani for Azerbaijan's applicants, English for the EU side's, else English or
    Russian in turn (the site's languages)."""
    if platform.slug == "azerbaijan":
        return "az"
    if platform.is_forum:
        return "en"
    return ("en", "ru")[index % 2]


def _load_assembly(
    forum: Loaded,
    forum_groups: dict[int, ForumWorkingGroup],
    national: dict[str, Loaded],
    who: Who,
) -> DelegateCall:
    """Next year's Assembly, in late November, whose call for delegates is open now."""
    now = timezone.now()
    today = timezone.localdate()
    year = today.year + 1 if today.month >= 9 else today.year
    assembly = AnnualAssembly(
        platform=forum.platform,
        year=year,
        starts_on=datetime.date(year, 11, 24),
        ends_on=datetime.date(year, 11, 26),
        **langs("title", {lang: t.format(year=year) for lang, t in ASSEMBLY["title"].items()}),
        **langs("place", ASSEMBLY["place"]),
        **langs("description", ASSEMBLY["description"]),
    )
    assembly.full_clean()
    assembly.save()
    audit.record(
        "forum.assembly.created",
        target=assembly,
        platform=forum.platform,
        data={"after": audit.snapshot(assembly)},
        **who,
    )
    call = DelegateCall(
        assembly=assembly,
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=21),
        state=DelegateCall.State.OPEN,
    )
    call.full_clean()
    call.save()
    audit.record(
        "forum.delegate_call.created",
        target=call,
        platform=forum.platform,
        data={"after": audit.snapshot(call)},
        **who,
    )
    applicants: list[tuple[Loaded, list[Applicant]]] = [
        (national["azerbaijan"], AZERBAIJAN_APPLICANTS),
        *((national[data["slug"]], data["applicants"]) for data in PLATFORMS),
        (forum, EU_APPLICANTS),
    ]
    for loaded, people in applicants:
        # Organisations from the sixth on: the offices' holders come from the first ones.
        keys = list(loaded.organisations)
        keys = keys[6:] + keys[:6]
        for index, applicant in enumerate(people):
            key = keys[index % len(keys)]
            wgs = loaded.wgs[key]
            number = wgs[index % len(wgs)]
            organisation = loaded.organisations[key]
            application = DelegateApplication(
                call=call,
                platform=loaded.platform,
                organisation=organisation,
                working_group=forum_groups[number],
                motivation=MOTIVATION.format(
                    organisation=organisation.legal_name,
                    theme=THEMES[number]["en"],
                    first=applicant.first,
                    last=applicant.last,
                    number=number,
                ),
                first_name=applicant.first,
                last_name=applicant.last,
                email=(
                    f"{_ascii(applicant.first)}.{_ascii(applicant.last)}@"
                    + organisation.email.partition("@")[2]
                ),
                gender=applicant.gender,
                # The language the applicant is told the outcome in.
                language=_language(loaded.platform, index),
            )
            application.full_clean()
            application.save()
            audit.record(
                "forum.delegate_application.submitted",
                target=application,
                platform=loaded.platform,
                data={
                    "call": call.pk,
                    "organisation": organisation.pk,
                    "working_group": number,
                    "person": application.full_name,
                    "email": application.email,
                    "gender": application.gender,
                    "again": False,
                },
                **who,
            )
    return call
