"""Demo data for the Azerbaijan National Platform (literal data only, no logic).

Only the seed's facts are real: the platform (founded November 2009, 45 members) and its
Country Facilitator, Avaz Hasanov of the Humanitarian Research Public Union. The other 44
organisations, all people except Avaz Hasanov, and every registration number, date, phone
number and e-mail address are fictional; e-mails use the reserved example.org domain.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class OrganisationData(TypedDict):
    key: str
    legal_name: dict[str, str]  # by language, as are the other dicts
    short_name: dict[str, str]
    acronym: str
    city: dict[str, str]
    registration_number: str
    registration_date: str  # ISO
    fields_of_work: dict[str, str]
    email: str
    phone: str
    wgs: list[int]  # the numbers of the Forum's working groups it is in
    description: dict[str, str]


class PersonData(TypedDict):
    key: str
    first_name: dict[str, str]
    last_name: dict[str, str]
    organisation: str  # an organisation's key
    role: str  # platform_coordinator or wg_coordinator
    email: str
    wg: NotRequired[int]  # a WG coordinator's working group


ORGANISATIONS: list[OrganisationData] = [
    {
        "key": "hrpu",
        "legal_name": {
            "en": "Humanitarian Research Public Union",
            "az": "Humanitar Tədqiqatlar İctimai Birliyi",
            "ru": "Общественное объединение «Гуманитарные исследования»",
        },
        "short_name": {
            "en": "Humanitarian Research",
            "az": "Humanitar Tədqiqatlar",
            "ru": "Гуманитарные исследования",
        },
        "acronym": "HRPU",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1375393393",
        "registration_date": "1999-11-25",
        "fields_of_work": {
            "en": "humanitarian research, civil society",
            "az": "humanitar tədqiqatlar, vətəndaş cəmiyyəti",
            "ru": "гуманитарные исследования, гражданское общество",
        },
        "email": "info@hrpu.example.org",
        "phone": "+994 12 454 38 54",
        "wgs": [1],
        "description": {
            "en": (
                "A public union working in the fields of humanitarian research and civil society."
            ),
            "az": (
                "Humanitar tədqiqatlar və vətəndaş cəmiyyəti sahələrində fəaliyyət göstərən "
                "ictimai birlikdir."
            ),
            "ru": (
                "Общественное объединение, работающее в области гуманитарных исследований и "
                "гражданского общества."
            ),
        },
    },
    {
        "key": "civwatch",
        "legal_name": {
            "en": "Centre for Civic Oversight Public Union",
            "az": "«Vətəndaş Nəzarəti Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр гражданского контроля»",
        },
        "short_name": {
            "en": "Centre for Civic Oversight",
            "az": "Vətəndaş Nəzarəti Mərkəzi",
            "ru": "Центр гражданского контроля",
        },
        "acronym": "CCO",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1964292287",
        "registration_date": "2003-06-29",
        "fields_of_work": {
            "en": "public oversight, transparency, anti-corruption",
            "az": "ictimai nəzarət, şəffaflıq, korrupsiyaya qarşı mübarizə",
            "ru": "общественный контроль, прозрачность, противодействие коррупции",
        },
        "email": "info@civwatch.example.org",
        "phone": "+994 12 496 71 04",
        "wgs": [1],
        "description": {
            "en": (
                "Monitors the transparency of public institutions and publishes reports on "
                "anti-corruption measures."
            ),
            "az": (
                "Dövlət qurumlarının şəffaflığını izləyir və korrupsiyaya qarşı tədbirlər barədə "
                "hesabatlar dərc edir."
            ),
            "ru": (
                "Следит за прозрачностью государственных органов и публикует доклады о мерах по "
                "противодействию коррупции."
            ),
        },
    },
    {
        "key": "lawaid",
        "legal_name": {
            "en": "Legal Aid Bureau Public Union",
            "az": "«Hüquqi Yardım Bürosu» İctimai Birliyi",
            "ru": "Общественное объединение «Бюро правовой помощи»",
        },
        "short_name": {
            "en": "Legal Aid Bureau",
            "az": "Hüquqi Yardım Bürosu",
            "ru": "Бюро правовой помощи",
        },
        "acronym": "LAB",
        "city": {"en": "Ganja", "az": "Gəncə", "ru": "Гянджа"},
        "registration_number": "1700115404",
        "registration_date": "1997-05-27",
        "fields_of_work": {
            "en": "free legal aid, human rights, access to justice",
            "az": "pulsuz hüquqi yardım, insan hüquqları, ədalət mühakiməsinə çıxış",
            "ru": "бесплатная юридическая помощь, права человека, доступ к правосудию",
        },
        "email": "info@lawaid.example.org",
        "phone": "+994 22 250 51 77",
        "wgs": [1, 5],
        "description": {
            "en": (
                "Gives free legal advice to low-income residents of Ganja and the surrounding "
                "districts."
            ),
            "az": (
                "Gəncə və ətraf rayonların aztəminatlı sakinlərinə pulsuz hüquqi məsləhətlər verir."
            ),
            "ru": (
                "Бесплатно консультирует по правовым вопросам малообеспеченных жителей Гянджи и "
                "прилегающих районов."
            ),
        },
    },
    {
        "key": "localgov",
        "legal_name": {
            "en": "Centre for Local Self-Government Studies Public Union",
            "az": "«Yerli Özünüidarəetmə Araşdırmaları Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр исследований местного самоуправления»",
        },
        "short_name": {
            "en": "Centre for Local Self-Government Studies",
            "az": "Yerli Özünüidarəetmə Araşdırmaları Mərkəzi",
            "ru": "Центр исследований местного самоуправления",
        },
        "acronym": "CLSS",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1939568032",
        "registration_date": "1995-12-16",
        "fields_of_work": {
            "en": "municipalities, local self-government, decentralisation",
            "az": "bələdiyyələr, yerli özünüidarəetmə, desentralizasiya",
            "ru": "муниципалитеты, местное самоуправление, децентрализация",
        },
        "email": "info@localgov.example.org",
        "phone": "+994 12 425 73 70",
        "wgs": [1, 2],
        "description": {
            "en": (
                "Studies the work of municipalities and proposes ways to strengthen local "
                "self-government."
            ),
            "az": (
                "Bələdiyyələrin fəaliyyətini araşdırır və yerli özünüidarəetmənin gücləndirilməsi "
                "yollarını təklif edir."
            ),
            "ru": (
                "Изучает работу муниципалитетов и предлагает пути укрепления местного "
                "самоуправления."
            ),
        },
    },
    {
        "key": "mediaeth",
        "legal_name": {
            "en": "Journalistic Ethics Association Public Union",
            "az": "«Jurnalist Etikası Assosiasiyası» İctimai Birliyi",
            "ru": "Общественное объединение «Ассоциация журналистской этики»",
        },
        "short_name": {
            "en": "Journalistic Ethics Association",
            "az": "Jurnalist Etikası Assosiasiyası",
            "ru": "Ассоциация журналистской этики",
        },
        "acronym": "JEA",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1525223855",
        "registration_date": "1995-03-05",
        "fields_of_work": {
            "en": "media freedom, journalistic standards, access to information",
            "az": "media azadlığı, jurnalistika standartları, informasiya əldə etmək hüququ",
            "ru": "свобода СМИ, журналистские стандарты, доступ к информации",
        },
        "email": "info@mediaeth.example.org",
        "phone": "+994 12 435 93 12",
        "wgs": [1, 4],
        "description": {
            "en": (
                "Trains journalists in professional standards and advocates for access to public "
                "information."
            ),
            "az": (
                "Jurnalistlər üçün peşəkar standartlar üzrə təlimlər keçirir və ictimai "
                "informasiyanın əldə edilməsi hüququnu müdafiə edir."
            ),
            "ru": (
                "Обучает журналистов профессиональным стандартам и добивается доступа к "
                "общественно значимой информации."
            ),
        },
    },
    {
        "key": "womenrights",
        "legal_name": {
            "en": "Women's Rights Initiative Public Union",
            "az": "Qadın Hüquqları Təşəbbüsü İctimai Birliyi",
            "ru": "Общественное объединение «Инициатива за права женщин»",
        },
        "short_name": {
            "en": "Women's Rights Initiative",
            "az": "Qadın Hüquqları Təşəbbüsü",
            "ru": "Инициатива за права женщин",
        },
        "acronym": "WRI",
        "city": {"en": "Sumgait", "az": "Sumqayıt", "ru": "Сумгаит"},
        "registration_number": "1539191469",
        "registration_date": "2008-09-06",
        "fields_of_work": {
            "en": "gender equality, women's rights, prevention of domestic violence",
            "az": "gender bərabərliyi, qadın hüquqları, məişət zorakılığının qarşısının alınması",
            "ru": "гендерное равенство, права женщин, профилактика домашнего насилия",
        },
        "email": "info@womenrights.example.org",
        "phone": "+994 18 641 14 84",
        "wgs": [1, 5],
        "description": {
            "en": (
                "Supports women in Sumgait with counselling, legal information and awareness "
                "campaigns on domestic violence."
            ),
            "az": (
                "Sumqayıtda qadınlara məsləhət, hüquqi məlumat və məişət zorakılığına dair "
                "maarifləndirmə kampaniyaları ilə dəstək olur."
            ),
            "ru": (
                "Поддерживает женщин Сумгаита консультациями, правовой информацией и "
                "просветительскими кампаниями против домашнего насилия."
            ),
        },
    },
    {
        "key": "civpart",
        "legal_name": {
            "en": "Civic Participation Institute Public Union",
            "az": "«Vətəndaş İştirakı İnstitutu» İctimai Birliyi",
            "ru": "Общественное объединение «Институт гражданского участия»",
        },
        "short_name": {
            "en": "Civic Participation Institute",
            "az": "Vətəndaş İştirakı İnstitutu",
            "ru": "Институт гражданского участия",
        },
        "acronym": "CPI",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1918137040",
        "registration_date": "1997-09-16",
        "fields_of_work": {
            "en": "public participation, civic education, dialogue with authorities",
            "az": "ictimai iştirak, vətəndaş təhsili, dövlət qurumları ilə dialoq",
            "ru": "общественное участие, гражданское образование, диалог с органами власти",
        },
        "email": "info@civpart.example.org",
        "phone": "+994 12 498 59 30",
        "wgs": [1],
        "description": {
            "en": (
                "Encourages citizens to take part in public decision-making through civic "
                "education and public hearings."
            ),
            "az": (
                "Vətəndaş təhsili və ictimai dinləmələr vasitəsilə vətəndaşların qərarların "
                "qəbulunda iştirakını təşviq edir."
            ),
            "ru": (
                "Содействует участию граждан в принятии решений через гражданское образование и "
                "общественные слушания."
            ),
        },
    },
    {
        "key": "childrights",
        "legal_name": {
            "en": "Child Rights Support Centre Public Union",
            "az": "«Uşaq Hüquqlarına Dəstək Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр поддержки прав ребёнка»",
        },
        "short_name": {
            "en": "Child Rights Support Centre",
            "az": "Uşaq Hüquqlarına Dəstək Mərkəzi",
            "ru": "Центр поддержки прав ребёнка",
        },
        "acronym": "CRSC",
        "city": {"en": "Lankaran", "az": "Lənkəran", "ru": "Ленкорань"},
        "registration_number": "1411021444",
        "registration_date": "2000-10-15",
        "fields_of_work": {
            "en": "children's rights, juvenile justice, child protection",
            "az": (
                "uşaq hüquqları, yetkinlik yaşına çatmayanlara dair ədalət mühakiməsi, uşaqların "
                "müdafiəsi"
            ),
            "ru": "права ребёнка, ювенальная юстиция, защита детей",
        },
        "email": "info@childrights.example.org",
        "phone": "+994 25 251 69 43",
        "wgs": [1],
        "description": {
            "en": (
                "Works with schools and local authorities in the Lankaran region to protect "
                "children's rights."
            ),
            "az": (
                "Lənkəran bölgəsində uşaq hüquqlarının müdafiəsi üçün məktəblər və yerli "
                "qurumlarla birgə işləyir."
            ),
            "ru": (
                "Вместе со школами и местными органами власти Ленкоранского региона защищает права "
                "детей."
            ),
        },
    },
    {
        "key": "judicialref",
        "legal_name": {
            "en": "Judicial Reform Monitoring Centre Public Union",
            "az": "«Məhkəmə İslahatlarının Monitorinqi Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр мониторинга судебной реформы»",
        },
        "short_name": {
            "en": "Judicial Reform Monitoring Centre",
            "az": "Məhkəmə İslahatlarının Monitorinqi Mərkəzi",
            "ru": "Центр мониторинга судебной реформы",
        },
        "acronym": "JRMC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1305257210",
        "registration_date": "2004-03-17",
        "fields_of_work": {
            "en": "judicial reform, fair trial, rule of law",
            "az": "məhkəmə islahatı, ədalətli məhkəmə araşdırması, hüququn aliliyi",
            "ru": "судебная реформа, справедливое судебное разбирательство, верховенство права",
        },
        "email": "info@judicialref.example.org",
        "phone": "+994 12 481 65 22",
        "wgs": [1],
        "description": {
            "en": (
                "Observes court hearings and reports on the independence and efficiency of the "
                "judiciary."
            ),
            "az": (
                "Məhkəmə iclaslarını müşahidə edir və məhkəmə hakimiyyətinin müstəqilliyi və "
                "səmərəliliyi barədə hesabatlar hazırlayır."
            ),
            "ru": (
                "Наблюдает за судебными заседаниями и готовит доклады о независимости и "
                "эффективности судебной системы."
            ),
        },
    },
    {
        "key": "euintegr",
        "legal_name": {
            "en": "European Integration Studies Centre Public Union",
            "az": "«Avropa İnteqrasiyası Araşdırmaları Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр исследований европейской интеграции»",
        },
        "short_name": {
            "en": "European Integration Studies Centre",
            "az": "Avropa İnteqrasiyası Araşdırmaları Mərkəzi",
            "ru": "Центр исследований европейской интеграции",
        },
        "acronym": "EISC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1552922451",
        "registration_date": "2007-09-06",
        "fields_of_work": {
            "en": "EU-Azerbaijan relations, approximation of legislation, policy analysis",
            "az": (
                "Aİ–Azərbaycan münasibətləri, qanunvericiliyin uyğunlaşdırılması, siyasət təhlili"
            ),
            "ru": "отношения ЕС и Азербайджана, сближение законодательства, анализ политики",
        },
        "email": "info@euintegr.example.org",
        "phone": "+994 12 453 05 54",
        "wgs": [2, 1],
        "description": {
            "en": (
                "Analyses EU-Azerbaijan cooperation and the approximation of national legislation "
                "to EU standards."
            ),
            "az": (
                "Aİ–Azərbaycan əməkdaşlığını və milli qanunvericiliyin Aİ standartlarına "
                "uyğunlaşdırılmasını təhlil edir."
            ),
            "ru": (
                "Анализирует сотрудничество ЕС и Азербайджана и сближение национального "
                "законодательства со стандартами ЕС."
            ),
        },
    },
    {
        "key": "tradepol",
        "legal_name": {
            "en": "Trade Policy Research Centre Public Union",
            "az": "«Ticarət Siyasəti Tədqiqatları Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр исследований торговой политики»",
        },
        "short_name": {
            "en": "Trade Policy Research Centre",
            "az": "Ticarət Siyasəti Tədqiqatları Mərkəzi",
            "ru": "Центр исследований торговой политики",
        },
        "acronym": "TPRC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1535258672",
        "registration_date": "2006-01-24",
        "fields_of_work": {
            "en": "trade policy, WTO accession, customs regulation",
            "az": "ticarət siyasəti, ÜTT-yə üzvlük, gömrük tənzimlənməsi",
            "ru": "торговая политика, вступление в ВТО, таможенное регулирование",
        },
        "email": "info@tradepol.example.org",
        "phone": "+994 12 459 82 91",
        "wgs": [2],
        "description": {
            "en": (
                "Researches trade policy and what WTO membership would mean for Azerbaijani "
                "producers."
            ),
            "az": (
                "Ticarət siyasətini və ÜTT-yə üzvlüyün azərbaycanlı istehsalçılar üçün "
                "nəticələrini araşdırır."
            ),
            "ru": (
                "Исследует торговую политику и последствия членства в ВТО для азербайджанских "
                "производителей."
            ),
        },
    },
    {
        "key": "smeassoc",
        "legal_name": {
            "en": "Small and Medium Business Support Association Public Union",
            "az": "«Kiçik və Orta Sahibkarlığa Dəstək Assosiasiyası» İctimai Birliyi",
            "ru": (
                "Общественное объединение «Ассоциация поддержки малого и среднего "
                "предпринимательства»"
            ),
        },
        "short_name": {
            "en": "Small and Medium Business Support Association",
            "az": "Kiçik və Orta Sahibkarlığa Dəstək Assosiasiyası",
            "ru": "Ассоциация поддержки малого и среднего предпринимательства",
        },
        "acronym": "SMBA",
        "city": {"en": "Ganja", "az": "Gəncə", "ru": "Гянджа"},
        "registration_number": "1400483254",
        "registration_date": "2005-05-27",
        "fields_of_work": {
            "en": "small business, entrepreneurship, business environment",
            "az": "kiçik biznes, sahibkarlıq, biznes mühiti",
            "ru": "малый бизнес, предпринимательство, деловая среда",
        },
        "email": "info@smeassoc.example.org",
        "phone": "+994 22 259 44 90",
        "wgs": [2],
        "description": {
            "en": (
                "Trains and advises small entrepreneurs in Ganja and argues for a better business "
                "environment."
            ),
            "az": (
                "Gəncədə kiçik sahibkarlara təlim və məsləhət xidmətləri göstərir, biznes "
                "mühitinin yaxşılaşdırılmasını təbliğ edir."
            ),
            "ru": (
                "Обучает и консультирует мелких предпринимателей Гянджи и выступает за улучшение "
                "деловой среды."
            ),
        },
    },
    {
        "key": "fairmarket",
        "legal_name": {
            "en": "Fair Market Public Union",
            "az": "«Ədalətli Bazar» İctimai Birliyi",
            "ru": "Общественное объединение «Справедливый рынок»",
        },
        "short_name": {
            "en": "Fair Market",
            "az": "Ədalətli Bazar",
            "ru": "Справедливый рынок",
        },
        "acronym": "",
        "city": {"en": "Sumgait", "az": "Sumqayıt", "ru": "Сумгаит"},
        "registration_number": "1549959093",
        "registration_date": "1998-10-23",
        "fields_of_work": {
            "en": "consumer rights, product safety, fair competition",
            "az": "istehlakçı hüquqları, məhsul təhlükəsizliyi, ədalətli rəqabət",
            "ru": "права потребителей, безопасность продукции, добросовестная конкуренция",
        },
        "email": "info@fairmarket.example.org",
        "phone": "+994 18 641 64 91",
        "wgs": [2],
        "description": {
            "en": (
                "Informs consumers about their rights and monitors product safety and fair "
                "competition in local markets."
            ),
            "az": (
                "İstehlakçıları hüquqları barədə məlumatlandırır, yerli bazarlarda məhsul "
                "təhlükəsizliyini və ədalətli rəqabəti izləyir."
            ),
            "ru": (
                "Информирует потребителей об их правах и следит за безопасностью продукции и "
                "добросовестной конкуренцией на местных рынках."
            ),
        },
    },
    {
        "key": "agrodev",
        "legal_name": {
            "en": "Rural Development and Agribusiness Association Public Union",
            "az": "«Kənd İnkişafı və Aqrobiznes Assosiasiyası» İctimai Birliyi",
            "ru": "Общественное объединение «Ассоциация развития села и агробизнеса»",
        },
        "short_name": {
            "en": "Rural Development and Agribusiness Association",
            "az": "Kənd İnkişafı və Aqrobiznes Assosiasiyası",
            "ru": "Ассоциация развития села и агробизнеса",
        },
        "acronym": "RDAA",
        "city": {"en": "Sheki", "az": "Şəki", "ru": "Шеки"},
        "registration_number": "1937865272",
        "registration_date": "1995-10-08",
        "fields_of_work": {
            "en": "agriculture, rural development, farmers' cooperatives",
            "az": "kənd təsərrüfatı, kəndlərin inkişafı, fermer kooperativləri",
            "ru": "сельское хозяйство, развитие села, фермерские кооперативы",
        },
        "email": "info@agrodev.example.org",
        "phone": "+994 24 245 90 34",
        "wgs": [2, 3],
        "description": {
            "en": (
                "Helps farmers in the Sheki region set up cooperatives and meet food safety "
                "standards."
            ),
            "az": (
                "Şəki bölgəsində fermerlərə kooperativlər yaratmaqda və qida təhlükəsizliyi "
                "standartlarına əməl etməkdə kömək edir."
            ),
            "ru": (
                "Помогает фермерам Шекинского региона создавать кооперативы и соблюдать стандарты "
                "безопасности пищевой продукции."
            ),
        },
    },
    {
        "key": "pubfin",
        "legal_name": {
            "en": "Public Finance Monitoring Centre Public Union",
            "az": "«Dövlət Maliyyəsinin Monitorinqi Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр мониторинга государственных финансов»",
        },
        "short_name": {
            "en": "Public Finance Monitoring Centre",
            "az": "Dövlət Maliyyəsinin Monitorinqi Mərkəzi",
            "ru": "Центр мониторинга государственных финансов",
        },
        "acronym": "PFMC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1462329094",
        "registration_date": "1995-08-28",
        "fields_of_work": {
            "en": "public finance, budget transparency, oil revenues",
            "az": "dövlət maliyyəsi, büdcə şəffaflığı, neft gəlirləri",
            "ru": "государственные финансы, прозрачность бюджета, нефтяные доходы",
        },
        "email": "info@pubfin.example.org",
        "phone": "+994 12 471 26 94",
        "wgs": [2, 1],
        "description": {
            "en": (
                "Analyses the state budget and publishes plain-language guides to public spending."
            ),
            "az": (
                "Dövlət büdcəsini təhlil edir və dövlət xərcləri barədə sadə dildə yazılmış "
                "icmallar dərc edir."
            ),
            "ru": (
                "Анализирует государственный бюджет и публикует понятные широкой публике обзоры "
                "государственных расходов."
            ),
        },
    },
    {
        "key": "econedu",
        "legal_name": {
            "en": "Economic Literacy Foundation",
            "az": "İqtisadi Savadlılıq Fondu",
            "ru": "Фонд экономической грамотности",
        },
        "short_name": {
            "en": "Economic Literacy Foundation",
            "az": "İqtisadi Savadlılıq Fondu",
            "ru": "Фонд экономической грамотности",
        },
        "acronym": "ELF",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1777175985",
        "registration_date": "1996-03-05",
        "fields_of_work": {
            "en": "economic education, financial literacy",
            "az": "iqtisadi təhsil, maliyyə savadlılığı",
            "ru": "экономическое образование, финансовая грамотность",
        },
        "email": "info@econedu.example.org",
        "phone": "+994 12 492 54 38",
        "wgs": [2],
        "description": {
            "en": "Runs financial literacy courses for students and young entrepreneurs.",
            "az": "Tələbələr və gənc sahibkarlar üçün maliyyə savadlılığı kursları təşkil edir.",
            "ru": (
                "Организует курсы финансовой грамотности для студентов и молодых предпринимателей."
            ),
        },
    },
    {
        "key": "regdev",
        "legal_name": {
            "en": "Regional Economic Development Centre Public Union",
            "az": "«Regional İqtisadi İnkişaf Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр регионального экономического развития»",
        },
        "short_name": {
            "en": "Regional Economic Development Centre",
            "az": "Regional İqtisadi İnkişaf Mərkəzi",
            "ru": "Центр регионального экономического развития",
        },
        "acronym": "REDC",
        "city": {"en": "Shirvan", "az": "Şirvan", "ru": "Ширван"},
        "registration_number": "1483032519",
        "registration_date": "2001-09-20",
        "fields_of_work": {
            "en": "regional development, employment, local economy",
            "az": "regional inkişaf, məşğulluq, yerli iqtisadiyyat",
            "ru": "региональное развитие, занятость, местная экономика",
        },
        "email": "info@regdev.example.org",
        "phone": "+994 21 219 61 41",
        "wgs": [2, 5],
        "description": {
            "en": (
                "Supports local economic initiatives and job creation in Shirvan and neighbouring "
                "districts."
            ),
            "az": (
                "Şirvanda və qonşu rayonlarda yerli iqtisadi təşəbbüsləri və yeni iş yerlərinin "
                "yaradılmasını dəstəkləyir."
            ),
            "ru": (
                "Поддерживает местные экономические инициативы и создание рабочих мест в Ширване и "
                "соседних районах."
            ),
        },
    },
    {
        "key": "qualstand",
        "legal_name": {
            "en": "Quality and Standards Association Public Union",
            "az": "«Keyfiyyət və Standartlar Assosiasiyası» İctimai Birliyi",
            "ru": "Общественное объединение «Ассоциация „Качество и стандарты“»",
        },
        "short_name": {
            "en": "Quality and Standards Association",
            "az": "Keyfiyyət və Standartlar Assosiasiyası",
            "ru": "Ассоциация «Качество и стандарты»",
        },
        "acronym": "QSA",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1506547153",
        "registration_date": "2008-11-01",
        "fields_of_work": {
            "en": "technical regulation, standardisation, food safety",
            "az": "texniki tənzimləmə, standartlaşdırma, qida təhlükəsizliyi",
            "ru": "техническое регулирование, стандартизация, безопасность пищевой продукции",
        },
        "email": "info@qualstand.example.org",
        "phone": "+994 12 448 86 81",
        "wgs": [2],
        "description": {
            "en": "Encourages Azerbaijani exporters to adopt European quality standards.",
            "az": (
                "Azərbaycanlı ixracatçılar arasında Avropa keyfiyyət standartlarının tətbiqini "
                "təşviq edir."
            ),
            "ru": (
                "Содействует внедрению европейских стандартов качества среди азербайджанских "
                "экспортёров."
            ),
        },
    },
    {
        "key": "ecoinit",
        "legal_name": {
            "en": "Ecological Initiatives Public Union",
            "az": "Ekoloji Təşəbbüslər İctimai Birliyi",
            "ru": "Общественное объединение «Экологические инициативы»",
        },
        "short_name": {
            "en": "Ecological Initiatives",
            "az": "Ekoloji Təşəbbüslər",
            "ru": "Экологические инициативы",
        },
        "acronym": "EIPU",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1536095523",
        "registration_date": "1999-12-07",
        "fields_of_work": {
            "en": "environmental protection, environmental education, waste management",
            "az": "ətraf mühitin mühafizəsi, ekoloji maarifləndirmə, tullantıların idarə edilməsi",
            "ru": "охрана окружающей среды, экологическое просвещение, обращение с отходами",
        },
        "email": "info@ecoinit.example.org",
        "phone": "+994 12 495 84 92",
        "wgs": [3],
        "description": {
            "en": (
                "Organises environmental education campaigns and clean-up days in Baku and on the "
                "Absheron peninsula."
            ),
            "az": (
                "Bakıda və Abşeron yarımadasında ekoloji maarifləndirmə kampaniyaları və təmizlik "
                "aksiyaları təşkil edir."
            ),
            "ru": (
                "Организует кампании экологического просвещения и субботники в Баку и на "
                "Апшеронском полуострове."
            ),
        },
    },
    {
        "key": "caspian",
        "legal_name": {
            "en": "Caspian Shores Public Union",
            "az": "«Xəzər Sahilləri» İctimai Birliyi",
            "ru": "Общественное объединение «Берега Каспия»",
        },
        "short_name": {
            "en": "Caspian Shores",
            "az": "Xəzər Sahilləri",
            "ru": "Берега Каспия",
        },
        "acronym": "",
        "city": {"en": "Sumgait", "az": "Sumqayıt", "ru": "Сумгаит"},
        "registration_number": "1974052107",
        "registration_date": "2002-07-09",
        "fields_of_work": {
            "en": "coastal protection, marine pollution, biodiversity",
            "az": "sahil zonasının mühafizəsi, dənizin çirklənməsi, biomüxtəliflik",
            "ru": "охрана побережья, загрязнение моря, биоразнообразие",
        },
        "email": "info@caspian.example.org",
        "phone": "+994 18 649 53 16",
        "wgs": [3],
        "description": {
            "en": (
                "Monitors pollution along the Caspian coast and involves local residents in "
                "protecting coastal ecosystems."
            ),
            "az": (
                "Xəzər sahili boyunca çirklənməni izləyir və yerli sakinləri sahil "
                "ekosistemlərinin qorunmasına cəlb edir."
            ),
            "ru": (
                "Отслеживает загрязнение каспийского побережья и вовлекает местных жителей в "
                "защиту прибрежных экосистем."
            ),
        },
    },
    {
        "key": "energyeff",
        "legal_name": {
            "en": "Energy Efficiency Centre Public Union",
            "az": "«Enerji Səmərəliliyi Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр энергоэффективности»",
        },
        "short_name": {
            "en": "Energy Efficiency Centre",
            "az": "Enerji Səmərəliliyi Mərkəzi",
            "ru": "Центр энергоэффективности",
        },
        "acronym": "ENEF",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1369295130",
        "registration_date": "1997-09-02",
        "fields_of_work": {
            "en": "energy efficiency, renewable energy, energy policy",
            "az": "enerji səmərəliliyi, bərpa olunan enerji, enerji siyasəti",
            "ru": "энергоэффективность, возобновляемая энергетика, энергетическая политика",
        },
        "email": "info@energyeff.example.org",
        "phone": "+994 12 443 86 33",
        "wgs": [3, 2],
        "description": {
            "en": (
                "Promotes energy efficiency in buildings and the use of renewable energy sources."
            ),
            "az": (
                "Binalarda enerji səmərəliliyini və bərpa olunan enerji mənbələrindən istifadəni "
                "təşviq edir."
            ),
            "ru": (
                "Продвигает энергоэффективность зданий и использование возобновляемых источников "
                "энергии."
            ),
        },
    },
    {
        "key": "mountforest",
        "legal_name": {
            "en": "Mountain Forests Public Union",
            "az": "«Dağ Meşələri» İctimai Birliyi",
            "ru": "Общественное объединение «Горные леса»",
        },
        "short_name": {
            "en": "Mountain Forests",
            "az": "Dağ Meşələri",
            "ru": "Горные леса",
        },
        "acronym": "",
        "city": {"en": "Guba", "az": "Quba", "ru": "Губа"},
        "registration_number": "1402579836",
        "registration_date": "2007-05-20",
        "fields_of_work": {
            "en": "forest protection, ecotourism, mountain communities",
            "az": "meşələrin mühafizəsi, ekoturizm, dağ kəndləri",
            "ru": "охрана лесов, экотуризм, горные сёла",
        },
        "email": "info@mountforest.example.org",
        "phone": "+994 23 339 54 03",
        "wgs": [3, 4],
        "description": {
            "en": (
                "Protects the forests of the Guba region and develops ecotourism together with "
                "mountain villages."
            ),
            "az": (
                "Quba bölgəsinin meşələrini qoruyur və dağ kəndləri ilə birlikdə ekoturizmi "
                "inkişaf etdirir."
            ),
            "ru": "Защищает леса Губинского региона и развивает экотуризм вместе с горными сёлами.",
        },
    },
    {
        "key": "waterres",
        "legal_name": {
            "en": "Water Resources Protection Society Public Union",
            "az": "«Su Ehtiyatlarının Mühafizəsi Cəmiyyəti» İctimai Birliyi",
            "ru": "Общественное объединение «Общество охраны водных ресурсов»",
        },
        "short_name": {
            "en": "Water Resources Protection Society",
            "az": "Su Ehtiyatlarının Mühafizəsi Cəmiyyəti",
            "ru": "Общество охраны водных ресурсов",
        },
        "acronym": "WRPS",
        "city": {"en": "Mingachevir", "az": "Mingəçevir", "ru": "Мингечевир"},
        "registration_number": "1951087936",
        "registration_date": "2003-11-22",
        "fields_of_work": {
            "en": "water resources, river protection, drinking water",
            "az": "su ehtiyatları, çayların mühafizəsi, içməli su",
            "ru": "водные ресурсы, охрана рек, питьевая вода",
        },
        "email": "info@waterres.example.org",
        "phone": "+994 24 272 95 64",
        "wgs": [3],
        "description": {
            "en": (
                "Monitors water quality in the Kura river and the Mingachevir reservoir and raises "
                "awareness of water protection."
            ),
            "az": (
                "Kür çayında və Mingəçevir su anbarında suyun keyfiyyətini izləyir, suyun "
                "mühafizəsi ilə bağlı maarifləndirmə aparır."
            ),
            "ru": (
                "Следит за качеством воды в Куре и Мингечевирском водохранилище и просвещает "
                "население по вопросам охраны вод."
            ),
        },
    },
    {
        "key": "climateyouth",
        "legal_name": {
            "en": "Climate and Youth Public Union",
            "az": "«İqlim və Gənclər» İctimai Birliyi",
            "ru": "Общественное объединение «Климат и молодёжь»",
        },
        "short_name": {
            "en": "Climate and Youth",
            "az": "İqlim və Gənclər",
            "ru": "Климат и молодёжь",
        },
        "acronym": "",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1928503794",
        "registration_date": "2008-06-02",
        "fields_of_work": {
            "en": "climate change, youth engagement, sustainable lifestyles",
            "az": "iqlim dəyişikliyi, gənclərin cəlb edilməsi, davamlı həyat tərzi",
            "ru": "изменение климата, вовлечение молодёжи, устойчивый образ жизни",
        },
        "email": "info@climateyouth.example.org",
        "phone": "+994 12 498 59 79",
        "wgs": [3, 4],
        "description": {
            "en": (
                "Involves young people in climate action through school projects, volunteering and "
                "public debates."
            ),
            "az": (
                "Məktəb layihələri, könüllülük və ictimai müzakirələr vasitəsilə gəncləri iqlim "
                "fəaliyyətinə cəlb edir."
            ),
            "ru": (
                "Вовлекает молодёжь в защиту климата через школьные проекты, волонтёрство и "
                "публичные дебаты."
            ),
        },
    },
    {
        "key": "biodiv",
        "legal_name": {
            "en": "Biodiversity Research Centre Public Union",
            "az": "«Biomüxtəlifliyin Tədqiqi Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр изучения биоразнообразия»",
        },
        "short_name": {
            "en": "Biodiversity Research Centre",
            "az": "Biomüxtəlifliyin Tədqiqi Mərkəzi",
            "ru": "Центр изучения биоразнообразия",
        },
        "acronym": "BRC",
        "city": {"en": "Nakhchivan", "az": "Naxçıvan", "ru": "Нахчыван"},
        "registration_number": "1587652911",
        "registration_date": "1996-09-08",
        "fields_of_work": {
            "en": "biodiversity, protected areas, environmental research",
            "az": "biomüxtəliflik, xüsusi mühafizə olunan təbiət əraziləri, ekoloji tədqiqatlar",
            "ru": (
                "биоразнообразие, особо охраняемые природные территории, экологические исследования"
            ),
        },
        "email": "info@biodiv.example.org",
        "phone": "+994 36 543 07 77",
        "wgs": [3],
        "description": {
            "en": (
                "Studies the flora and fauna of Nakhchivan and supports the management of its "
                "protected areas."
            ),
            "az": (
                "Naxçıvanın flora və faunasını öyrənir, xüsusi mühafizə olunan təbiət ərazilərinin "
                "idarə edilməsinə dəstək verir."
            ),
            "ru": (
                "Изучает флору и фауну Нахчывана и содействует управлению его особо охраняемыми "
                "природными территориями."
            ),
        },
    },
    {
        "key": "solarwind",
        "legal_name": {
            "en": "Sun and Wind Public Union",
            "az": "«Günəş və Külək» İctimai Birliyi",
            "ru": "Общественное объединение «Солнце и ветер»",
        },
        "short_name": {
            "en": "Sun and Wind",
            "az": "Günəş və Külək",
            "ru": "Солнце и ветер",
        },
        "acronym": "",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1409253710",
        "registration_date": "1999-03-04",
        "fields_of_work": {
            "en": "renewable energy, energy security, community energy projects",
            "az": "bərpa olunan enerji, enerji təhlükəsizliyi, icma enerji layihələri",
            "ru": (
                "возобновляемая энергетика, энергетическая безопасность, местные энергетические "
                "проекты"
            ),
        },
        "email": "info@solarwind.example.org",
        "phone": "+994 12 486 52 82",
        "wgs": [3],
        "description": {
            "en": (
                "Advocates solar and wind power and helps rural communities install small "
                "renewable energy systems."
            ),
            "az": (
                "Günəş və külək enerjisini təbliğ edir, kənd icmalarına kiçik bərpa olunan enerji "
                "qurğularının quraşdırılmasında kömək edir."
            ),
            "ru": (
                "Выступает за развитие солнечной и ветровой энергетики и помогает сельским общинам "
                "устанавливать небольшие энергоустановки на возобновляемых источниках."
            ),
        },
    },
    {
        "key": "urbanenv",
        "legal_name": {
            "en": "Urban Environment Centre Public Union",
            "az": "«Şəhər Mühiti Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр городской среды»",
        },
        "short_name": {
            "en": "Urban Environment Centre",
            "az": "Şəhər Mühiti Mərkəzi",
            "ru": "Центр городской среды",
        },
        "acronym": "UEC",
        "city": {"en": "Ganja", "az": "Gəncə", "ru": "Гянджа"},
        "registration_number": "1351476728",
        "registration_date": "2006-08-24",
        "fields_of_work": {
            "en": "urban green spaces, air quality, public health",
            "az": "şəhər yaşıllıqları, havanın keyfiyyəti, ictimai sağlamlıq",
            "ru": "городское озеленение, качество воздуха, общественное здоровье",
        },
        "email": "info@urbanenv.example.org",
        "phone": "+994 22 258 30 44",
        "wgs": [3],
        "description": {
            "en": "Monitors air quality and defends the green spaces of Ganja.",
            "az": (
                "Gəncədə havanın keyfiyyətini izləyir və şəhərin yaşıllıq zonalarını müdafiə edir."
            ),
            "ru": "Следит за качеством воздуха и защищает зелёные зоны Гянджи.",
        },
    },
    {
        "key": "youthbridge",
        "legal_name": {
            "en": "Youth Bridges Public Union",
            "az": "«Gənclik Körpüləri» İctimai Birliyi",
            "ru": "Общественное объединение «Молодёжные мосты»",
        },
        "short_name": {
            "en": "Youth Bridges",
            "az": "Gənclik Körpüləri",
            "ru": "Молодёжные мосты",
        },
        "acronym": "",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1449664174",
        "registration_date": "2008-03-31",
        "fields_of_work": {
            "en": "youth exchanges, intercultural dialogue, volunteering",
            "az": "gənclər mübadiləsi, mədəniyyətlərarası dialoq, könüllülük",
            "ru": "молодёжные обмены, межкультурный диалог, волонтёрство",
        },
        "email": "info@youthbridge.example.org",
        "phone": "+994 12 401 90 99",
        "wgs": [4],
        "description": {
            "en": (
                "Organises youth exchanges and volunteering projects with partners in EU and "
                "Eastern Partnership countries."
            ),
            "az": (
                "Aİ və Şərq Tərəfdaşlığı ölkələrindəki tərəfdaşlarla gənclər mübadiləsi və "
                "könüllülük layihələri təşkil edir."
            ),
            "ru": (
                "Организует молодёжные обмены и волонтёрские проекты с партнёрами из стран ЕС и "
                "Восточного партнёрства."
            ),
        },
    },
    {
        "key": "edupolicy",
        "legal_name": {
            "en": "Education Policy Centre Public Union",
            "az": "«Təhsil Siyasəti Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр образовательной политики»",
        },
        "short_name": {
            "en": "Education Policy Centre",
            "az": "Təhsil Siyasəti Mərkəzi",
            "ru": "Центр образовательной политики",
        },
        "acronym": "CEP",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1592273985",
        "registration_date": "1999-04-29",
        "fields_of_work": {
            "en": "education policy, Bologna process, teacher training",
            "az": "təhsil siyasəti, Boloniya prosesi, müəllim hazırlığı",
            "ru": "образовательная политика, Болонский процесс, подготовка учителей",
        },
        "email": "info@edupolicy.example.org",
        "phone": "+994 12 404 71 80",
        "wgs": [4, 5],
        "description": {
            "en": (
                "Analyses education policy and supports universities in implementing the Bologna "
                "process."
            ),
            "az": (
                "Təhsil siyasətini təhlil edir və universitetlərə Boloniya prosesinin tətbiqində "
                "dəstək göstərir."
            ),
            "ru": (
                "Анализирует образовательную политику и помогает университетам внедрять Болонский "
                "процесс."
            ),
        },
    },
    {
        "key": "heritage",
        "legal_name": {
            "en": "Friends of Cultural Heritage Association Public Union",
            "az": "«Mədəni İrsin Dostları Assosiasiyası» İctimai Birliyi",
            "ru": "Общественное объединение «Ассоциация друзей культурного наследия»",
        },
        "short_name": {
            "en": "Friends of Cultural Heritage",
            "az": "Mədəni İrsin Dostları",
            "ru": "Друзья культурного наследия",
        },
        "acronym": "",
        "city": {"en": "Sheki", "az": "Şəki", "ru": "Шеки"},
        "registration_number": "1951819374",
        "registration_date": "2003-10-15",
        "fields_of_work": {
            "en": "cultural heritage, traditional crafts, cultural tourism",
            "az": "mədəni irs, ənənəvi sənətkarlıq, mədəni turizm",
            "ru": "культурное наследие, традиционные ремёсла, культурный туризм",
        },
        "email": "info@heritage.example.org",
        "phone": "+994 24 248 58 69",
        "wgs": [4],
        "description": {
            "en": (
                "Documents the traditional crafts of Sheki and promotes cultural tourism in the "
                "town."
            ),
            "az": (
                "Şəkinin ənənəvi sənətkarlığını sənədləşdirir və şəhərdə mədəni turizmi təbliğ "
                "edir."
            ),
            "ru": "Документирует традиционные ремёсла Шеки и развивает культурный туризм в городе.",
        },
    },
    {
        "key": "studmob",
        "legal_name": {
            "en": "Student Mobility Centre Public Union",
            "az": "«Tələbə Mobilliyi Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр студенческой мобильности»",
        },
        "short_name": {
            "en": "Student Mobility Centre",
            "az": "Tələbə Mobilliyi Mərkəzi",
            "ru": "Центр студенческой мобильности",
        },
        "acronym": "SMC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1702067890",
        "registration_date": "2008-11-25",
        "fields_of_work": {
            "en": "student mobility, study abroad, visa facilitation",
            "az": "tələbə mobilliyi, xaricdə təhsil, viza rejiminin sadələşdirilməsi",
            "ru": "студенческая мобильность, обучение за рубежом, упрощение визового режима",
        },
        "email": "info@studmob.example.org",
        "phone": "+994 12 455 66 99",
        "wgs": [4],
        "description": {
            "en": (
                "Advises students on study and exchange programmes in Europe and follows visa "
                "facilitation."
            ),
            "az": (
                "Tələbələrə Avropadakı təhsil və mübadilə proqramları barədə məsləhət verir, viza "
                "rejiminin sadələşdirilməsini izləyir."
            ),
            "ru": (
                "Консультирует студентов по программам обучения и обмена в Европе и следит за "
                "упрощением визового режима."
            ),
        },
    },
    {
        "key": "ganjayouth",
        "legal_name": {
            "en": "Ganja Youth Initiatives Centre Public Union",
            "az": "«Gəncə Gənclər Təşəbbüsləri Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Гянджинский центр молодёжных инициатив»",
        },
        "short_name": {
            "en": "Ganja Youth Initiatives Centre",
            "az": "Gəncə Gənclər Təşəbbüsləri Mərkəzi",
            "ru": "Гянджинский центр молодёжных инициатив",
        },
        "acronym": "GYIC",
        "city": {"en": "Ganja", "az": "Gəncə", "ru": "Гянджа"},
        "registration_number": "1713164439",
        "registration_date": "1998-11-30",
        "fields_of_work": {
            "en": "youth participation, leadership, non-formal education",
            "az": "gənclərin iştirakı, liderlik, qeyri-formal təhsil",
            "ru": "участие молодёжи, лидерство, неформальное образование",
        },
        "email": "info@ganjayouth.example.org",
        "phone": "+994 22 252 45 57",
        "wgs": [4],
        "description": {
            "en": (
                "Runs leadership schools and non-formal education programmes for young people in "
                "Ganja."
            ),
            "az": (
                "Gəncədə gənclər üçün liderlik məktəbləri və qeyri-formal təhsil proqramları "
                "həyata keçirir."
            ),
            "ru": (
                "Проводит школы лидерства и программы неформального образования для молодёжи "
                "Гянджи."
            ),
        },
    },
    {
        "key": "libread",
        "legal_name": {
            "en": "Library and Reading Association Public Union",
            "az": "«Kitabxanaların və Mütaliənin İnkişafı Assosiasiyası» İctimai Birliyi",
            "ru": "Общественное объединение «Ассоциация развития библиотек и чтения»",
        },
        "short_name": {
            "en": "Library and Reading Association",
            "az": "Kitabxanaların və Mütaliənin İnkişafı Assosiasiyası",
            "ru": "Ассоциация развития библиотек и чтения",
        },
        "acronym": "",
        "city": {"en": "Mingachevir", "az": "Mingəçevir", "ru": "Мингечевир"},
        "registration_number": "1700113247",
        "registration_date": "2007-01-15",
        "fields_of_work": {
            "en": "libraries, reading promotion, access to knowledge",
            "az": "kitabxanalar, mütaliənin təbliği, biliyə çıxış",
            "ru": "библиотеки, продвижение чтения, доступ к знаниям",
        },
        "email": "info@libread.example.org",
        "phone": "+994 24 276 80 62",
        "wgs": [4],
        "description": {
            "en": (
                "Supports public libraries and organises reading programmes for children and "
                "adults."
            ),
            "az": (
                "İctimai kitabxanaları dəstəkləyir, uşaqlar və böyüklər üçün mütaliə proqramları "
                "təşkil edir."
            ),
            "ru": (
                "Поддерживает публичные библиотеки и организует программы чтения для детей и "
                "взрослых."
            ),
        },
    },
    {
        "key": "intercult",
        "legal_name": {
            "en": "Intercultural Dialogue Foundation",
            "az": "Mədəniyyətlərarası Dialoq Fondu",
            "ru": "Фонд межкультурного диалога",
        },
        "short_name": {
            "en": "Intercultural Dialogue Foundation",
            "az": "Mədəniyyətlərarası Dialoq Fondu",
            "ru": "Фонд межкультурного диалога",
        },
        "acronym": "",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1431066638",
        "registration_date": "2004-09-06",
        "fields_of_work": {
            "en": "intercultural dialogue, tolerance, cultural exchange",
            "az": "mədəniyyətlərarası dialoq, tolerantlıq, mədəni mübadilə",
            "ru": "межкультурный диалог, толерантность, культурный обмен",
        },
        "email": "info@intercult.example.org",
        "phone": "+994 12 435 81 64",
        "wgs": [4, 1],
        "description": {
            "en": (
                "Brings together artists, teachers and young people from different communities in "
                "joint cultural projects."
            ),
            "az": (
                "Müxtəlif icmalardan olan sənət adamlarını, müəllimləri və gəncləri birgə mədəni "
                "layihələrdə bir araya gətirir."
            ),
            "ru": (
                "Объединяет деятелей искусства, учителей и молодёжь из разных общин в совместных "
                "культурных проектах."
            ),
        },
    },
    {
        "key": "volunteers",
        "legal_name": {
            "en": "Volunteer Network Public Union",
            "az": "«Könüllülər Şəbəkəsi» İctimai Birliyi",
            "ru": "Общественное объединение «Сеть волонтёров»",
        },
        "short_name": {
            "en": "Volunteer Network",
            "az": "Könüllülər Şəbəkəsi",
            "ru": "Сеть волонтёров",
        },
        "acronym": "",
        "city": {"en": "Lankaran", "az": "Lənkəran", "ru": "Ленкорань"},
        "registration_number": "1730729636",
        "registration_date": "2005-09-13",
        "fields_of_work": {
            "en": "volunteering, community service, civic engagement",
            "az": "könüllülük, icmaya xidmət, vətəndaş fəallığı",
            "ru": "волонтёрство, помощь местным общинам, гражданская активность",
        },
        "email": "info@volunteers.example.org",
        "phone": "+994 25 255 78 36",
        "wgs": [4],
        "description": {
            "en": (
                "Connects volunteers with community projects in Lankaran and the southern "
                "districts."
            ),
            "az": (
                "Könüllüləri Lənkəranda və cənub rayonlarında həyata keçirilən icma layihələri ilə "
                "əlaqələndirir."
            ),
            "ru": "Связывает волонтёров с общественными проектами в Ленкорани и южных районах.",
        },
    },
    {
        "key": "medialit",
        "legal_name": {
            "en": "Media Literacy School Public Union",
            "az": "«Media Savadlılığı Məktəbi» İctimai Birliyi",
            "ru": "Общественное объединение «Школа медиаграмотности»",
        },
        "short_name": {
            "en": "Media Literacy School",
            "az": "Media Savadlılığı Məktəbi",
            "ru": "Школа медиаграмотности",
        },
        "acronym": "",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1310423538",
        "registration_date": "1999-05-03",
        "fields_of_work": {
            "en": "media literacy, digital skills, critical thinking",
            "az": "media savadlılığı, rəqəmsal bacarıqlar, tənqidi təfəkkür",
            "ru": "медиаграмотность, цифровые навыки, критическое мышление",
        },
        "email": "info@medialit.example.org",
        "phone": "+994 12 418 18 75",
        "wgs": [4],
        "description": {
            "en": (
                "Teaches pupils and teachers to assess information critically and to use digital "
                "media safely."
            ),
            "az": (
                "Şagird və müəllimlərə informasiyanı tənqidi qiymətləndirməyi və rəqəmsal mediadan "
                "təhlükəsiz istifadə etməyi öyrədir."
            ),
            "ru": (
                "Учит школьников и учителей критически оценивать информацию и безопасно "
                "пользоваться цифровыми медиа."
            ),
        },
    },
    {
        "key": "laborrights",
        "legal_name": {
            "en": "Labour Rights Centre Public Union",
            "az": "«Əmək Hüquqları Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр трудовых прав»",
        },
        "short_name": {
            "en": "Labour Rights Centre",
            "az": "Əmək Hüquqları Mərkəzi",
            "ru": "Центр трудовых прав",
        },
        "acronym": "LRC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1359067144",
        "registration_date": "1999-12-26",
        "fields_of_work": {
            "en": "labour rights, social dialogue, occupational safety",
            "az": "əmək hüquqları, sosial dialoq, əməyin mühafizəsi",
            "ru": "трудовые права, социальный диалог, охрана труда",
        },
        "email": "info@laborrights.example.org",
        "phone": "+994 12 486 79 42",
        "wgs": [5, 1],
        "description": {
            "en": (
                "Advises employees on labour law and promotes social dialogue between employers "
                "and trade unions."
            ),
            "az": (
                "İşçilərə əmək qanunvericiliyi üzrə məsləhətlər verir, işəgötürənlərlə həmkarlar "
                "ittifaqları arasında sosial dialoqu təşviq edir."
            ),
            "ru": (
                "Консультирует работников по трудовому законодательству и содействует социальному "
                "диалогу между работодателями и профсоюзами."
            ),
        },
    },
    {
        "key": "access4all",
        "legal_name": {
            "en": "Accessibility for All Public Union",
            "az": "«Hamı üçün Əlçatanlıq» İctimai Birliyi",
            "ru": "Общественное объединение «Доступность для всех»",
        },
        "short_name": {
            "en": "Accessibility for All",
            "az": "Hamı üçün Əlçatanlıq",
            "ru": "Доступность для всех",
        },
        "acronym": "",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1440322974",
        "registration_date": "1998-08-31",
        "fields_of_work": {
            "en": "rights of persons with disabilities, accessibility, inclusive employment",
            "az": "əlilliyi olan şəxslərin hüquqları, əlçatanlıq, inklüziv məşğulluq",
            "ru": "права людей с инвалидностью, доступная среда, инклюзивная занятость",
        },
        "email": "info@access4all.example.org",
        "phone": "+994 12 454 26 46",
        "wgs": [5],
        "description": {
            "en": (
                "Campaigns for accessible public spaces and for the employment of persons with "
                "disabilities."
            ),
            "az": (
                "İctimai məkanların əlçatanlığı və əlilliyi olan şəxslərin məşğulluğu üçün "
                "kampaniyalar aparır."
            ),
            "ru": (
                "Проводит кампании за доступность общественных пространств и трудоустройство людей "
                "с инвалидностью."
            ),
        },
    },
    {
        "key": "seniors",
        "legal_name": {
            "en": "Support for Older Citizens Public Union",
            "az": "Yaşlı Vətəndaşlara Dəstək İctimai Birliyi",
            "ru": "Общественное объединение «Поддержка пожилых граждан»",
        },
        "short_name": {
            "en": "Support for Older Citizens",
            "az": "Yaşlı Vətəndaşlara Dəstək",
            "ru": "Поддержка пожилых граждан",
        },
        "acronym": "",
        "city": {"en": "Shirvan", "az": "Şirvan", "ru": "Ширван"},
        "registration_number": "1579473600",
        "registration_date": "2003-12-13",
        "fields_of_work": {
            "en": "older people, pensions, social services",
            "az": "yaşlı insanlar, pensiya təminatı, sosial xidmətlər",
            "ru": "пожилые люди, пенсионное обеспечение, социальные услуги",
        },
        "email": "info@seniors.example.org",
        "phone": "+994 21 213 97 62",
        "wgs": [5],
        "description": {
            "en": (
                "Offers volunteer home care and advice on pensions and social benefits to older "
                "people in Shirvan."
            ),
            "az": (
                "Şirvanda yaşlı insanlara evdə könüllü qulluq göstərir, pensiya və sosial "
                "müavinətlər barədə məsləhət verir."
            ),
            "ru": (
                "Оказывает пожилым людям Ширвана волонтёрскую помощь на дому и консультирует их по "
                "вопросам пенсий и социальных пособий."
            ),
        },
    },
    {
        "key": "migration",
        "legal_name": {
            "en": "Migration and Development Centre Public Union",
            "az": "«Miqrasiya və İnkişaf Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр миграции и развития»",
        },
        "short_name": {
            "en": "Migration and Development Centre",
            "az": "Miqrasiya və İnkişaf Mərkəzi",
            "ru": "Центр миграции и развития",
        },
        "acronym": "MDC",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1459401795",
        "registration_date": "2003-10-27",
        "fields_of_work": {
            "en": "labour migration, reintegration of returning migrants, safe migration",
            "az": (
                "əmək miqrasiyası, geri qayıdan miqrantların reinteqrasiyası, təhlükəsiz miqrasiya"
            ),
            "ru": "трудовая миграция, реинтеграция вернувшихся мигрантов, безопасная миграция",
        },
        "email": "info@migration.example.org",
        "phone": "+994 12 432 06 90",
        "wgs": [5, 4],
        "description": {
            "en": (
                "Informs labour migrants about safe migration and helps returning migrants back "
                "into the labour market."
            ),
            "az": (
                "Əmək miqrantlarını təhlükəsiz miqrasiya barədə məlumatlandırır və geri "
                "qayıdanların əmək bazarına yenidən inteqrasiyasına kömək edir."
            ),
            "ru": (
                "Информирует трудовых мигрантов о безопасной миграции и помогает вернувшимся снова "
                "выйти на рынок труда."
            ),
        },
    },
    {
        "key": "idpsupport",
        "legal_name": {
            "en": "Centre for Social Support of Displaced Persons Public Union",
            "az": "«Məcburi Köçkünlərə Sosial Dəstək Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр социальной поддержки вынужденных переселенцев»",
        },
        "short_name": {
            "en": "Centre for Social Support of Displaced Persons",
            "az": "Məcburi Köçkünlərə Sosial Dəstək Mərkəzi",
            "ru": "Центр социальной поддержки вынужденных переселенцев",
        },
        "acronym": "CSSDP",
        "city": {"en": "Mingachevir", "az": "Mingəçevir", "ru": "Мингечевир"},
        "registration_number": "1427945086",
        "registration_date": "2002-09-11",
        "fields_of_work": {
            "en": "internally displaced persons, housing, social inclusion",
            "az": "məcburi köçkünlər, mənzil təminatı, sosial inteqrasiya",
            "ru": "вынужденные переселенцы, обеспечение жильём, социальная интеграция",
        },
        "email": "info@idpsupport.example.org",
        "phone": "+994 24 270 21 63",
        "wgs": [5],
        "description": {
            "en": (
                "Helps internally displaced families obtain housing, social benefits and "
                "vocational training."
            ),
            "az": (
                "Məcburi köçkün ailələrinə mənzil, sosial müavinətlər və peşə təlimi əldə etməkdə "
                "kömək edir."
            ),
            "ru": (
                "Помогает семьям вынужденных переселенцев получать жильё, социальные пособия и "
                "профессиональное обучение."
            ),
        },
    },
    {
        "key": "vocational",
        "legal_name": {
            "en": "Vocational Skills Centre Public Union",
            "az": "«Peşə Bacarıqları Mərkəzi» İctimai Birliyi",
            "ru": "Общественное объединение «Центр профессиональных навыков»",
        },
        "short_name": {
            "en": "Vocational Skills Centre",
            "az": "Peşə Bacarıqları Mərkəzi",
            "ru": "Центр профессиональных навыков",
        },
        "acronym": "VSC",
        "city": {"en": "Sumgait", "az": "Sumqayıt", "ru": "Сумгаит"},
        "registration_number": "1375779488",
        "registration_date": "2006-01-19",
        "fields_of_work": {
            "en": "vocational training, youth employment, labour market",
            "az": "peşə təhsili, gənclərin məşğulluğu, əmək bazarı",
            "ru": "профессиональное обучение, занятость молодёжи, рынок труда",
        },
        "email": "info@vocational.example.org",
        "phone": "+994 18 640 55 28",
        "wgs": [5, 2],
        "description": {
            "en": (
                "Runs vocational courses in Sumgait designed around the needs of local employers."
            ),
            "az": "Sumqayıtda yerli işəgötürənlərin ehtiyaclarına uyğun peşə kursları təşkil edir.",
            "ru": (
                "Проводит в Сумгаите профессиональные курсы с учётом потребностей местных "
                "работодателей."
            ),
        },
    },
    {
        "key": "patients",
        "legal_name": {
            "en": "Patients' Rights Public Union",
            "az": "Pasiyent Hüquqları İctimai Birliyi",
            "ru": "Общественное объединение «Права пациентов»",
        },
        "short_name": {
            "en": "Patients' Rights",
            "az": "Pasiyent Hüquqları",
            "ru": "Права пациентов",
        },
        "acronym": "PRPU",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1934232184",
        "registration_date": "1996-08-12",
        "fields_of_work": {
            "en": "patients' rights, access to health care, health policy",
            "az": "pasiyent hüquqları, səhiyyə xidmətlərinə çıxış, səhiyyə siyasəti",
            "ru": "права пациентов, доступ к медицинской помощи, политика в сфере здравоохранения",
        },
        "email": "info@patients.example.org",
        "phone": "+994 12 400 41 90",
        "wgs": [5],
        "description": {
            "en": "Informs patients about their rights and monitors access to primary health care.",
            "az": (
                "Pasiyentləri hüquqları barədə məlumatlandırır və ilkin səhiyyə xidmətlərinə "
                "çıxışı izləyir."
            ),
            "ru": (
                "Информирует пациентов об их правах и следит за доступностью первичной медицинской "
                "помощи."
            ),
        },
    },
    {
        "key": "socialwork",
        "legal_name": {
            "en": "Social Work Development Association Public Union",
            "az": "«Sosial İşin İnkişafı Assosiasiyası» İctimai Birliyi",
            "ru": "Общественное объединение «Ассоциация развития социальной работы»",
        },
        "short_name": {
            "en": "Social Work Development Association",
            "az": "Sosial İşin İnkişafı Assosiasiyası",
            "ru": "Ассоциация развития социальной работы",
        },
        "acronym": "SWDA",
        "city": {"en": "Baku", "az": "Bakı", "ru": "Баку"},
        "registration_number": "1423534785",
        "registration_date": "2007-08-28",
        "fields_of_work": {
            "en": "social work, social services, professional standards",
            "az": "sosial iş, sosial xidmətlər, peşə standartları",
            "ru": "социальная работа, социальные услуги, профессиональные стандарты",
        },
        "email": "info@socialwork.example.org",
        "phone": "+994 12 451 49 00",
        "wgs": [5],
        "description": {
            "en": "Trains social workers and promotes community-based social services.",
            "az": (
                "Sosial işçilər üçün təlimlər keçirir və icma əsaslı sosial xidmətləri təşviq edir."
            ),
            "ru": (
                "Обучает социальных работников и продвигает социальные услуги по месту жительства."
            ),
        },
    },
    {
        "key": "ruralwomen",
        "legal_name": {
            "en": "Rural Women's Initiative Public Union",
            "az": "«Kənd Qadınlarının Təşəbbüsü» İctimai Birliyi",
            "ru": "Общественное объединение «Инициатива сельских женщин»",
        },
        "short_name": {
            "en": "Rural Women's Initiative",
            "az": "Kənd Qadınlarının Təşəbbüsü",
            "ru": "Инициатива сельских женщин",
        },
        "acronym": "",
        "city": {"en": "Guba", "az": "Quba", "ru": "Губа"},
        "registration_number": "1720010709",
        "registration_date": "1995-08-26",
        "fields_of_work": {
            "en": "rural women, self-employment, microfinance",
            "az": "kənd qadınları, özünüməşğulluq, mikromaliyyə",
            "ru": "сельские женщины, самозанятость, микрофинансирование",
        },
        "email": "info@ruralwomen.example.org",
        "phone": "+994 23 333 27 26",
        "wgs": [5, 2],
        "description": {
            "en": (
                "Helps women in the villages of the Guba region start small businesses and earn a "
                "steady income."
            ),
            "az": (
                "Quba bölgəsinin kəndlərində qadınlara kiçik biznes qurmaqda və sabit gəlir əldə "
                "etməkdə kömək edir."
            ),
            "ru": (
                "Помогает женщинам из сёл Губинского региона открыть малый бизнес и получать "
                "стабильный доход."
            ),
        },
    },
]

PEOPLE: list[PersonData] = [
    {
        "key": "avaz-hasanov",
        "first_name": {"en": "Avaz", "az": "Əvəz", "ru": "Аваз"},
        "last_name": {"en": "Hasanov", "az": "Həsənov", "ru": "Гасанов"},
        "organisation": "hrpu",
        "role": "platform_coordinator",
        "email": "avaz.hasanov@hrpu.example.org",
    },
    {
        "key": "leyla-mammadova",
        "first_name": {"en": "Leyla", "az": "Leyla", "ru": "Лейла"},
        "last_name": {"en": "Mammadova", "az": "Məmmədova", "ru": "Мамедова"},
        "organisation": "civwatch",
        "role": "wg_coordinator",
        "wg": 1,
        "email": "leyla.mammadova@civwatch.example.org",
    },
    {
        "key": "elnur-guliyev",
        "first_name": {"en": "Elnur", "az": "Elnur", "ru": "Эльнур"},
        "last_name": {"en": "Guliyev", "az": "Quliyev", "ru": "Гулиев"},
        "organisation": "euintegr",
        "role": "wg_coordinator",
        "wg": 2,
        "email": "elnur.guliyev@euintegr.example.org",
    },
    {
        "key": "nigar-huseynova",
        "first_name": {"en": "Nigar", "az": "Nigar", "ru": "Нигяр"},
        "last_name": {"en": "Huseynova", "az": "Hüseynova", "ru": "Гусейнова"},
        "organisation": "ecoinit",
        "role": "wg_coordinator",
        "wg": 3,
        "email": "nigar.huseynova@ecoinit.example.org",
    },
    {
        "key": "tural-ismayilov",
        "first_name": {"en": "Tural", "az": "Tural", "ru": "Турал"},
        "last_name": {"en": "Ismayilov", "az": "İsmayılov", "ru": "Исмайлов"},
        "organisation": "youthbridge",
        "role": "wg_coordinator",
        "wg": 4,
        "email": "tural.ismayilov@youthbridge.example.org",
    },
    {
        "key": "sevinj-abbasova",
        "first_name": {"en": "Sevinj", "az": "Sevinc", "ru": "Севиндж"},
        "last_name": {"en": "Abbasova", "az": "Abbasova", "ru": "Аббасова"},
        "organisation": "laborrights",
        "role": "wg_coordinator",
        "wg": 5,
        "email": "sevinj.abbasova@laborrights.example.org",
    },
]

REPRESENTATIVES_NOTE = (
    "Fictional demo data: apart from the seed's facts (the Azerbaijan National Platform, founded "
    "in November 2009 with 45 members, and its Country Facilitator Avaz Hasanov of the "
    "Humanitarian Research Public Union), all organisations, people, numbers, dates and contacts "
    "are invented."
)
