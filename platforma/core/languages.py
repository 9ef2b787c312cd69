"""The site's languages, from the one list in ``settings.LANGUAGES``.

Adding a language is adding it there (and a catalogue under locale/, see docs/translations.md);
every list of translated fields (``title_en``, ``title_az`` ...) is derived from it here.
"""

from __future__ import annotations

from django.conf import settings


def codes() -> tuple[str, ...]:
    """The language codes, in the order of ``settings.LANGUAGES`` (the default first)."""
    return tuple(code for code, _name in settings.LANGUAGES)
