"""The distinctive part of an organisation's name, without its legal form.

Russian names nearly all begin with «Общественное объединение», so a list sorted by the whole
name is sorted by nothing; Azerbaijani and English ones end with their form ("İctimai Birliyi",
"Public Union") and often begin with a quotation mark. ``sort_key`` orders by what tells them
apart; ``display_name`` puts a leading legal form after it: «Гуманитарные исследования
(Общественное объединение)». A trailing form stays where it is (it already comes second).
"""

from __future__ import annotations

import re

# Longest first, so that "Общественное объединение" wins over a shorter prefix of it.
PREFIXES = sorted(
    (
        "Общественное объединение",
        "Общественная организация",
        "Общественный союз",
        "Некоммерческая организация",
        "Благотворительный фонд",
        "Публичное юридическое лицо",
        "ОО",
        "НКО",
        "НПО",
        "İctimai Birlik",
        "Publik Hüquqi Şəxs",
        "Public Union",
        "Public Association",
        "NGO",
    ),
    key=len,
    reverse=True,
)
SUFFIXES = sorted(
    (
        "İctimai Birliyi",
        "İctimai Birlik",
        "Publik Hüquqi Şəxs",
        "İB",
        "MMC",
        "Public Union",
        "Public Association",
        "NGO",
        "Общественное объединение",
        "ОО",
    ),
    key=len,
    reverse=True,
)
QUOTES = "«»“”„\"'‹›"


def _strip_quotes(text: str) -> str:
    text = text.strip(" ,.-–—")
    if len(text) > 1 and text[0] in QUOTES and text[-1] in QUOTES:
        return text[1:-1].strip()
    return text


def split_legal_form(name: str) -> tuple[str, str, str]:
    """``(prefix form, distinctive part, suffix form)``; the forms are "" when absent."""
    rest = name.strip()
    prefix = suffix = ""
    folded = rest.casefold()
    for form in PREFIXES:
        if folded.startswith(form.casefold()) and (
            len(rest) == len(form) or not rest[len(form)].isalnum()
        ):
            prefix, rest = rest[: len(form)], rest[len(form) :]
            break
    folded = rest.casefold()
    for form in SUFFIXES:
        if folded.endswith(form.casefold()) and (
            len(rest) == len(form) or not rest[-len(form) - 1].isalnum()
        ):
            suffix, rest = rest[-len(form) :], rest[: -len(form)]
            break
    distinctive = rest.strip(" ,.-–—")
    if not distinctive:  # the name is nothing but a legal form
        return "", name.strip(), ""
    return prefix, distinctive, suffix


def sort_key(name: str) -> str:
    """The distinctive part without quotation marks, casefolded."""
    _prefix, distinctive, _suffix = split_legal_form(name)
    return re.sub(f"[{QUOTES}]", "", distinctive).casefold().strip()


def display_name(name: str) -> str:
    """The name with a leading legal form moved behind it, in parentheses."""
    prefix, distinctive, suffix = split_legal_form(name)
    if not prefix:
        return name.strip()
    shown = _strip_quotes(distinctive)
    if suffix:
        shown = f"{distinctive} {suffix}"
    return f"{shown} ({prefix})"
