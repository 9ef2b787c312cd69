"""Which language translated content falls back to: the platform's main language, then any.

Content people write is stored per language by django-modeltranslation (``name_en``,
``name_az`` ...). When the active language's value is empty, modeltranslation walks
``MODELTRANSLATION_FALLBACK_LANGUAGES``; config/settings.py sets it to a :class:`PlatformFallbacks`,
whose ``"default"`` chain is read at each lookup: the main language of the platform the request
is about (set per request by :class:`platforma.core.middleware.PlatformLanguage`, or by
:func:`platform_fallback` around work done outside a request), then every language in
``settings.LANGUAGES`` order. So an Azerbaijani page of a platform whose main language is Russian
shows the Russian text where the Azerbaijani is missing, and falls back to English only when
neither is filled.

This module is imported by the settings: nothing here may import Django's models at import
time.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass
class _Current:
    """The platform a request is about: its slug, and its main language once looked up."""

    slug: str | None = None
    language: str | None = None


_current: contextvars.ContextVar[_Current | None] = contextvars.ContextVar(
    "platforma_fallback_platform", default=None
)

CACHE_SECONDS = 300


def _cache_key(slug: str) -> str:
    return f"platforma:main-language:{slug}"


def main_language_of(slug: str) -> str | None:
    """The main language of the platform ``slug`` (None for no such platform), cached a while:
    pages ask it once per request; :meth:`Platform.save` sets it."""
    from django.core.cache import cache

    key = _cache_key(slug)
    language = cache.get(key)
    if language is None:
        from .models import Platform

        language = (
            Platform.objects.filter(slug=slug).values_list("main_language", flat=True).first() or ""
        )
        cache.set(key, language, CACHE_SECONDS)
    return language or None


def remember(slug: str, language: str) -> None:
    """``Platform.save()``: the platform's main language is this now (this process knows it at
    once, without a query; other processes within :data:`CACHE_SECONDS`)."""
    from django.core.cache import cache

    cache.set(_cache_key(slug), language, CACHE_SECONDS)


def loaded(slug: str, language: str) -> None:
    """A Platform row was read (``Platform.from_db``): when it is the one the request is about,
    its main language is known without another query."""
    current = _current.get()
    if current is not None and current.slug == slug and current.language is None:
        current.language = language or ""


def current_main_language() -> str | None:
    """The main language of the platform being shown, or None outside a platform's pages."""
    current = _current.get()
    if current is None:
        return None
    if current.language is None and current.slug:
        current.language = main_language_of(current.slug) or ""
    return current.language or None


@contextlib.contextmanager
def platform_fallback(platform: object | None) -> Iterator[None]:
    """Fall back to ``platform``'s main language (a Platform, or None for none) inside the block:
    for e-mails, PDFs and tests that render content outside a request about the platform."""
    slug = getattr(platform, "slug", None)
    token = _current.set(_Current(slug=slug, language=getattr(platform, "main_language", None)))
    try:
        yield
    finally:
        _current.reset(token)


def begin(slug: str | None = None) -> contextvars.Token[_Current | None]:
    """Start a request's fallback state (the middleware); :func:`end` with the token."""
    return _current.set(_Current(slug=slug))


def set_platform(slug: str | None) -> None:
    """The request turned out to be about platform ``slug`` (the URL's ``platform``)."""
    current = _current.get()
    if current is not None and current.slug != slug:
        current.slug, current.language = slug, None


def end(token: contextvars.Token[_Current | None]) -> None:
    _current.reset(token)


class PlatformFallbacks(dict[str, tuple[str, ...]]):
    """``MODELTRANSLATION_FALLBACK_LANGUAGES`` whose default chain follows the platform shown.

    modeltranslation reads ``FALLBACK_LANGUAGES["default"]`` (and ``.get(lang, ())``) at every
    lookup of a translated field (``modeltranslation.utils.resolution_order``); this dict
    answers the default chain from the current platform. Its stored items (every language) are
    what modeltranslation's settings check at start-up. platforma/core/tests/
    test_content_fallback.py fails if a new modeltranslation stops reading it this way.
    """

    def __init__(self, languages: Iterable[str]) -> None:
        self.languages = tuple(languages)
        super().__init__({"default": self.languages})

    def chain(self) -> tuple[str, ...]:
        main = current_main_language()
        if main is None:
            return self.languages
        return (main, *(code for code in self.languages if code != main))

    def __getitem__(self, key: str) -> tuple[str, ...]:
        if key == "default":
            return self.chain()
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if key == "default":
            return self.chain()
        return super().get(key, default)
