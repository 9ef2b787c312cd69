"""One key per organisation name, so that "Green Ganja", "«GREEN-GANJA» NGO", "green  ganja
ictimai birliyi" and "Грин Ганджа" count against the same seats-per-organisation limit.

The key is the name casefolded, transliterated to Latin (Cyrillic, Azerbaijani letters, accents
dropped), with punctuation, quotes, spaces and the usual legal-form words (NGO, IB, MMC, LLC,
ОО...) removed. Two names with the same key are one organisation for the limit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters NFKD does not decompose into a Latin base letter.
_LETTERS = {
    "ə": "e",
    "ı": "i",
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "đ": "d",
    "ł": "l",
    # Russian and Azerbaijani Cyrillic, in a simple phonetic transliteration.
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ә": "e",
    "ж": "zh",
    "җ": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "ј": "y",
    "к": "k",
    "ҝ": "g",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ҹ": "j",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
# Transliterations that differ between the Latin and the Cyrillic spelling of the same name
# ("Gəncə" / "Гянджа", "Şəki" / "Шеки"): folded to one spelling after transliteration.
_FOLDS = (
    ("kh", "x"),
    ("zh", "j"),
    ("sh", "s"),
    ("ch", "c"),
    ("dj", "c"),
    ("j", "c"),
    ("ya", "a"),
    ("ee", "i"),
)
# Legal forms and filler words that say nothing about which organisation it is.
_NOISE = {
    "the",
    "ngo",
    "ingo",
    "llc",
    "ltd",
    "inc",
    "pu",
    "ib",
    "mmc",
    "qht",
    "qsc",
    "oo",
    "ano",
    "npo",
    "public",
    "union",
    "ictimai",
    "birlik",
    "birliyi",
}
_WORD = re.compile(r"[^\W_]+")


def _latin(text: str) -> str:
    text = "".join(_LETTERS.get(c, c) for c in text.casefold())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def organisation_key(name: str) -> str:
    """The comparison key of an organisation's name ("" for a name that has none)."""
    words = _WORD.findall(_latin(name))
    kept = [w for w in words if w not in _NOISE] or words
    key = "".join(kept)
    for long, short in _FOLDS:
        key = key.replace(long, short)
    return key


def organisation_keys(names: Iterable[str]) -> set[str]:
    """The keys of several names of one organisation (its names and acronym in each language)."""
    return {k for k in (organisation_key(n) for n in names if n) if k}
