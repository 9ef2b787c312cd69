"""Import stakeholders from CSV or XLSX: every row checked first, nothing written on error."""

from typing import IO, cast

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from platforma.core.models import Platform
from platforma.publications import services
from platforma.publications.importing import COLUMNS, read_rows, validate_rows


class Command(BaseCommand):
    help = (
        "Import stakeholders of a platform from a .csv or .xlsx file. Columns: "
        + ", ".join(COLUMNS)
        + ". A row with the name and e-mail of a registered stakeholder updates it."
        " Every row is checked first; on any error nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("platform", help="The platform's slug, e.g. azerbaijan.")
        parser.add_argument("file", help="Path to a .csv (UTF-8) or .xlsx file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and write nothing."
        )

    def handle(self, *args, platform, file, dry_run=False, **options):
        try:
            platform_obj = Platform.objects.get(slug=platform)
        except Platform.DoesNotExist:
            raise CommandError(f"No platform “{platform}”.") from None
        try:
            rows = read_rows(file)
        except (OSError, ValidationError) as exc:
            raise CommandError(_message(exc)) from exc
        # The command's stdout writes text like a file; the stubs type it as a TextIOBase only.
        stdout = cast(IO[str], self.stdout)
        console = Console(file=stdout, force_terminal=False, soft_wrap=True)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("Checking rows", total=len(rows))
            _cleaned, errors = validate_rows(
                platform_obj, rows, progress=lambda n: progress.advance(task, n)
            )
            if errors:
                progress.stop()
                for error in errors:
                    self.stderr.write(error)
                raise CommandError(
                    f"{len(errors)} of {len(rows)} rows have errors; nothing was imported."
                )
            if dry_run:
                progress.stop()
                self.stdout.write(f"All {len(rows)} rows are valid; nothing written (dry run).")
                return
            write = progress.add_task("Importing", total=len(rows))
            try:
                result = services.stakeholders_import(
                    actor=None,
                    actor_label=f"command: import_stakeholders {file}",
                    platform=platform_obj,
                    rows=rows,
                    progress=lambda n: progress.advance(write, n),
                )
            except ValidationError as exc:
                raise CommandError(_message(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(result.created)} stakeholders; updated {len(result.updated)}, "
                f"unchanged {result.unchanged}."
            )
        )


def _message(exc) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return str(exc)
