"""Which language a translated field is shown in, and how to say it is not the reader's.

See core.fallbacks (the fallback chain) and core.templatetags.content_language (the tags).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_noop, pgettext_lazy
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, resolution_order

from . import languages

# Language names as the note's sentence needs them: "translated into …" and "shown in …"
# (Azerbaijani and Russian inflect them differently in each place).
INTO: dict[str, Promise] = {
    "en": pgettext_lazy("translated into", "English"),
    "az": pgettext_lazy("translated into", "Azerbaijani"),
    "ru": pgettext_lazy("translated into", "Russian"),
}
IN: dict[str, Promise] = {
    "en": pgettext_lazy("shown in", "English"),
    "az": pgettext_lazy("shown in", "Azerbaijani"),
    "ru": pgettext_lazy("shown in", "Russian"),
}


def _page_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def shown_language(obj: object, field: str) -> str | None:
    """The language ``obj.<field>`` is shown in when it is not the page's; None when it is the
    page's, or when there is nothing to show, or the field is not translated."""
    descriptor = getattr(type(obj), field, None)
    if not isinstance(descriptor, TranslationFieldDescriptor):
        return None
    page = _page_language()
    for lang in resolution_order(page, descriptor.fallback_languages):
        value = getattr(obj, build_localized_fieldname(field, lang), None)
        if value not in (None, ""):
            return None if lang == page else lang
    return None


def language_name(code: str) -> str:
    """The name of the language ``code`` in the page's language; other words as written."""
    names = dict(settings.LANGUAGES)
    key = code.strip().lower()
    return gettext(str(names[key])) if key in names else code


def fallback_note(shown: str) -> str:
    page = _page_language()
    return gettext("Not yet translated into %(language)s; shown in %(fallback)s.") % {
        "language": INTO.get(page, language_name(page)),
        "fallback": IN.get(shown, language_name(shown)),
    }


# Who decided, as membership histories store it: the name of a body as it read when the decision
# was recorded (in the language of the page it was recorded from), or one of these words.
_DECIDER_WORDS = {
    "secretariat": gettext_noop("Secretariat"),
    "board": gettext_noop("Board of Governance"),
    "general_assembly": gettext_noop("General Assembly"),
}


def _decider_names(platform: Any) -> dict[str, Callable[[], str]]:
    """Every way the deciders of ``platform`` have been written, in any language → how to
    write them in the page's language. Kept on the platform for the page's other rows."""
    cached: dict[str, Callable[[], str]] | None = getattr(platform, "_decider_names", None)
    if cached is not None:
        return cached
    names: dict[str, Callable[[], str]] = {}
    for key, word in _DECIDER_WORDS.items():
        for lang in languages.codes():
            with translation.override(lang):
                names[gettext(word)] = functools.partial(gettext, word)
        names[key] = functools.partial(gettext, word)
    if platform is not None:
        for body in platform.bodies.all():
            for lang in languages.codes():
                written = getattr(body, f"name_{lang}", "")
                if written:
                    names[written] = functools.partial(getattr, body, "name")
    if platform is not None:
        platform._decider_names = names
    return names


def decider(written: str, platform: Any) -> str:
    """``written`` (a stored "decided by") in the page's language, when it names the platform's
    body or the secretariat in any language; else as written."""
    if not written:
        return written
    resolve = _decider_names(platform).get(written.strip())
    return resolve() if resolve else written
