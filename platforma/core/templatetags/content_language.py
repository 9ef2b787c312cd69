"""Content in the reader's language, or said to be in another one; language codes as names.

``{% load content_language %}``, then, where a page shows content people wrote:

- ``{% translation_note obj "description" %}``: nothing when ``obj.description`` is shown in the
  page's language; else a note, e.g. "Not yet translated into Azerbaijani; shown in English.";
- ``<div{% content_lang obj "description" %}>{{ obj.description }}</div>``: adds ``lang="en"``
  when the text shown is in another language than the page's, so screen readers read it right;
- ``{% translated obj "title" %}``: both at once for a short text (note, then the text in a
  ``<span lang>`` when it is a fallback);
- ``{% lang_span obj "title" as title %}``: the text, in a ``<span lang>`` when it is a
  fallback, for a name inside a translated sentence;
- ``{% decider change.decided_by %}``: a stored "decided by" in the page's language;
- ``{{ "az, en"|language_names }}`` → "Azerbaijani, English" in the page's language, and
  ``{{ code|language_name }}`` for one code.

Which language is shown is the one modeltranslation picks (core.fallbacks: the page's language,
then the platform's main language, then any that is filled).
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html

from .. import content

register = template.Library()


@register.simple_tag
def translation_note(obj: object, field: str) -> str:
    shown = content.shown_language(obj, field)
    if shown is None:
        return ""
    return format_html('<p class="note translation-note">{}</p>', content.fallback_note(shown))


@register.simple_tag
def content_lang(obj: object, field: str) -> str:
    shown = content.shown_language(obj, field)
    return format_html(' lang="{}"', shown) if shown else ""


@register.simple_tag
def translated(obj: object, field: str) -> str:
    value = getattr(obj, field, "")
    shown = content.shown_language(obj, field)
    if shown is None:
        return format_html("{}", value)
    return format_html(
        '<span class="note translation-note">{}</span> <span lang="{}">{}</span>',
        content.fallback_note(shown),
        shown,
        value,
    )


@register.simple_tag
def lang_span(obj: object, field: str) -> str:
    """The text alone, in a ``<span lang>`` when it is a fallback: for a name inside a sentence
    (``{% lang_span assembly "title" as title %}{% blocktranslate with title=title %}…``)."""
    value = getattr(obj, field, "")
    shown = content.shown_language(obj, field)
    if shown is None:
        return format_html("{}", value)
    return format_html('<span lang="{}">{}</span>', shown, value)


@register.simple_tag(takes_context=True)
def decider(context: template.Context, written: str, platform: object = None) -> str:
    """A stored "decided by" (a body's name or "Secretariat", in the language it was recorded
    in) in the page's language: ``{% decider change.decided_by %}`` (the page's ``platform``)."""
    return content.decider(written, platform or context.get("platform"))


@register.filter
def language_name(code: str) -> str:
    return content.language_name(code)


@register.filter
def language_names(codes: str | list[str] | tuple[str, ...]) -> str:
    """ "az, en" (or a list of codes) → "Azerbaijani, English"; other words are left as written."""
    if isinstance(codes, str):
        codes = [c for c in re.split(r"[\s,;/]+", codes) if c]
    return ", ".join(content.language_name(c) for c in codes)
