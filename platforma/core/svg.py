"""Inline SVG that a strict Content-Security-Policy lets the browser draw.

matplotlib writes its SVG with a ``<style>`` element and ``style="fill: ...; stroke: ..."`` on
every shape. Inlined in a page served with ``style-src 'self'`` (no ``'unsafe-inline'``), the
browser ignores both: bars come out black, lines lose their colour and dashes. SVG says the same
thing with presentation attributes (``fill="#1f6f43"``), which are not styles and which the
policy does not touch. :func:`csp_safe_svg` rewrites the one into the other, so a chart stays
inline (it prints, it needs no request of its own) and looks the same under the policy.
"""

from __future__ import annotations

import html
import re

# SVG 1.1 presentation attributes (https://www.w3.org/TR/SVG11/propidx.html) that matplotlib's
# styles use or may use; a declaration outside this list has no attribute form and is dropped.
PRESENTATION_ATTRIBUTES = frozenset(
    {
        "alignment-baseline",
        "baseline-shift",
        "clip-path",
        "clip-rule",
        "color",
        "display",
        "dominant-baseline",
        "fill",
        "fill-opacity",
        "fill-rule",
        "font-family",
        "font-size",
        "font-stretch",
        "font-style",
        "font-variant",
        "font-weight",
        "letter-spacing",
        "marker-end",
        "marker-mid",
        "marker-start",
        "mask",
        "opacity",
        "overflow",
        "paint-order",
        "shape-rendering",
        "stop-color",
        "stop-opacity",
        "stroke",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "stroke-width",
        "text-anchor",
        "text-decoration",
        "visibility",
        "word-spacing",
        "writing-mode",
    }
)

_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_UNIVERSAL_RULE = re.compile(r"\*\s*\{([^}]*)\}")
_SVG_OPEN = re.compile(r"<svg\b")


def _declarations(css: str) -> list[tuple[str, str]]:
    pairs = []
    for part in html.unescape(css).split(";"):
        name, colon, value = part.partition(":")
        name, value = name.strip().lower(), value.strip()
        if colon and value and name in PRESENTATION_ATTRIBUTES:
            pairs.append((name, value))
    return pairs


def _attributes(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in pairs)


def csp_safe_svg(svg: str) -> str:
    """The same drawing with no ``<style>`` element and no ``style`` attribute.

    A ``*{...}`` rule (matplotlib's only one: round joins, butt caps) becomes attributes of the
    root ``<svg>``, which every shape inherits unless it says otherwise.
    """
    inherited: list[tuple[str, str]] = []
    for rules in _STYLE_ELEMENT.findall(svg):
        for body in _UNIVERSAL_RULE.findall(rules):
            inherited += _declarations(body)
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE_ATTRIBUTE.sub(lambda m: _attributes(_declarations(m.group(1))), svg)
    if inherited:
        svg = _SVG_OPEN.sub("<svg" + _attributes(inherited), svg, count=1)
    return svg
