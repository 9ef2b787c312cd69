"""Properties every count must have, whatever the ballots (Hypothesis)."""

import csv
import io
import subprocess
import sys
from fractions import Fraction

from django.conf import settings as django_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from platforma.elections.counting import (
    approval,
    irv,
    parse_ballot_text,
    plurality,
    stv,
    two_round,
)

NAMES = ["Ann", "Bob", "Cem", "Dan", "Eva", "Fay"]

rankings = st.lists(st.sampled_from(NAMES), unique=True, max_size=len(NAMES)).map(tuple)
ballot_lists = st.lists(rankings, max_size=40)
seats = st.integers(min_value=1, max_value=4)

FAST = settings(max_examples=150, deadline=None)


def candidates_of(ballots):
    return {name for ballot in ballots for name in ballot}


@FAST
@given(ballot_lists, seats)
def test_stv_conserves_votes_exactly_in_every_round(ballots, number_of_seats):
    result = stv(ballots, seats=number_of_seats)

    for one_round in result.rounds:
        assert sum(one_round.tallies.values()) + one_round.exhausted == result.valid
        for transfer in one_round.transfers:
            moved = sum(transfer.received.values()) + transfer.exhausted
            assert moved == one_round.tallies[transfer.source] * transfer.value


@FAST
@given(ballot_lists)
def test_irv_conserves_votes_in_every_round(ballots):
    result = irv(ballots)

    for one_round in result.rounds:
        assert sum(one_round.tallies.values()) + one_round.exhausted == result.valid


@FAST
@given(ballot_lists, seats)
def test_stv_fills_exactly_the_seats_when_there_are_enough_candidates(ballots, number_of_seats):
    result = stv(ballots, seats=number_of_seats)

    if result.valid == 0:
        assert result.elected == ()
    else:
        assert len(result.elected) == min(number_of_seats, len(candidates_of(ballots)))
    assert len(set(result.elected)) == len(result.elected)


@FAST
@given(ballot_lists, seats)
def test_first_preferences_reaching_the_quota_elect_in_the_first_round(ballots, number_of_seats):
    result = stv(ballots, seats=number_of_seats)

    first = result.rounds[0]
    for name, votes in first.tallies.items():
        if result.valid and votes >= result.quota:
            assert name in first.elected


@FAST
@given(ballot_lists, seats, st.randoms(use_true_random=False))
def test_the_order_of_ballots_does_not_change_any_result(ballots, number_of_seats, random):
    shuffled = list(ballots)
    random.shuffle(shuffled)

    assert stv(shuffled, seats=number_of_seats) == stv(ballots, seats=number_of_seats)
    assert irv(shuffled) == irv(ballots)
    assert approval(shuffled, seats=number_of_seats) == approval(ballots, seats=number_of_seats)
    assert plurality(shuffled, seats=number_of_seats) == plurality(ballots, seats=number_of_seats)
    assert two_round(shuffled) == two_round(ballots)


@FAST
@given(ballot_lists)
def test_irv_winner_holds_a_majority_of_continuing_votes(ballots):
    result = irv(ballots)

    last = result.rounds[-1]
    if result.elected:
        (winner,) = result.elected
        continuing = sum(last.tallies.values())
        assert 2 * last.tallies[winner] > continuing or continuing == last.tallies[winner]


@FAST
@given(ballot_lists, seats)
def test_plurality_winners_have_at_least_the_votes_of_every_loser(ballots, number_of_seats):
    result = plurality(ballots, seats=number_of_seats)

    tallies = result.rounds[0].tallies
    losers = [votes for name, votes in tallies.items() if name not in result.elected]
    for winner in result.elected:
        assert all(tallies[winner] >= votes for votes in losers)
    assert result.valid + result.blank + result.invalid == len(ballots)


@FAST
@given(ballot_lists, seats)
def test_json_values_are_exact(ballots, number_of_seats):
    result = stv(ballots, seats=number_of_seats)

    for one_round, as_dict in zip(result.rounds, result.to_dict()["rounds"], strict=True):
        assert {name: Fraction(text) for name, text in as_dict["tallies"].items()} == dict(
            one_round.tallies
        )


@FAST
@given(ballot_lists)
def test_a_ballot_file_reads_back_the_ballots_written_to_it(ballots):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(ballots)

    assert parse_ballot_text(buffer.getvalue()) == ballots


def test_counting_imports_no_django():
    code = (
        "import sys; import platforma.elections.counting; "
        "sys.exit(any(name.split('.')[0] == 'django' for name in sys.modules))"
    )
    process = subprocess.run(
        [sys.executable, "-c", code], cwd=django_settings.BASE_DIR, check=False, timeout=60
    )

    assert process.returncode == 0
