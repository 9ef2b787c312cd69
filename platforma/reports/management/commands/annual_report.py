"""python manage.py annual_report --platform SLUG --year YYYY --format {html,pdf}
--language {en,az,ru} --output FILE   (platform ``forum``: the Forum-wide report)"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from platforma.core.models import Platform
from platforma.reports.builder import FORUM_SLUG, forum_has_records, has_records
from platforma.reports.render import html_to_pdf, print_html, report_document


class Command(BaseCommand):
    help = "Write the annual report of a platform (or of the Forum) for a year as HTML or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--platform", required=True, help="slug, or “forum”")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", required=True, choices=["html", "pdf"])
        parser.add_argument(
            "--language", required=True, choices=[code for code, _name in settings.LANGUAGES]
        )
        parser.add_argument("--output", required=True, help="file to write")

    def handle(self, *args, platform, year, format, language, output, **options):
        if platform == FORUM_SLUG:
            owner = None
            found = forum_has_records(year)
            name = "the Forum"
        else:
            owner = Platform.objects.filter(slug=platform).first()
            if owner is None:
                known = ", ".join(Platform.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(
                    f"Unknown platform “{platform}” (known: {known}, or “forum”).", returncode=2
                )
            found = has_records(owner, year)
            name = owner.name
        if not found:
            raise CommandError(f"Nothing is recorded for {name} in {year}.", returncode=2)
        doc = report_document(owner, year, language=language)
        html = print_html(doc)
        path = Path(output)
        if format == "html":
            path.write_text(html, encoding="utf-8")
        else:
            path.write_bytes(html_to_pdf(html))
        self.stdout.write(f"Wrote {path} ({path.stat().st_size} bytes): {doc.title}")
