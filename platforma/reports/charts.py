"""Small, printable charts as SVG (matplotlib, Agg): inlined in the page and the PDF.

Text is drawn as outlines with DejaVu Sans, which has the Azerbaijani and Cyrillic letters, so
a chart looks the same in a browser and in WeasyPrint with no font to find.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

INK = "#1d3557"
ACCENT = "#2a7f62"
MUTED = "#9aa5b1"
PALETTE = ["#1d3557", "#2a7f62", "#e09f3e", "#9e2a2b", "#5f0f40", "#457b9d", "#6c757d"]
WIDTH = 6.3  # inches: the text width of an A4 page with its margins
RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "platforma-reports",  # the same chart gives the same SVG
}


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _axes(height: float):
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(WIDTH, height))
        axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def bars(labels: list[str], values: list[int], *, ylabel: str = "", colour: str = INK) -> str:
    """Vertical bars with their values on top (activities per month)."""
    if not any(values):
        return ""
    with matplotlib.rc_context(RC):
        figure, axes = _axes(2.4)
        positions = range(len(labels))
        axes.bar(positions, values, color=colour, width=0.7)
        axes.set_xticks(list(positions), labels)
        axes.set_ylabel(ylabel)
        axes.yaxis.get_major_locator().set_params(integer=True)
        for x, value in zip(positions, values, strict=True):
            if value:
                axes.text(x, value, str(value), ha="center", va="bottom", fontsize=7)
        figure.tight_layout()
        return _svg(figure)


def horizontal_bars(labels: list[str], values: list[int], *, xlabel: str = "") -> str:
    """One bar per label, longest first (participants by WG, recipients by category)."""
    pairs = [(lab, v) for lab, v in zip(labels, values, strict=True) if v]
    if not pairs:
        return ""
    pairs.sort(key=lambda p: p[1])
    with matplotlib.rc_context(RC):
        figure, axes = _axes(max(1.4, 0.32 * len(pairs) + 0.8))
        names = [_short(lab) for lab, _ in pairs]
        numbers = [v for _, v in pairs]
        axes.barh(range(len(pairs)), numbers, color=ACCENT, height=0.6)
        axes.set_yticks(range(len(pairs)), names)
        axes.set_xlabel(xlabel)
        axes.xaxis.get_major_locator().set_params(integer=True)
        for y, value in enumerate(numbers):
            axes.text(value, y, f" {value}", va="center", fontsize=7)
        figure.tight_layout()
        return _svg(figure)


def lines(years: list[int], series: dict[str, list[int]], *, ylabel: str = "") -> str:
    """One line per series over the years (membership of one platform, or of each)."""
    if not years or not any(any(v) for v in series.values()):
        return ""
    with matplotlib.rc_context(RC):
        figure, axes = _axes(2.4)
        for index, (name, values) in enumerate(series.items()):
            axes.plot(
                years,
                values,
                marker="o",
                markersize=3,
                color=PALETTE[index % len(PALETTE)],
                label=_short(name),
            )
        axes.set_xticks(years, [str(y) for y in years])
        axes.set_ylabel(ylabel)
        axes.set_ylim(bottom=0)
        axes.yaxis.get_major_locator().set_params(integer=True)
        if len(series) > 1:
            axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        elif years:
            axes.annotate(
                str(values[-1]),
                (years[-1], values[-1]),
                fontsize=7,
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
            )
        figure.tight_layout()
        return _svg(figure)


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
