from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from platforma.core.models import Platform
from platforma.members.services import members_import
from platforma.members.services.imports import read_table


class Command(BaseCommand):
    help = (
        "Import organisations and memberships from a CSV (UTF-8) or XLSX file. Every row is "
        "checked first; on any error nothing is written. See docs/members.md for the columns."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--platform", required=True, help="The platform's slug.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )

    def handle(self, *args, file: Path, platform: str, dry_run: bool, **options):
        try:
            target = Platform.objects.get(slug=platform)
        except Platform.DoesNotExist:
            raise CommandError(f"No platform with the slug “{platform}”.", returncode=2) from None
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}", returncode=2) from None
        rows, _errors = read_table(content, file.name)
        with Progress(transient=True) as progress:
            task = progress.add_task("Importing", total=sum(1 for r in rows if r is not None))
            report = members_import(
                actor=None,
                actor_label=f"command: import_members {file.name}",
                platform=target,
                content=content,
                filename=file.name,
                dry_run=dry_run,
                progress=lambda n: progress.advance(task, n),
            )
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(report.errors)} problem(s) found; nothing was imported.", returncode=2
            )
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {report.rows} row(s): {report.created} new organisation(s), "
                f"{report.joined} known organisation(s) admitted, {report.matched} already "
                f"member(s) left as they are."
            )
        )
