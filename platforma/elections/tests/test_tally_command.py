"""``manage.py tally`` and the BALLOTS.csv contract it reads.

No test here has database access: pytest-django would fail any that touched it, and the
command must not.
"""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from platforma.elections.counting import BallotFileError, parse_ballot_file

FOOD_CSV = (
    "Oranges,Pears\n" * 4
    + "Pears,Oranges\n" * 2
    + "Chocolate,Strawberries\n" * 8
    + "Chocolate,Sweets\n" * 4
    + "Strawberries\n"
    + "Sweets\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "ballots.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


def tally(*args: str) -> str:
    out = io.StringIO()
    call_command("tally", *args, stdout=out)
    return out.getvalue()


class TestBallotFile:
    def test_one_ballot_per_line_and_an_empty_line_is_blank(self):
        assert parse_ballot_file(b"A,B\n\nC\n") == [("A", "B"), (), ("C",)]

    def test_crlf_byte_order_mark_and_spaces_around_names(self):
        assert parse_ballot_file(b"\xef\xbb\xbf A , B \r\nC\r\n") == [("A", "B"), ("C",)]

    def test_quoted_names_may_hold_commas(self):
        assert parse_ballot_file(b'"Smith, Anna",Bob\n') == [("Smith, Anna", "Bob")]

    def test_trailing_empty_cells_are_spreadsheet_padding(self):
        assert parse_ballot_file(b"A,B,,\n,,,\n") == [("A", "B"), ()]

    def test_no_final_newline_needed(self):
        assert parse_ballot_file(b"A\nB") == [("A",), ("B",)]

    @pytest.mark.parametrize(
        ("data", "line", "message"),
        [
            (b"A\nB\n\xff\xfe\n", 3, "not valid UTF-8"),
            (b"A\nB,C,B\n", 2, "'B' appears more than once"),
            (b"A,,B\n", 1, "empty name in cell 2"),
            (b"A\n,B\n", 2, "empty name in cell 1"),
            (b'A\n"B\n', 2, "cannot read the line as CSV"),
            (b"A\tB\n", 1, "control character"),
        ],
    )
    def test_malformed_files_name_the_line(self, data, line, message):
        with pytest.raises(BallotFileError, match=message) as caught:
            parse_ballot_file(data)

        assert caught.value.line == line
        assert str(caught.value).startswith(f"line {line}: ")


class TestCommand:
    def test_stv_json_has_the_documented_shape(self, tmp_path):
        path = write(tmp_path, FOOD_CSV + "\n")

        result = json.loads(tally("--method", "stv", "--seats", "3", "--format", "json", str(path)))

        assert {"method", "seats", "quota", "valid", "blank", "invalid", "elected", "rounds"} <= (
            result.keys()
        )
        assert result["method"] == "stv"
        assert result["quota"] == 6
        assert (result["valid"], result["blank"], result["invalid"]) == (20, 1, 0)
        assert result["elected"] == ["Chocolate", "Oranges", "Strawberries"]
        first = result["rounds"][0]
        assert first["tallies"]["Chocolate"] == "12"
        assert first["transfers"][0]["value"] == "1/2"

    def test_text_is_a_round_table(self, tmp_path):
        path = write(tmp_path, FOOD_CSV)

        text = tally("--method", "stv", "--seats", "3", str(path))

        assert "Round 1" in text
        assert "Round 4" in text
        assert "Quota: 6" in text
        assert "Elected: Chocolate, Oranges, Strawberries" in text

    def test_plurality_counts_an_overvote_as_invalid(self, tmp_path):
        path = write(tmp_path, "A\nA\nB\nA,B\n\n")

        result = json.loads(
            tally("--method", "plurality", "--seats", "1", "--format", "json", str(path))
        )

        assert (result["valid"], result["blank"], result["invalid"]) == (3, 1, 1)
        assert result["quota"] is None
        assert result["elected"] == ["A"]

    def test_two_round_says_who_goes_to_the_second_round(self, tmp_path):
        path = write(tmp_path, "A\n" * 4 + "B\n" * 3 + "C\n" * 2)

        result = json.loads(
            tally("--method", "two-round", "--seats", "1", "--format", "json", str(path))
        )

        assert result["elected"] == []
        assert result["second_round"] == ["A", "B"]

    def test_a_seed_makes_the_lot_repeatable(self, tmp_path):
        path = write(tmp_path, "A\nB\nC\nD\n")
        args = ("--method", "irv", "--seats", "1", "--format", "json", "--seed", "7", str(path))

        first, again = json.loads(tally(*args)), json.loads(tally(*args))

        assert first == again
        assert first["seed"] == 7
        assert first["tie_breaks"][0]["rule"] == "lot"

    def test_a_malformed_file_is_an_error_naming_the_line(self, tmp_path):
        path = write(tmp_path, "A,B\nB,,A\n")

        with pytest.raises(CommandError, match="line 2: empty name in cell 2") as caught:
            tally("--method", "stv", "--seats", "1", str(path))

        assert caught.value.returncode == 2

    def test_irv_is_for_one_seat(self, tmp_path):
        path = write(tmp_path, "A\n")

        with pytest.raises(CommandError, match="exactly one seat") as caught:
            tally("--method", "irv", "--seats", "2", str(path))

        assert caught.value.returncode == 2

    def test_a_missing_file_is_an_error(self, tmp_path):
        with pytest.raises(CommandError) as caught:
            tally("--method", "stv", "--seats", "1", str(tmp_path / "nowhere.csv"))

        assert caught.value.returncode == 2


class TestCommandLine:
    """The contract as tellers use it: a separate process, its streams and exit status."""

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", "tally", *args],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def test_json_on_stdout(self, tmp_path):
        path = write(tmp_path, FOOD_CSV)

        process = self.run("--method", "stv", "--seats", "3", "--format", "json", str(path))

        assert process.returncode == 0, process.stderr
        assert json.loads(process.stdout)["elected"] == ["Chocolate", "Oranges", "Strawberries"]

    def test_malformed_file_exits_2_with_nothing_on_stdout(self, tmp_path):
        path = write(tmp_path, "A,B\nA\nC,C\n")

        process = self.run("--method", "irv", "--seats", "1", "--format", "json", str(path))

        assert process.returncode == 2
        assert process.stdout == ""
        assert "line 3" in process.stderr
        assert "'C' appears more than once" in process.stderr
