"""Demo activities: the seed's two 2014 workshops exactly as it states them, plus a fictional,
clearly marked (``is_demo``) history for 2013 and 2015 and one upcoming workshop.

The seed gives the 2014 events' kind, subject, city, day, number of participating CSOs (27;
"more than 20") and aims; it gives no times, venues or names, so none are recorded: the events
are all-day and the counts are recorded without names.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.utils import timezone

from platforma.core.models import Platform
from platforma.members.selectors import members_in_good_standing
from platforma.workinggroups.models import WorkingGroup

from . import services
from .models import CountPrecision, Event

BAKU = zoneinfo.ZoneInfo("Asia/Baku")


def _day(year: int, month: int, day: int) -> dict:
    return {
        "starts_at": datetime.datetime(year, month, day, 0, 0, tzinfo=BAKU),
        "ends_at": datetime.datetime(year, month, day, 23, 59, tzinfo=BAKU),
        "all_day": True,
    }


def _hours(day: datetime.date, start: int, end: int) -> dict:
    return {
        "starts_at": datetime.datetime.combine(day, datetime.time(start), BAKU),
        "ends_at": datetime.datetime.combine(day, datetime.time(end), BAKU),
    }


BAKU_CITY: dict[str, Any] = {"city_en": "Baku", "city_az": "Bakı", "city_ru": "Баку"}

SEED_2014 = [
    {
        "kind": Event.Kind.WORKSHOP,
        "title_en": "Workshop on communication and outreach for CSOs",
        "title_az": "Vətəndaş cəmiyyəti təşkilatları üçün kommunikasiya və ictimaiyyətlə əlaqələr "
        "üzrə seminar",
        "title_ru": "Семинар по коммуникации и работе с общественностью для организаций "
        "гражданского общества",
        "description_en": "The first of a series of open workshops for civil society "
        "organisations that the National Platform organised in 2013-2014. Representatives "
        "from 27 stakeholder CSOs actively participated in the training.",
        "description_az": "Milli Platformanın 2013-2014-cü illərdə vətəndaş cəmiyyəti "
        "təşkilatları üçün təşkil etdiyi açıq seminarlar silsiləsinin birincisi. Təlimdə 27 "
        "maraqlı vətəndaş cəmiyyəti təşkilatının nümayəndələri fəal iştirak etdi.",
        "description_ru": "Первый из серии открытых семинаров для организаций гражданского "
        "общества, проведённых Национальной платформой в 2013–2014 годах. В тренинге активно "
        "участвовали представители 27 заинтересованных ОГО.",
        "aims_en": "To develop skills for communicating with target groups, finding "
        "communication channels, setting-up activities as well as understanding the function "
        "of public relations and brand-building.",
        "aims_az": "Hədəf qruplarla ünsiyyət, kommunikasiya kanallarının tapılması, "
        "fəaliyyətlərin qurulması bacarıqlarını inkişaf etdirmək, habelə ictimaiyyətlə "
        "əlaqələrin və brend qurmanın funksiyasını anlamaq.",
        "aims_ru": "Развить навыки общения с целевыми группами, поиска каналов коммуникации, "
        "организации мероприятий, а также понимания функций связей с общественностью и "
        "построения бренда.",
        **BAKU_CITY,
        **_day(2014, 4, 26),
        "recorded_count": 27,
        "recorded_count_precision": CountPrecision.EXACT,
        "recorded_count_unit": Event.CountUnit.ORGANISATIONS,
    },
    {
        "kind": Event.Kind.TRAINING,
        "title_en": "Training on advocacy and campaigning in civil society",
        "title_az": "Vətəndaş cəmiyyətində vəkillik və kampaniya aparılması üzrə təlim",
        "title_ru": "Тренинг по адвокации и проведению кампаний в гражданском обществе",
        "description_en": "The second workshop: a training session for advocacy and "
        "campaigning in civil society, gathering the participation of more than 20 civil "
        "society organisations.",
        "description_az": "İkinci seminar: vətəndaş cəmiyyətində vəkillik və kampaniya "
        "aparılması üzrə təlim; 20-dən çox vətəndaş cəmiyyəti təşkilatı iştirak etdi.",
        "description_ru": "Второй семинар: тренинг по адвокации и проведению кампаний в "
        "гражданском обществе, в котором приняли участие более 20 организаций гражданского "
        "общества.",
        "aims_en": "To familiarise participants with policy-making dynamics, appropriate "
        "‘levers of influence’, tactics for lobbying decision-makers, managing media relations "
        "as well as embedding monitoring and evaluation systems for advocacy programmes.",
        "aims_az": "İştirakçıları siyasətin hazırlanması dinamikası, müvafiq «təsir "
        "rıçaqları», qərar qəbul edənlərlə lobbiçilik taktikaları, media ilə əlaqələrin idarə "
        "edilməsi, habelə vəkillik proqramlarında monitorinq və qiymətləndirmə sistemlərinin "
        "qurulması ilə tanış etmək.",
        "aims_ru": "Познакомить участников с динамикой выработки политики, подходящими "
        "«рычагами влияния», тактикой лоббирования лиц, принимающих решения, работой со СМИ, "
        "а также внедрением систем мониторинга и оценки в адвокационные программы.",
        **BAKU_CITY,
        **_day(2014, 5, 24),
        "recorded_count": 20,
        "recorded_count_precision": CountPrecision.MORE_THAN,
        "recorded_count_unit": Event.CountUnit.ORGANISATIONS,
    },
]

# Fictional history (is_demo): plausible events of the kind the platform holds.
HISTORY = [
    {
        "kind": Event.Kind.ROUND_TABLE,
        "title_en": "Round table on EU-Azerbaijan visa facilitation",
        "title_az": "Aİ-Azərbaycan viza rejiminin sadələşdirilməsi üzrə dəyirmi masa",
        "title_ru": "Круглый стол по упрощению визового режима ЕС–Азербайджан",
        "aims_en": "To discuss what the visa facilitation and readmission agreements change "
        "for citizens and how civil society can monitor their implementation.",
        "aims_az": "Viza rejiminin sadələşdirilməsi və readmissiya sazişlərinin vətəndaşlar "
        "üçün nəyi dəyişdiyini və vətəndaş cəmiyyətinin onların icrasını necə izləyə biləcəyini "
        "müzakirə etmək.",
        "aims_ru": "Обсудить, что меняют для граждан соглашения об упрощении визового режима и "
        "реадмиссии и как гражданское общество может следить за их выполнением.",
        **BAKU_CITY,
        **_hours(datetime.date(2013, 10, 15), 10, 13),
        "recorded_count": 14,
        "wg": "wg4",
    },
    {
        "kind": Event.Kind.CONFERENCE,
        "title_en": "Annual conference of the National Platform",
        "title_az": "Milli Platformanın illik konfransı",
        "title_ru": "Ежегодная конференция Национальной платформы",
        "aims_en": "To review the year's work of the working groups and plan the next one.",
        "aims_az": "İşçi qruplarının illik işini nəzərdən keçirmək və növbəti ili planlaşdırmaq.",
        "aims_ru": "Подвести итоги работы рабочих групп за год и спланировать следующий.",
        **BAKU_CITY,
        **_hours(datetime.date(2013, 11, 16), 10, 17),
        "recorded_count": 38,
    },
    {
        "kind": Event.Kind.WORKSHOP,
        "title_en": "Workshop on monitoring public procurement",
        "title_az": "Dövlət satınalmalarının monitorinqi üzrə seminar",
        "title_ru": "Семинар по мониторингу государственных закупок",
        "aims_en": "To train member organisations to read tender notices and contract "
        "registers and to report irregularities.",
        "aims_az": "Üzv təşkilatları tender elanlarını və müqavilə reyestrlərini oxumağa və "
        "pozuntular barədə məlumat verməyə öyrətmək.",
        "aims_ru": "Научить организации-члены читать объявления о тендерах и реестры "
        "контрактов и сообщать о нарушениях.",
        "city_en": "Ganja",
        "city_az": "Gəncə",
        "city_ru": "Гянджа",
        **_hours(datetime.date(2015, 3, 14), 10, 16),
        "capacity": 25,
        "wg": "wg1",
        "attendance": True,
    },
    {
        "kind": Event.Kind.MONITORING_VISIT,
        "title_en": "Monitoring visit to the Sumgait industrial park",
        "title_az": "Sumqayıt sənaye parkına monitorinq səfəri",
        "title_ru": "Мониторинговый визит в Сумгайытский промышленный парк",
        "aims_en": "To observe environmental safeguards at new industrial sites.",
        "aims_az": "Yeni sənaye obyektlərində ekoloji təhlükəsizlik tədbirlərini müşahidə etmək.",
        "aims_ru": "Оценить меры экологической безопасности на новых промышленных площадках.",
        "city_en": "Sumgait",
        "city_az": "Sumqayıt",
        "city_ru": "Сумгайыт",
        **_hours(datetime.date(2015, 9, 22), 9, 15),
        "recorded_count": 6,
        "wg": "wg3",
    },
]

PARTICIPANTS_2015 = [
    ("Leyla Mammadova", True),
    ("Rashad Aliyev", False),
    ("Nigar Huseynova", True),
    ("Elvin Guliyev", True),
    ("Sabina Karimova", False),
]


def load(*, platform: Platform, who: dict) -> None:
    """Write the demo activities through the services (called by ``load_demo``)."""
    groups = {g.slug: g for g in WorkingGroup.objects.filter(platform=platform)}
    for data in SEED_2014:
        services.event_create(platform=platform, is_demo=False, **data, **who)
    members = list(
        members_in_good_standing(platform, datetime.date(2015, 3, 1))
        .select_related("organisation")
        .order_by("pk")[: len(PARTICIPANTS_2015)]
    )
    for data in HISTORY:
        data = dict(data)
        wg = data.pop("wg", None)
        with_attendance = data.pop("attendance", False)
        event = services.event_create(
            platform=platform,
            is_demo=True,
            working_groups=[groups[wg]] if wg in groups else [],
            **data,
            **who,
        )
        if with_attendance:
            for (name, consent), membership in zip(PARTICIPANTS_2015, members, strict=False):
                services.attendance_check_in(
                    event=event,
                    name=name,
                    organisation=membership.organisation,
                    consent_public=consent,
                    at=event.starts_at,
                    **who,
                )
    _upcoming(platform, groups, who)


def _upcoming(platform: Platform, groups: dict, who: dict) -> None:
    """A fictional workshop a month from now, open for registration, to show the form."""
    day = timezone.localdate() + datetime.timedelta(days=30)
    event = services.event_create(
        platform=platform,
        kind=Event.Kind.WORKSHOP,
        title_en="Workshop on monitoring the EU-Azerbaijan partnership priorities",
        title_az="Aİ-Azərbaycan tərəfdaşlıq prioritetlərinin monitorinqi üzrə seminar",
        title_ru="Семинар по мониторингу приоритетов партнёрства ЕС–Азербайджан",
        aims_en="To agree how member organisations will monitor the partnership priorities "
        "and report on them.",
        aims_az="Üzv təşkilatların tərəfdaşlıq prioritetlərini necə izləyəcəyi və onlar "
        "barədə necə hesabat verəcəyi barədə razılaşmaq.",
        aims_ru="Договориться, как организации-члены будут отслеживать приоритеты "
        "партнёрства и отчитываться о них.",
        venue_en="Demo Conference Hall",
        venue_az="Demo Konfrans Zalı",
        venue_ru="Демо-конференц-зал",
        **BAKU_CITY,
        **_hours(day, 10, 16),
        registration_enabled=True,
        capacity=20,
        seats_per_organisation=2,
        languages="az, en",
        is_demo=True,
        working_groups=[groups["wg2"]] if "wg2" in groups else [],
        **who,
    )
    services.registration_create(
        event=event,
        name="Kamran Ismayilov",
        email="kamran.demo@example.org",
        organisation_name="Demo Youth Initiative",
        consent_public=True,
        by_organiser=True,
        notify=False,
        **who,
    )
