"""The Forum's five working groups, as the Forum names them (see shared/GLOSSARY.md §5)."""

from __future__ import annotations

from typing import TypedDict


class ForumGroupData(TypedDict):
    number: int
    established_in: int
    name: dict[str, str]  # by language


FORUM_WORKING_GROUPS: list[ForumGroupData] = [
    {
        "number": 1,
        "established_in": 2009,
        "name": {
            "en": "Democracy, human rights, good governance and stability",
            "az": "Demokratiya, insan hüquqları, yaxşı idarəetmə və sabitlik",
            "ru": "Демократия, права человека, надлежащее управление и стабильность",
        },
    },
    {
        "number": 2,
        "established_in": 2009,
        "name": {
            "en": "Economic integration and convergence with EU policies",
            "az": "İqtisadi inteqrasiya və Aİ siyasətlərinə yaxınlaşma",
            "ru": "Экономическая интеграция и сближение с политикой ЕС",
        },
    },
    {
        "number": 3,
        "established_in": 2009,
        "name": {
            "en": "Environment, climate change and energy security",
            "az": "Ətraf mühit, iqlim dəyişikliyi və enerji təhlükəsizliyi",
            "ru": "Окружающая среда, изменение климата и энергетическая безопасность",
        },
    },
    {
        "number": 4,
        "established_in": 2009,
        "name": {
            "en": "Contacts between people",
            "az": "İnsanlararası əlaqələr",
            "ru": "Контакты между людьми",
        },
    },
    {
        "number": 5,
        "established_in": 2012,
        "name": {
            "en": "Social and labour policy and social dialogue",
            "az": "Sosial və əmək siyasəti və sosial dialoq",
            "ru": "Социальная и трудовая политика и социальный диалог",
        },
    },
]
