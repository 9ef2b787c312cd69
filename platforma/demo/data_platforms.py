"""Demo data for the other five national platforms of the Eastern Partnership (literal data).

Everything here is fictional demonstration data: the organisations, the people, the dates, the
registration numbers and the e-mail addresses (on the reserved example.org domain). Only the
countries, their capitals and time zones are real. The platforms are flagged ``is_demo`` and
say so in their descriptions.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple, TypedDict


class Org(NamedTuple):
    """A member organisation: English and Russian names (Azerbaijani falls back to English)."""

    key: str
    en: str
    ru: str
    acronym: str
    city: str  # a key of CITIES
    wgs: tuple[int, ...]  # the Forum working groups it is in


class Holder(NamedTuple):
    """A person holding an office: the platform's coordinator or a WG's coordinator."""

    first_en: str
    last_en: str
    first_ru: str
    last_ru: str
    organisation: str  # an Org key
    office: int  # 0: the platform coordinator (the Country Facilitator); 1-5: that WG's


class Applicant(NamedTuple):
    """A person an organisation proposes as a delegate (names as in a passport)."""

    first: str
    last: str
    gender: str  # woman, man, other


class PlatformData(TypedDict):
    slug: str
    country_code: str
    country: dict[str, str]  # by language
    name: dict[str, str]
    native_name: str  # in the country's own language, which the site does not have
    founded_on: datetime.date
    time_zone: str
    phone_prefix: str
    statute_title: dict[str, str]
    organisations: list[Org]
    holders: list[Holder]
    applicants: list[Applicant]


CITIES: dict[str, dict[str, str]] = {
    "yerevan": {"en": "Yerevan", "az": "İrəvan", "ru": "Ереван"},
    "gyumri": {"en": "Gyumri", "az": "Gümrü", "ru": "Гюмри"},
    "vanadzor": {"en": "Vanadzor", "az": "Vanadzor", "ru": "Ванадзор"},
    "minsk": {"en": "Minsk", "az": "Minsk", "ru": "Минск"},
    "brest": {"en": "Brest", "az": "Brest", "ru": "Брест"},
    "hrodna": {"en": "Hrodna", "az": "Qrodno", "ru": "Гродно"},
    "tbilisi": {"en": "Tbilisi", "az": "Tbilisi", "ru": "Тбилиси"},
    "kutaisi": {"en": "Kutaisi", "az": "Kutaisi", "ru": "Кутаиси"},
    "batumi": {"en": "Batumi", "az": "Batumi", "ru": "Батуми"},
    "chisinau": {"en": "Chișinău", "az": "Kişinyov", "ru": "Кишинёв"},
    "balti": {"en": "Bălți", "az": "Beltsı", "ru": "Бельцы"},
    "cahul": {"en": "Cahul", "az": "Kahul", "ru": "Кагул"},
    "kyiv": {"en": "Kyiv", "az": "Kiyev", "ru": "Киев"},
    "lviv": {"en": "Lviv", "az": "Lvov", "ru": "Львов"},
    "kharkiv": {"en": "Kharkiv", "az": "Xarkov", "ru": "Харьков"},
    "odesa": {"en": "Odesa", "az": "Odessa", "ru": "Одесса"},
}

DEMO_NOTE: dict[str, str] = {
    "en": "Demonstration data: this platform's members, people and records are fictional.",
    "az": "Nümayiş məlumatları: bu platformanın üzvləri, şəxsləri və qeydləri uydurmadır.",
    "ru": "Демонстрационные данные: члены, люди и записи этой платформы вымышлены.",
}

PLATFORMS: list[PlatformData] = [
    {
        "slug": "armenia",
        "country_code": "AM",
        "country": {"en": "Armenia", "az": "Ermənistan", "ru": "Армения"},
        "name": {
            "en": "Armenian National Platform",
            "az": "Ermənistan Milli Platforması",
            "ru": "Национальная платформа Армении",
        },
        "native_name": "Հայաստանի ազգային պլատֆորմ",
        "founded_on": datetime.date(2010, 5, 1),
        "time_zone": "Asia/Yerevan",
        "phone_prefix": "+374 10",
        "statute_title": {
            "en": "Statute of the Armenian National Platform",
            "az": "Ermənistan Milli Platformasının Nizamnaməsi",
            "ru": "Устав Национальной платформы Армении",
        },
        "organisations": [
            Org(
                "am-acic",
                "Ararat Civic Initiatives Centre",
                "Центр гражданских инициатив «Арарат»",
                "ACIC",
                "yerevan",
                (1,),
            ),
            Org(
                "am-yippd",
                "Yerevan Institute for Public Policy Dialogue",
                "Ереванский институт диалога по публичной политике",
                "YIPPD",
                "yerevan",
                (1, 2),
            ),
            Org(
                "am-gleu",
                "Green Lori Environmental Union",
                "Экологический союз «Зелёный Лори»",
                "GLEU",
                "vanadzor",
                (3,),
            ),
            Org(
                "am-syen",
                "Shirak Youth Exchange Network",
                "Ширакская сеть молодёжных обменов",
                "SYEN",
                "gyumri",
                (4,),
            ),
            Org(
                "am-aasp",
                "Armenian Association of Small Producers",
                "Армянская ассоциация малых производителей",
                "AASP",
                "yerevan",
                (2,),
            ),
            Org("am-fwa", "Fair Work Armenia", "Достойный труд — Армения", "FWA", "yerevan", (5,)),
            Org(
                "am-tcw",
                "Transparent Courts Watch",
                "Наблюдатель за прозрачностью судов",
                "TCW",
                "yerevan",
                (1,),
            ),
            Org(
                "am-sbwc",
                "Sevan Basin Water Council",
                "Совет бассейна озера Севан",
                "SBWC",
                "yerevan",
                (3,),
            ),
            Org(
                "am-mlla",
                "Media Literacy Lab Armenia",
                "Лаборатория медиаграмотности Армении",
                "MLLA",
                "yerevan",
                (1, 4),
            ),
            Org(
                "am-wecg",
                "Women's Enterprise Circle Gyumri",
                "Женский предпринимательский круг Гюмри",
                "WECG",
                "gyumri",
                (2, 5),
            ),
            Org(
                "am-eeca",
                "Energy Efficiency Club Armenia",
                "Клуб энергоэффективности Армении",
                "EECA",
                "yerevan",
                (3,),
            ),
            Org(
                "am-cbf",
                "Cultural Bridges Foundation",
                "Фонд «Культурные мосты»",
                "CBF",
                "vanadzor",
                (4,),
            ),
            Org(
                "am-sdrc",
                "Social Dialogue Resource Centre",
                "Ресурсный центр социального диалога",
                "SDRC",
                "yerevan",
                (5, 1),
            ),
        ],
        "holders": [
            Holder("Lilit", "Hakobyan", "Лилит", "Акопян", "am-acic", 0),
            Holder("Tigran", "Petrosyan", "Тигран", "Петросян", "am-tcw", 1),
            Holder("Narine", "Avetisyan", "Нарине", "Аветисян", "am-aasp", 2),
            Holder("Aram", "Mkrtchyan", "Арам", "Мкртчян", "am-gleu", 3),
            Holder("Mariam", "Harutyunyan", "Мариам", "Арутюнян", "am-syen", 4),
            Holder("Davit", "Ghazaryan", "Давид", "Казарян", "am-fwa", 5),
        ],
        "applicants": [
            Applicant("Ani", "Sahakyan", "woman"),
            Applicant("Hayk", "Avagyan", "man"),
            Applicant("Sona", "Manukyan", "woman"),
            Applicant("Karen", "Hovhannisyan", "man"),
            Applicant("Lusine", "Martirosyan", "woman"),
            Applicant("Gor", "Khachatryan", "man"),
        ],
    },
    {
        "slug": "belarus",
        "country_code": "BY",
        "country": {"en": "Belarus", "az": "Belarus", "ru": "Беларусь"},
        "name": {
            "en": "Belarusian National Platform",
            "az": "Belarus Milli Platforması",
            "ru": "Национальная платформа Беларуси",
        },
        "native_name": "Беларуская нацыянальная платформа",
        "founded_on": datetime.date(2010, 3, 1),
        "time_zone": "Europe/Minsk",
        "phone_prefix": "+375 17",
        "statute_title": {
            "en": "Statute of the Belarusian National Platform",
            "az": "Belarus Milli Platformasının Nizamnaməsi",
            "ru": "Устав Национальной платформы Беларуси",
        },
        "organisations": [
            Org(
                "by-cdc",
                "Civic Dialogue Centre",
                "Центр гражданского диалога",
                "CDC",
                "minsk",
                (1,),
            ),
            Org(
                "by-ler",
                "Legal Education and Rights Society",
                "Общество правового просвещения и прав",
                "LERS",
                "minsk",
                (1,),
            ),
            Org(
                "by-beg",
                "Belarusian Economic Growth Forum",
                "Белорусский форум экономического роста",
                "BEGF",
                "minsk",
                (2,),
            ),
            Org(
                "by-pwn",
                "Polesie Wetlands Network",
                "Сеть «Водно-болотные угодья Полесья»",
                "PWN",
                "brest",
                (3,),
            ),
            Org(
                "by-nyc", "Neman Youth Centre", "Неманский молодёжный центр", "NYC", "hrodna", (4,)
            ),
            Org(
                "by-wsu",
                "Workers' Solidarity Union",
                "Союз трудовой солидарности",
                "WSU",
                "minsk",
                (5,),
            ),
            Org(
                "by-ijc",
                "Independent Journalism Circle",
                "Кружок независимой журналистики",
                "IJC",
                "minsk",
                (1, 4),
            ),
            Org(
                "by-sea",
                "Small Enterprise Association of Brest",
                "Ассоциация малого предпринимательства Бреста",
                "SEAB",
                "brest",
                (2,),
            ),
            Org("by-ces", "Clean Energy Society", "Общество чистой энергии", "CES", "minsk", (3,)),
            Org(
                "by-hhe",
                "Hrodna Heritage Exchange",
                "Гродненский обмен наследием",
                "HHE",
                "hrodna",
                (4,),
            ),
            Org(
                "by-spi",
                "Social Policy Institute",
                "Институт социальной политики",
                "SPI",
                "minsk",
                (5, 2),
            ),
            Org(
                "by-lgi",
                "Local Government Initiative",
                "Инициатива местного самоуправления",
                "LGI",
                "brest",
                (1,),
            ),
        ],
        "holders": [
            Holder("Volha", "Sidarenka", "Ольга", "Сидоренко", "by-cdc", 0),
            Holder("Andrei", "Novik", "Андрей", "Новик", "by-ler", 1),
            Holder("Tatsiana", "Marozava", "Татьяна", "Морозова", "by-beg", 2),
            Holder("Siarhei", "Kazlou", "Сергей", "Козлов", "by-pwn", 3),
            Holder("Hanna", "Lisouskaya", "Анна", "Лисовская", "by-nyc", 4),
            Holder("Pavel", "Zhuk", "Павел", "Жук", "by-wsu", 5),
        ],
        "applicants": [
            Applicant("Darya", "Shapavalava", "woman"),
            Applicant("Maksim", "Kuzmich", "man"),
            Applicant("Yulia", "Ramanava", "woman"),
            Applicant("Uladzimir", "Bialou", "man"),
            Applicant("Alena", "Sakalova", "woman"),
            Applicant("Ihar", "Dubovik", "man"),
        ],
    },
    {
        "slug": "georgia",
        "country_code": "GE",
        "country": {"en": "Georgia", "az": "Gürcüstan", "ru": "Грузия"},
        "name": {
            "en": "Georgian National Platform",
            "az": "Gürcüstan Milli Platforması",
            "ru": "Национальная платформа Грузии",
        },
        "native_name": "საქართველოს ეროვნული პლატფორმა",
        "founded_on": datetime.date(2010, 4, 1),
        "time_zone": "Asia/Tbilisi",
        "phone_prefix": "+995 32",
        "statute_title": {
            "en": "Statute of the Georgian National Platform",
            "az": "Gürcüstan Milli Platformasının Nizamnaməsi",
            "ru": "Устав Национальной платформы Грузии",
        },
        "organisations": [
            Org(
                "ge-cpi",
                "Caucasus Policy Institute",
                "Кавказский институт политики",
                "CPI",
                "tbilisi",
                (1, 2),
            ),
            Org(
                "ge-dwg",
                "Democracy Watch Georgia",
                "Наблюдатель за демократией — Грузия",
                "DWG",
                "tbilisi",
                (1,),
            ),
            Org(
                "ge-kba",
                "Kutaisi Business Association",
                "Кутаисская бизнес-ассоциация",
                "KBA",
                "kutaisi",
                (2,),
            ),
            Org(
                "ge-bsg",
                "Black Sea Green Coast",
                "Зелёное побережье Чёрного моря",
                "BSGC",
                "batumi",
                (3,),
            ),
            Org(
                "ge-yeg",
                "Youth Exchange Georgia",
                "Молодёжный обмен — Грузия",
                "YEG",
                "tbilisi",
                (4,),
            ),
            Org("ge-lrc", "Labour Rights Centre", "Центр трудовых прав", "LRC", "tbilisi", (5,)),
            Org(
                "ge-acj",
                "Association for Court Justice",
                "Ассоциация за справедливое правосудие",
                "ACJ",
                "tbilisi",
                (1,),
            ),
            Org(
                "ge-mre",
                "Mountain Regions Energy",
                "Энергия горных регионов",
                "MRE",
                "kutaisi",
                (3,),
            ),
            Org(
                "ge-ahf",
                "Adjara Heritage Foundation",
                "Аджарский фонд наследия",
                "AHF",
                "batumi",
                (4, 1),
            ),
            Org(
                "ge-wee",
                "Women's Economic Empowerment Network",
                "Сеть экономических возможностей женщин",
                "WEEN",
                "tbilisi",
                (2, 5),
            ),
            Org("ge-mfc", "Media Freedom Club", "Клуб свободы СМИ", "MFC", "tbilisi", (1, 4)),
            Org(
                "ge-sdn",
                "Social Dialogue Network Georgia",
                "Сеть социального диалога Грузии",
                "SDNG",
                "kutaisi",
                (5,),
            ),
            Org(
                "ge-rdi",
                "Regional Development Initiative",
                "Инициатива регионального развития",
                "RDI",
                "batumi",
                (2, 3),
            ),
        ],
        "holders": [
            Holder("Nino", "Beridze", "Нино", "Беридзе", "ge-cpi", 0),
            Holder("Giorgi", "Kapanadze", "Георгий", "Капанадзе", "ge-dwg", 1),
            Holder("Tamar", "Lomidze", "Тамар", "Ломидзе", "ge-kba", 2),
            Holder("Levan", "Gelashvili", "Леван", "Гелашвили", "ge-bsg", 3),
            Holder("Ana", "Tsiklauri", "Ана", "Циклаури", "ge-yeg", 4),
            Holder("Irakli", "Meskhi", "Ираклий", "Месхи", "ge-lrc", 5),
        ],
        "applicants": [
            Applicant("Mariam", "Kvaratskhelia", "woman"),
            Applicant("Luka", "Abashidze", "man"),
            Applicant("Eka", "Japaridze", "woman"),
            Applicant("Nika", "Gogua", "man"),
            Applicant("Tamta", "Chikovani", "woman"),
            Applicant("Sandro", "Kalandadze", "other"),
        ],
    },
    {
        "slug": "moldova",
        "country_code": "MD",
        "country": {"en": "Moldova", "az": "Moldova", "ru": "Молдова"},
        "name": {
            "en": "Moldovan National Platform",
            "az": "Moldova Milli Platforması",
            "ru": "Национальная платформа Молдовы",
        },
        "native_name": "Platforma Națională a Republicii Moldova",
        "founded_on": datetime.date(2010, 5, 1),
        "time_zone": "Europe/Chisinau",
        "phone_prefix": "+373 22",
        "statute_title": {
            "en": "Statute of the Moldovan National Platform",
            "az": "Moldova Milli Platformasının Nizamnaməsi",
            "ru": "Устав Национальной платформы Молдовы",
        },
        "organisations": [
            Org(
                "md-cpc",
                "Centre for Participatory Citizenship",
                "Центр гражданского участия",
                "CPC",
                "chisinau",
                (1,),
            ),
            Org(
                "md-jwm",
                "Justice Watch Moldova",
                "Наблюдатель правосудия — Молдова",
                "JWM",
                "chisinau",
                (1,),
            ),
            Org(
                "md-eti",
                "Economic Transition Institute",
                "Институт экономического перехода",
                "ETI",
                "chisinau",
                (2,),
            ),
            Org("md-nre", "Nistru River Ecology", "Экология реки Днестр", "NRE", "chisinau", (3,)),
            Org(
                "md-ymn",
                "Youth Mobility Network Moldova",
                "Сеть молодёжной мобильности Молдовы",
                "YMNM",
                "balti",
                (4,),
            ),
            Org(
                "md-dwa",
                "Decent Work Alliance",
                "Альянс за достойный труд",
                "DWA",
                "chisinau",
                (5,),
            ),
            Org(
                "md-fpa",
                "Farmers' Producer Association of Cahul",
                "Ассоциация фермеров-производителей Кагула",
                "FPAC",
                "cahul",
                (2, 3),
            ),
            Org(
                "md-imc",
                "Independent Media Centre Bălți",
                "Независимый медиацентр Бельц",
                "IMCB",
                "balti",
                (1, 4),
            ),
            Org(
                "md-ees",
                "Energy Efficiency Society",
                "Общество энергоэффективности",
                "EES",
                "chisinau",
                (3,),
            ),
            Org(
                "md-cdi",
                "Cultural Diversity Initiative",
                "Инициатива культурного разнообразия",
                "CDI",
                "cahul",
                (4,),
            ),
            Org(
                "md-sia",
                "Social Inclusion Association",
                "Ассоциация социальной инклюзии",
                "SIA",
                "chisinau",
                (5, 1),
            ),
            Org(
                "md-lag",
                "Local Action Group Bălți",
                "Местная группа действий Бельц",
                "LAGB",
                "balti",
                (2,),
            ),
        ],
        "holders": [
            Holder("Elena", "Rusu", "Елена", "Русу", "md-cpc", 0),
            Holder("Ion", "Ciobanu", "Ион", "Чобану", "md-jwm", 1),
            Holder("Natalia", "Munteanu", "Наталья", "Мунтяну", "md-eti", 2),
            Holder("Victor", "Ceban", "Виктор", "Чебан", "md-nre", 3),
            Holder("Ana", "Popescu", "Ана", "Попеску", "md-ymn", 4),
            Holder("Sergiu", "Lungu", "Серджиу", "Лунгу", "md-dwa", 5),
        ],
        "applicants": [
            Applicant("Mihaela", "Rotaru", "woman"),
            Applicant("Andrei", "Cojocaru", "man"),
            Applicant("Doina", "Guțu", "woman"),
            Applicant("Vlad", "Bivol", "man"),
            Applicant("Irina", "Moraru", "woman"),
            Applicant("Radu", "Sandu", "man"),
        ],
    },
    {
        "slug": "ukraine",
        "country_code": "UA",
        "country": {"en": "Ukraine", "az": "Ukrayna", "ru": "Украина"},
        "name": {
            "en": "Ukrainian National Platform",
            "az": "Ukrayna Milli Platforması",
            "ru": "Национальная платформа Украины",
        },
        "native_name": "Українська національна платформа",
        "founded_on": datetime.date(2010, 3, 1),
        "time_zone": "Europe/Kyiv",
        "phone_prefix": "+380 44",
        "statute_title": {
            "en": "Statute of the Ukrainian National Platform",
            "az": "Ukrayna Milli Platformasının Nizamnaməsi",
            "ru": "Устав Национальной платформы Украины",
        },
        "organisations": [
            Org(
                "ua-crr",
                "Centre for Reform and Renewal",
                "Центр реформ и обновления",
                "CRR",
                "kyiv",
                (1, 2),
            ),
            Org(
                "ua-ach",
                "Anti-Corruption Hub Kyiv",
                "Антикоррупционный хаб Киева",
                "ACHK",
                "kyiv",
                (1,),
            ),
            Org(
                "ua-ite",
                "Institute for Trade and Economy",
                "Институт торговли и экономики",
                "ITE",
                "kharkiv",
                (2,),
            ),
            Org("ua-gcu", "Green Carpathians Union", "Союз «Зелёные Карпаты»", "GCU", "lviv", (3,)),
            Org(
                "ua-yex",
                "Youth Exchange Ukraine",
                "Молодёжный обмен — Украина",
                "YEU",
                "lviv",
                (4,),
            ),
            Org(
                "ua-lsf",
                "Labour Solidarity Foundation",
                "Фонд трудовой солидарности",
                "LSF",
                "kyiv",
                (5,),
            ),
            Org(
                "ua-hrd",
                "Human Rights Documentation Centre",
                "Центр документирования прав человека",
                "HRDC",
                "kharkiv",
                (1,),
            ),
            Org(
                "ua-bse",
                "Black Sea Energy Transition",
                "Энергетический переход Черноморья",
                "BSET",
                "odesa",
                (3,),
            ),
            Org("ua-fml", "Free Media League", "Лига свободных СМИ", "FML", "kyiv", (1, 4)),
            Org(
                "ua-sbc",
                "Small Business Council of Odesa",
                "Совет малого бизнеса Одессы",
                "SBCO",
                "odesa",
                (2,),
            ),
            Org(
                "ua-chn",
                "Cultural Heritage Network",
                "Сеть культурного наследия",
                "CHN",
                "lviv",
                (4, 5),
            ),
            Org(
                "ua-spa",
                "Social Policy Analysts",
                "Аналитики социальной политики",
                "SPA",
                "kharkiv",
                (5,),
            ),
            Org(
                "ua-wdi",
                "Water and Development Initiative",
                "Инициатива «Вода и развитие»",
                "WDI",
                "odesa",
                (3, 2),
            ),
        ],
        "holders": [
            Holder("Oksana", "Kovalenko", "Оксана", "Коваленко", "ua-crr", 0),
            Holder("Taras", "Shevchuk", "Тарас", "Шевчук", "ua-ach", 1),
            Holder("Iryna", "Bondarenko", "Ирина", "Бондаренко", "ua-ite", 2),
            Holder("Mykola", "Tkachenko", "Николай", "Ткаченко", "ua-gcu", 3),
            Holder("Olena", "Kravets", "Елена", "Кравец", "ua-yex", 4),
            Holder("Andriy", "Melnyk", "Андрей", "Мельник", "ua-lsf", 5),
        ],
        "applicants": [
            Applicant("Kateryna", "Hnatiuk", "woman"),
            Applicant("Bohdan", "Moroz", "man"),
            Applicant("Sofiia", "Lytvyn", "woman"),
            Applicant("Oleksii", "Rudenko", "man"),
            Applicant("Yuliia", "Pavlenko", "woman"),
            Applicant("Artem", "Kostenko", "man"),
        ],
    },
]

# Applicants for the Azerbaijan National Platform's seed organisations (fictional people).
AZERBAIJAN_APPLICANTS: list[Applicant] = [
    Applicant("Leyla", "Mammadova", "woman"),
    Applicant("Rashad", "Aliyev", "man"),
    Applicant("Gunel", "Huseynova", "woman"),
    Applicant("Elvin", "Guliyev", "man"),
    Applicant("Sevinj", "Ismayilova", "woman"),
]
