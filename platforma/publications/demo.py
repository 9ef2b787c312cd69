"""Demo publications: the seed's 2013-2014 research paper and brochures, and the brochures'
distribution to more than 1000 stakeholders, exactly as the seed states them; plus a
fictional, clearly marked (``is_demo``) history for 2013 and 2015.

The seed places the publications in "the period of 2013-2014" in its account of 2014; they are
dated 2014 at the precision of a year. It names six kinds of recipients of the brochures but
no numbers per kind: the categories are recorded with no count.
"""

from __future__ import annotations

import datetime
from typing import Any

from platforma.activities.models import CountPrecision
from platforma.core.models import Platform
from platforma.members.selectors import members_in_good_standing
from platforma.workinggroups.models import WorkingGroup

from . import services
from .models import DatePrecision, Publication, StakeholderCategory

C = StakeholderCategory

WTO: dict[str, Any] = {
    "kind": Publication.Kind.RESEARCH_PAPER,
    "title_en": "Assessing Azerbaijan’s WTO accession process",
    "title_az": "Azərbaycanın ÜTT-yə üzvlük prosesinin qiymətləndirilməsi",
    "title_ru": "Оценка процесса вступления Азербайджана в ВТО",
    "abstract_en": "A research paper assessing Azerbaijan’s WTO accession process, which "
    "examines the current state of negotiations and implications of membership, including the "
    "advantages and disadvantages for the country.",
    "abstract_az": "Azərbaycanın Ümumdünya Ticarət Təşkilatına üzvlük prosesini qiymətləndirən "
    "tədqiqat sənədi: danışıqların hazırkı vəziyyətini və üzvlüyün nəticələrini, o cümlədən "
    "ölkə üçün üstünlük və çatışmazlıqlarını araşdırır.",
    "abstract_ru": "Исследование, оценивающее процесс вступления Азербайджана в ВТО: "
    "рассматривает текущее состояние переговоров и последствия членства, в том числе его "
    "преимущества и недостатки для страны.",
    "published_on": datetime.date(2014, 1, 1),
    "published_precision": DatePrecision.YEAR,
}

BROCHURES: dict[str, Any] = {
    "kind": Publication.Kind.BROCHURE,
    "title_en": "Brochures on the Eastern Partnership and EU-Azerbaijan cooperation",
    "title_az": "Şərq Tərəfdaşlığı və Aİ-Azərbaycan əməkdaşlığı haqqında broşürlər",
    "title_ru": "Брошюры о Восточном партнёрстве и сотрудничестве ЕС–Азербайджан",
    "abstract_en": "Brochures on the Eastern Partnership and EU-Azerbaijan cooperation, "
    "distributed to more than 1000 stakeholders including EU institutions, universities, "
    "libraries, think-tanks, government agencies and international institutions.",
    "abstract_az": "Şərq Tərəfdaşlığı və Aİ-Azərbaycan əməkdaşlığı haqqında broşürlər; Aİ "
    "institutları, universitetlər, kitabxanalar, analitik mərkəzlər, dövlət qurumları və "
    "beynəlxalq təşkilatlar daxil olmaqla 1000-dən çox maraqlı tərəfə paylanıb.",
    "abstract_ru": "Брошюры о Восточном партнёрстве и сотрудничестве ЕС–Азербайджан, "
    "распространённые среди более чем 1000 заинтересованных сторон, в том числе институтов "
    "ЕС, университетов, библиотек, аналитических центров, государственных органов и "
    "международных организаций.",
    "published_on": datetime.date(2014, 1, 1),
    "published_precision": DatePrecision.YEAR,
}

SEED_RECIPIENT_CATEGORIES = [
    C.EU_INSTITUTION,
    C.UNIVERSITY,
    C.LIBRARY,
    C.THINK_TANK,
    C.GOVERNMENT_AGENCY,
    C.INTERNATIONAL_INSTITUTION,
]

