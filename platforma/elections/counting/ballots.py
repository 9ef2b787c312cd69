"""Reading a ballot file (the BALLOTS.csv contract of ``manage.py tally``).

The file is UTF-8 (a leading byte-order mark is ignored), has no header and holds one ballot
per line; lines end in LF or CRLF. The cells of a line are candidate names, in order of
preference for irv and stv. Cells follow CSV quoting, so a name holding a comma is written
``"Smith, Anna"``; spaces around a name are ignored.

What the parser decides, for every method alike:

- blank ballot: an empty line, a line of spaces, or a line whose cells are all empty
  (``,,,`` as a spreadsheet writes an empty row). Counted as blank, never dropped.
- ballot: the names of a line. Empty cells at the end of a line are spreadsheet padding and
  are ignored (``Anna,Boris,,`` is ``Anna,Boris``).
- malformed file (``BallotFileError``, naming the line; nothing is counted): bytes that are
  not UTF-8; an empty cell before a name (``,Anna`` or ``Anna,,Boris``: a skipped preference
  cannot be read either way); a name repeated on one ballot; a control character in a name;
  broken quoting.

Whether a well-formed ballot is *valid* depends on the method and is decided by the counting
functions (e.g. two names on a plurality ballot for one seat make an invalid ballot, counted
as invalid).
"""

from __future__ import annotations

import csv
import re

Ballot = tuple[str, ...]

BYTE_ORDER_MARK = "\ufeff"
# Unicode category Cc: C0 controls, DEL and C1 controls (tab and carriage return included).
CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")


class BallotFileError(ValueError):
    """A ballot file that cannot be counted; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def parse_ballot_file(data: bytes) -> list[Ballot]:
    """The ballots of a file's bytes, in file order; a blank ballot is ``()``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BallotFileError(line, "the file is not valid UTF-8") from None
    return parse_ballot_text(text)


def parse_ballot_text(text: str) -> list[Ballot]:
    """The ballots of decoded text, in order; a blank ballot is ``()``."""
    text = text.removeprefix(BYTE_ORDER_MARK)
    lines = text.split("\n")
    if lines[-1] == "":
        # The newline that ends the last line does not start another ballot.
        lines.pop()
    return [
        parse_ballot_line(line.removesuffix("\r"), number) for number, line in enumerate(lines, 1)
    ]


def parse_ballot_line(line: str, number: int) -> Ballot:
    """The names on one line, checked; ``number`` is used in error messages."""
    if not line.strip():
        return ()
    names = [cell.strip() for cell in _cells(line, number)]
    while names and not names[-1]:
        names.pop()
    seen: set[str] = set()
    for position, name in enumerate(names, 1):
        if not name:
            raise BallotFileError(number, f"empty name in cell {position}")
        if name in seen:
            raise BallotFileError(number, f"{name!r} appears more than once on the ballot")
        seen.add(name)
    return tuple(names)


def _cells(line: str, number: int) -> list[str]:
    if CONTROL_CHARACTER.search(line):
        raise BallotFileError(number, "control character (tab, carriage return, ...) in the line")
    if '"' not in line:
        # Without quotes CSV is a plain split, and much faster on large files.
        return line.split(",")
    try:
        return next(csv.reader([line], strict=True))
    except csv.Error as error:
        raise BallotFileError(number, f"cannot read the line as CSV ({error})") from None
