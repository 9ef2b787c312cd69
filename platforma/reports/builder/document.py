"""The structured report: what the templates (HTML and PDF) and the tests read."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # columns aligned to the right

    @property
    def aligned_headers(self) -> list[tuple[str, bool]]:
        return [(h, i in self.numeric) for i, h in enumerate(self.headers)]

    @property
    def aligned_rows(self) -> list[list[tuple[str, bool]]]:
        return [[(c, i in self.numeric) for i, c in enumerate(row)] for row in self.rows]


@dataclass
class Chart:
    key: str
    title: str
    svg: str
    description: str = ""  # the chart's content in words, for screen readers and the index

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    empty_text: str = ""
    # The secretariat's edited text (kept apart from what is drafted from the records).
    narrative: str = ""

    @property
    def has_content(self) -> bool:
        return bool(self.paragraphs or self.items or self.tables or self.charts)

    @property
    def narrative_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.narrative.replace("\r\n", "\n").split("\n\n") if p.strip()]

    def text(self) -> str:
        """Everything the section says, as plain text (tests and search)."""
        parts = [*self.narrative_paragraphs, *self.paragraphs, *self.items]
        for table in self.tables:
            parts.append(table.caption)
            parts.extend(" | ".join(row) for row in table.rows)
        if not self.has_content:
            parts.append(self.empty_text)
        return "\n".join(parts)


@dataclass
class ReportDocument:
    title: str
    year: int
    language: str
    platform_name: str
    platform_slug: str  # "forum" for the Forum-wide report
    sections: list[Section]
    status: str = ""  # of the stored report, if any ("" for a report not yet drafted)
    generated_on: str = ""
    is_demo: bool = False
    # Where the platform's (the Forum's) audit record stood when the report was drafted: a
    # printed copy then shows any later rewrite of the record (docs/audit.md).
    record: tuple[int, str] = (0, "")  # (entries, head)

    @property
    def record_length(self) -> int:
        return self.record[0]

    @property
    def record_head(self) -> str:
        return self.record[1]

    @property
    def is_forum(self) -> bool:
        return self.platform_slug == "forum"

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def apply_narratives(self, narratives: dict[str, str]) -> None:
        for section in self.sections:
            section.narrative = narratives.get(section.key, "")

    def text(self) -> str:
        body = "\n\n".join(f"{s.title}\n{s.text()}" for s in self.sections)
        return f"{self.title}\n\n{body}"