HISTORY: list[dict[str, Any]] = [
    {
        "kind": Publication.Kind.POLICY_BRIEF,
        "title_en": "Visa facilitation and readmission: a civil society view",
        "title_az": "Viza rejiminin sadələşdirilməsi və readmissiya: vətəndaş cəmiyyətinin baxışı",
        "title_ru": "Упрощение визового режима и реадмиссия: взгляд гражданского общества",
        "abstract_en": "What the agreements change for travellers, students and CSOs.",
        "abstract_az": "Sazişlərin səyahətçilər, tələbələr və VCT-lər üçün nəyi dəyişdiyi.",
        "abstract_ru": "Что соглашения меняют для путешественников, студентов и ОГО.",
        "published_on": datetime.date(2013, 11, 5),
        "wg": "wg4",
    },
    {
        "kind": Publication.Kind.STATEMENT,
        "title_en": "Statement on the freedom of association",
        "title_az": "Birləşmək azadlığı haqqında bəyanat",
        "title_ru": "Заявление о свободе объединений",
        "abstract_en": "Member organisations call for registration rules that let CSOs work.",
        "abstract_az": "Üzv təşkilatlar VCT-lərin işləməsinə imkan verən qeydiyyat "
        "qaydalarına çağırır.",
        "abstract_ru": "Организации-члены призывают к правилам регистрации, позволяющим ОГО "
        "работать.",
        "published_on": datetime.date(2015, 2, 10),
        "wg": "wg1",
        "signers": 4,
    },
    {
        "kind": Publication.Kind.POSITION_PAPER,
        "title_en": "Position paper on energy efficiency in public buildings",
        "title_az": "İctimai binalarda enerji səmərəliliyi haqqında mövqe sənədi",
        "title_ru": "Позиционный документ об энергоэффективности общественных зданий",
        "abstract_en": "Recommendations to the government for the 2016 budget.",
        "abstract_az": "2016-cı il büdcəsi üçün hökumətə tövsiyələr.",
        "abstract_ru": "Рекомендации правительству к бюджету на 2016 год.",
        "published_on": datetime.date(2015, 10, 1),
        "wg": "wg3",
        "signers": 2,
    },
]


def load(*, platform: Platform, who: dict) -> None:
    """Write the demo publications through the services (called by ``load_demo``)."""
    services.publication_create(platform=platform, is_demo=False, **WTO, **who)
    brochures = services.publication_create(platform=platform, is_demo=False, **BROCHURES, **who)
    services.distribution_record_aggregate(
        publication=brochures,
        year=2014,
        channel="",
        total=1000,
        total_precision=CountPrecision.MORE_THAN,
        breakdown={category.value: None for category in SEED_RECIPIENT_CATEGORIES},
        note="The source names the kinds of recipients but not how many of each.",
        **who,
    )
    groups = {g.slug: g for g in WorkingGroup.objects.filter(platform=platform)}
    for data in HISTORY:
        data = dict(data)
        wg = data.pop("wg", None)
        signers = data.pop("signers", 0)
        publication = services.publication_create(
            platform=platform, is_demo=True, working_group=groups.get(wg), **data, **who
        )
        signed_on = publication.published_on + datetime.timedelta(days=1)
        for membership in (
            members_in_good_standing(platform, signed_on)
            .select_related("organisation")
            .order_by("pk")[:signers]
        ):
            services.publication_sign(
                publication=publication,
                organisation=membership.organisation,
                signed_on=signed_on,
                **who,
            )
    stakeholders = [
        services.stakeholder_create(
            platform=platform, is_demo=True, name=name, category=category, country=country, **who
        )
        for name, category, country in (
            ("Demo EU Delegation", C.EU_INSTITUTION, "Azerbaijan"),
            ("Demo State University", C.UNIVERSITY, "Azerbaijan"),
            ("Demo Policy Institute", C.THINK_TANK, "Georgia"),
        )
    ]
    services.distribution_record(
        publication=publication,
        year=2015,
        sent_on=datetime.date(2015, 10, 5),
        channel="email",
        stakeholders=stakeholders,
        is_demo=True,
        **who,
    )
