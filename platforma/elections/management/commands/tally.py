"""``manage.py tally``: count a ballot file, for tellers and auditors.

    python manage.py tally --method {plurality,approval,two-round,irv,stv} --seats N
        [--format text|json] [--seed S] BALLOTS.csv

The file format and the JSON shape are documented in docs/counting.md. Any error (a
malformed file, an unreadable file, seats a method cannot fill) prints a message on stderr,
nothing on stdout, and exits with status 2. The command reads no database.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.elections.counting import (
    METHODS,
    BallotFileError,
    count,
    parse_ballot_file,
    render_text,
)

INPUT_ERROR = 2


def number_of_seats(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


class Command(BaseCommand):
    help = "Count the ballots of a CSV file and print the result with its round-by-round trace."
    # Counting needs neither the database nor the system checks, and must run without them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--method", required=True, choices=METHODS)
        parser.add_argument("--seats", required=True, type=number_of_seats, metavar="N")
        parser.add_argument("--format", default="text", choices=("text", "json"))
        parser.add_argument(
            "--seed",
            type=int,
            default=None,
            help="seed of the lots that break ties; by default derived from the ballots",
        )
        parser.add_argument("ballots", metavar="BALLOTS.csv", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["ballots"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}", returncode=INPUT_ERROR) from None
        try:
            ballots = parse_ballot_file(data)
        except BallotFileError as error:
            raise CommandError(f"{path}: {error}", returncode=INPUT_ERROR) from None
        try:
            result = count(options["method"], ballots, seats=options["seats"], seed=options["seed"])
        except ValueError as error:
            raise CommandError(str(error), returncode=INPUT_ERROR) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(result), ending="")
