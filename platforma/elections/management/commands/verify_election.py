"""``manage.py verify_election ID [--file board.json]``: check an election's bulletin board.

Rebuilds the board from the ballots and voter records in the database and compares it, entry
by entry, with the board frozen at closing; checks every ballot hash, the hash chain, that as
many organisations voted as there are ballots, and recounts the result. With ``--file``, does
the same for a published board.json (and compares it with the frozen board). Exit status 0
when everything verifies, 1 when a problem is found (each one named on stderr), 2 on bad input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.elections.bulletin import candidate_names, verify
from platforma.elections.models import Election


class Command(BaseCommand):
    help = "Verify an election's bulletin board: hashes, chain, turnout and the recount."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("election", type=int, metavar="ID")
        parser.add_argument("--file", type=Path, default=None, help="a published board.json")

    def handle(self, *args: Any, **options: Any) -> None:
        election = (
            Election.objects.select_related("platform").filter(pk=options["election"]).first()
        )
        if election is None:
            raise CommandError(f"no election with id {options['election']}", returncode=2)
        file_board = None
        if options["file"] is not None:
            try:
                file_board = json.loads(options["file"].read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise CommandError(f"{options['file']}: {error}", returncode=2) from None
        problems = verify(election, file_board)
        if problems:
            for problem in problems:
                self.stderr.write(f"FAILED: {problem}")
            raise CommandError(
                f"election {election.pk} does not verify: {len(problems)} problem(s)",
                returncode=1,
            )
        board = election.board
        assert board is not None  # verify() found no problem: the election has its board
        self.stdout.write(
            f"election {election.pk} verifies: {board['ballots']} ballots, "
            f"{board['voters']} voters, chain head {board['head']}, "
            f"elected {candidate_names(board, board['result']['elected'])}"
            + (f"; file {options['file']} matches" if file_board is not None else "")
        )
