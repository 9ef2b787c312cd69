"""No interface string is left in English on an Azerbaijani or Russian page.

Every page of the permission matrix (its public pages as a visitor, its office pages as the
platform's secretariat) is rendered in each language but English, with the demo data; the
visible text (and the text of ``alt``, ``title``, ``aria-label`` and ``placeholder``) must
contain no distinctive English msgid of the catalogue whose translation differs from it. Text
inside an element whose ``lang`` is not the page's is skipped: that is content shown in another
language on purpose, under the note that says so (``{% translation_note %}``), or names and
records kept as written (an e-mail as sent, in its recipient's language).
"""

from __future__ import annotations

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from platforma.testing.matrix import OK, expected_of

from .test_permission_matrix import MATRIX, as_role, world  # noqa: F401 - the walk's world

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
# Not interface text: code, and what people typed into a form (each language's own field).
# The document's <title> is skipped too: it cannot mark a name shown in another language, and
# the strings of the interface in it are also in the page's heading, which is read.
SKIPPED_ELEMENTS = {"script", "style", "template", "code", "pre", "kbd", "samp", "textarea",
                    "title"}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
PLACEHOLDER = re.compile(r"%(\([^)]*\))?[-#0 +]*\d*(\.\d+)?[sdif%]|\{[^}]*\}")


def distinctive_msgids(lang: str) -> set[str]:
    """The catalogue's msgids that cannot be mistaken for words of ``lang``: translated to
    something else, at least two words and twelve characters (each literal part of a msgid
    with placeholders counts), and not found in any of the language's own translations (names
    kept as written, e.g. “Platforma”)."""
    with open(LOCALE / lang / "LC_MESSAGES" / "django.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    translations = " ".join(str(v) for v in catalogue.values())
    found: set[str] = set()
    for key, value in catalogue.items():
        if not isinstance(key, str) or not key or key == value:
            continue
        msgid = key.split("\x04", 1)[-1]
        for part in PLACEHOLDER.split(msgid):
            part = " ".join((part or "").split()).strip(" :;,.·—–-()“”\"'")
            if len(part) >= 12 and len(part.split()) >= 2 and part not in translations:
                found.add(part)
    return found


class VisibleText(HTMLParser):
    """The text a reader sees (and hears), without what is marked as in another language."""

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden: skipped or in another language)
        self.parts: list[str] = []

    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = (values.get("lang") or "").split("-")[0]
        hidden = (
            self.hidden()
            or tag in SKIPPED_ELEMENTS
            or (bool(lang) and lang != self.page_lang and tag != "html")
        )
        if not hidden:
            self.parts.extend(values[a] or "" for a in ATTRIBUTES if values.get(a))
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self.hidden():
            self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def visible_text(html: str, lang: str) -> str:
    parser = VisibleText(lang)
    parser.feed(html)
    parser.close()
    return parser.text()


def english_left(text: str, msgids: set[str]) -> list[str]:
    return sorted(
        m for m in msgids if m in text and re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text)
    )


def pages(data):
    """(url name, url, role) of every HTML page of the matrix: a visitor's view of public
    pages, the secretariat's of the others."""
    for name, (build, expected) in sorted(MATRIX.items()):
        if expected_of(expected, "anonymous") == OK:
            role = "anonymous"
        elif expected_of(expected, "secretariat") == OK:
            role = "secretariat"
        else:
            continue
        try:
            url = reverse(name, args=build(data))
        except (NoReverseMatch, KeyError, AttributeError):
            continue
        yield name, url, role


def test_the_visible_text_helper_skips_scripts_and_other_languages():
    html = (
        '<html lang="az"><title>Board of Governance</title><h1>Başlıq</h1>'
        '<script>var x = "Not translated";</script>'
        '<p>Salam <img alt="Board of Governance"></p>'
        '<div lang="en"><p>Shown in English on purpose</p></div><p>son</p></html>'
    )
    text = visible_text(html, "az")
    assert text == "Başlıq Salam Board of Governance son"
    assert english_left(text, {"Board of Governance", "Shown in English"}) == [
        "Board of Governance"
    ]


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_no_english_left_on_pages(client, world, lang):  # noqa: F811 - the imported fixture
    users, data = world
    msgids = distinctive_msgids(lang)
    assert len(msgids) > 500, "the catalogue's msgids were not read"
    found: dict[str, list[str]] = {}
    walked = 0
    with translation.override("en"):  # objects the rows make are made in English, as written
        walk = list(pages(data))
    for name, _url, role in walk:
        with translation.override(lang):
            url = reverse(name, args=MATRIX[name][0](data))
        as_role(client, users, role)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        walked += 1
        left = english_left(visible_text(response.content.decode(), lang), msgids)
        if left:
            found[f"{name} ({url})"] = left
    assert walked > 40, walked
    assert found == {}, "\n".join(f"{page}: {left}" for page, left in found.items())
