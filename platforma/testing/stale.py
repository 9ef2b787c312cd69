"""Two tabs on one edit form, as a browser would fill them: the lost-update tests' helpers.

``edit_form(response)`` reads the edit form of a page (the one that carries ``seen_version``)
into what a browser would post: every input, checked box, selected option and textarea, with
their values as the page gave them. The tests change a field or two and post it back.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from django.test import Client

from platforma.core.office import VERSION_FIELD


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._text = ""
        self._select: str | None = None
        self._option: dict[str, str | None] | None = None
        self._option_text = ""
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self._in_form = True
            self.forms.append([])
            return
        if not self._in_form:
            return
        fields = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    fields.append((name, a.get("value") or "on"))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                fields.append((name, a.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""
        elif tag == "select" and name:
            self._select, self._options = name, []
            self._multiple = "multiple" in a
        elif tag == "option" and self._select is not None:
            self._option, self._option_text = a, ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data
        if self._option is not None:
            self._option_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea>.
            text = self._text[1:] if self._text.startswith("\n") else self._text
            self.forms[-1].append((self._textarea, text))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value = self._option.get("value")
            if value is None:
                value = self._option_text.strip()
            self._options.append((value, "selected" in self._option))
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected]
            if not chosen and self._options and not self._multiple:
                chosen = [self._options[0][0]]
            self.forms[-1].extend((self._select, v) for v in chosen)
            self._select = None


def edit_form(page: Any, having: dict[str, str] | None = None) -> dict[str, Any]:
    """The fields of ``page``'s edit form (the first one carrying a version, and the fields
    ``having`` says, where a page has several), as a browser posts them: one value, or a list
    where a name has several (check boxes, multiple selects)."""
    parser = _Forms()
    parser.feed(page.content.decode())
    for fields in parser.forms:
        names = [name for name, _value in fields]
        if any(name.endswith(VERSION_FIELD) for name in names) and all(
            pair in fields for pair in (having or {}).items()
        ):
            data: dict[str, Any] = {}
            for name, value in fields:
                if name not in data:
                    data[name] = value
                elif isinstance(data[name], list):
                    data[name].append(value)
                else:
                    data[name] = [data[name], value]
            return data
    raise AssertionError("The page has no edit form that carries a version")


def two_tabs(client: Client, url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The edit form read twice, as two tabs opened one after the other."""
    first = client.get(url)
    assert first.status_code == 200, first.status_code
    second = client.get(url)
    assert second.status_code == 200, second.status_code
    return edit_form(first), edit_form(second)


def assert_refused(page: Any, *, who: str, typed: str, saved: str) -> None:
    """The page refuses the save and shows both versions side by side."""
    html = page.content.decode()
    assert "since you opened it" in html, html
    assert f"was changed by {who} at" in html
    assert "What you typed" in html
    assert "What is saved now" in html
    assert f'<td class="stale-typed">{typed}</td>' in html, html
    assert f'<td class="stale-saved">{saved}</td>' in html, html
