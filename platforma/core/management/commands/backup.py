"""``manage.py backup --output FILE``: one archive with the database, the uploads and the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat

from platforma.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz, mode 0600) holding a consistent copy of the database "
        "(portable rows and the engine's own copy), every uploaded file, the secret key and a "
        "manifest with checksums. It holds private data and the secret key: keep it safe."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", "-o", type=Path, required=True, metavar="FILE", help="the archive to write"
        )
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = create_backup(options["output"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backup written to {report.path} ({filesizeformat(report.size)}, "
            f"{report.size} bytes, mode 0600): {report.engine} database, {report.tables} tables, "
            f"{report.rows} rows, {report.files} files, in {report.seconds:.1f} s. "
            "It holds private data and the secret key."
        )
