"""The result as people read it: names instead of keys, a round table, a chart, a PDF."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from platforma.core.pdf import html_to_pdf
from platforma.core.svg import csp_safe_svg


def _number(text: str) -> Fraction:
    return Fraction(text)


def shown(value: Fraction) -> str:
    """Whole numbers as they are; fractions with two decimals (the exact value is on the board)."""
    if value.denominator == 1:
        return number_format(value.numerator)
    return number_format(float(value), decimal_pos=2)


@dataclass
class ResultTable:
    names: dict[str, str]
    candidates: list[str]
    rounds: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    elected: list[str]
    result: dict[str, Any]


def result_table(board: dict[str, Any], names: dict[str, str] | None = None) -> ResultTable:
    """Rows per candidate (votes in each round, marked elected/excluded) from the board.

    ``names`` may give the candidates' names in the active language (the board keeps the
    names as they were at closing).
    """
    result = board["result"]
    names = {c["key"]: c["name"] for c in board["election"]["candidates"]} | (names or {})
    rounds = result["rounds"]
    candidates = sorted(
        names,
        key=lambda key: (
            key not in result["elected"],
            result["elected"].index(key) if key in result["elected"] else 0,
            names[key],
        ),
    )
    rows = []
    for key in candidates:
        cells = []
        for one_round in rounds:
            votes = _number(one_round["tallies"].get(key, "0"))
            mark = (
                "elected"
                if key in one_round["elected"]
                else "excluded"
                if key in one_round["excluded"]
                else ""
            )
            cells.append({"votes": shown(votes), "mark": mark})
        rows.append(
            {"key": key, "name": names[key], "cells": cells, "elected": key in result["elected"]}
        )
    return ResultTable(
        names=names,
        candidates=candidates,
        rounds=[
            {
                "number": r["number"],
                "exhausted": shown(_number(r["exhausted"])),
                "note": r["note"],
                "transfers": [
                    {
                        "from": names.get(t["from"], t["from"]),
                        "reason": t["reason"],
                        "value": shown(_number(t["value"])),
                    }
                    for t in r["transfers"]
                ],
            }
            for r in rounds
        ],
        rows=rows,
        elected=[names.get(key, key) for key in result["elected"]],
        result=result,
    )


def rounds_chart_svg(table: ResultTable, *, title: str = "") -> str:
    """The votes of each candidate in each round as an inline SVG (matplotlib, no JavaScript).

    One round: horizontal bars. Several: one line per candidate across the rounds.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rounds = table.result["rounds"]
    figure = Figure(figsize=(7.5, max(2.2, 0.45 * len(table.candidates) + 1.2)))
    axes = figure.add_subplot()
    labels = [table.names[key] for key in table.candidates]
    if len(rounds) == 1:
        votes = [float(_number(rounds[0]["tallies"].get(key, "0"))) for key in table.candidates]
        colours = [
            "#1f6f43" if key in table.result["elected"] else "#9aa5b1" for key in table.candidates
        ]
        axes.barh(labels[::-1], votes[::-1], color=colours[::-1])
        for y, value in enumerate(votes[::-1]):
            axes.text(value, y, f" {value:g}", va="center", fontsize=9)
        axes.set_xlabel(_("votes"))
    else:
        numbers = [r["number"] for r in rounds]
        for key, label in zip(table.candidates, labels, strict=True):
            series = [float(_number(r["tallies"].get(key, "0"))) for r in rounds]
            style = "-" if key in table.result["elected"] else "--"
            axes.plot(numbers, series, style, marker="o", label=label)
        if table.result.get("quota"):
            axes.axhline(table.result["quota"], color="#b03030", linewidth=1, label=_("quota"))
        axes.set_xticks(numbers)
        axes.set_xlabel(_("round"))
        axes.set_ylabel(_("votes"))
        axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    if title:
        axes.set_title(title, fontsize=10)
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    # matplotlib's <metadata> is an RDF block that is not valid HTML once inlined.
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", buffer.getvalue(), flags=re.S)
    # Inlined in the page: styles become presentation attributes, which the CSP allows.
    return csp_safe_svg(svg[svg.index("<svg") :])


def result_pdf_bytes(context: dict[str, Any]) -> bytes:
    html = render_to_string("elections/result_print.html", context)
    return html_to_pdf(html)
