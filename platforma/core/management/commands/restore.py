"""``manage.py restore FILE``: restore a ``manage.py backup`` archive into an empty installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an empty installation (a new "
        "database, migrated or not, and no uploaded files), from SQLite or PostgreSQL into "
        "either. A damaged or foreign archive, or a non-empty installation, is refused with "
        "nothing changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, metavar="FILE")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        def say(text: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(text)

        try:
            report = restore_backup(options["archive"], using=options["database"], say=say)
        except BackupError as error:
            raise CommandError(str(error)) from None
        for warning in report.warnings:
            self.stderr.write(self.style.ERROR(f"WARNING: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the {report.source_engine} backup of {report.created_at} into "
                f"{report.engine}: {report.tables} tables, {report.rows} rows, "
                f"{report.files} files"
                + (
                    f", then {report.migrated_after} newer migrations"
                    if report.migrated_after
                    else ""
                )
                + f", in {report.seconds:.1f} s."
            )
        )
