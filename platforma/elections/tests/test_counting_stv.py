"""STV: worked examples from published descriptions, then each rule on its own."""

from fractions import Fraction

import pytest

from platforma.elections.counting import Result, stv


def ballots(*groups):
    """Ballots from (count, "A>B>C") pairs; "" is a blank ballot."""
    return [
        tuple(ranking.split(">")) if ranking else ()
        for count, ranking in groups
        for _ in range(count)
    ]


def conserved(result: Result) -> bool:
    return all(
        sum(one_round.tallies.values()) + one_round.exhausted == result.valid
        for one_round in result.rounds
    )


# The "food election" of Wikipedia's Single transferable vote article (revision with five
# foods and 20 guests, Droop quota): Chocolate, Oranges and Strawberries win. The Oranges
# voters' second preference is never consulted: Oranges end exactly on the quota.
FOOD = ballots(
    (4, "Oranges>Pears"),
    (2, "Pears>Oranges"),
    (8, "Chocolate>Strawberries"),
    (4, "Chocolate>Sweets"),
    (1, "Strawberries"),
    (1, "Sweets"),
)


def test_food_election_from_wikipedia():
    result = stv(FOOD, seats=3)

    assert result.quota == 6  # floor(20 / 4) + 1
    assert result.elected == ("Chocolate", "Oranges", "Strawberries")
    first, second, third, fourth = result.rounds
    assert first.tallies == {
        "Chocolate": 12,
        "Oranges": 4,
        "Pears": 2,
        "Strawberries": 1,
        "Sweets": 1,
    }
    assert first.elected == ("Chocolate",)
    (surplus,) = first.transfers
    assert (surplus.source, surplus.reason, surplus.value) == (
        "Chocolate",
        "surplus",
        Fraction(1, 2),
    )
    assert surplus.received == {"Strawberries": 4, "Sweets": 2}
    assert second.tallies["Strawberries"] == 5
    assert second.tallies["Sweets"] == 3
    assert second.excluded == ("Pears",)
    assert third.tallies["Oranges"] == 6
    assert third.elected == ("Oranges",)
    assert third.excluded == ("Sweets",)
    assert third.transfers[0].exhausted == 3
    assert fourth.elected == ("Strawberries",)
    assert fourth.exhausted == 3
    assert conserved(result)


def test_counting_single_transferable_votes_example_from_wikipedia():
    # Two seats, 57 voters: Andrea's surplus of 20 splits 12 to Carter and 8 to Brad; Brad is
    # excluded and his votes take Carter exactly to the quota of 20.
    result = stv(
        ballots((16, "Andrea>Brad>Carter"), (24, "Andrea>Carter"), (17, "Delilah")), seats=2
    )

    assert result.quota == 20
    assert result.rounds[0].transfers[0].received == {"Brad": 8, "Carter": 12}
    assert result.rounds[1].excluded == ("Brad",)
    assert result.rounds[2].tallies["Carter"] == 20
    assert result.elected == ("Andrea", "Carter")


def test_surplus_moves_every_ballot_at_surplus_over_votes():
    # 9 ballots, 2 seats: quota 4. A has 7, a surplus of 3, so each of A's 7 ballots moves on
    # at 3/7 (weighted inclusive Gregory), not just the last 3 received.
    result = stv(ballots((5, "A>B"), (2, "A>C"), (1, "B"), (1, "C")), seats=2)

    transfer = result.rounds[0].transfers[0]
    assert transfer.value == Fraction(3, 7)
    assert transfer.received == {"B": Fraction(15, 7), "C": Fraction(6, 7)}
    assert result.rounds[1].tallies["A"] == 4
    assert conserved(result)


def test_exhausted_ballots_of_a_surplus_are_lost_not_redistributed():
    result = stv(ballots((6, "A"), (2, "A>B"), (3, "B"), (3, "C")), seats=2)

    transfer = result.rounds[0].transfers[0]
    # quota floor(14/3)+1 = 5, A has 8, value 3/8: 6 ballots exhaust, 2 go to B.
    assert transfer.value == Fraction(3, 8)
    assert transfer.exhausted == Fraction(18, 8)
    assert transfer.received == {"B": Fraction(6, 8)}
    assert conserved(result)


def test_largest_surplus_is_transferred_first():
    result = stv(
        ballots((9, "A>C"), (7, "B>D"), (1, "C"), (1, "D"), (2, "E")), seats=3
    )  # quota 6: A surplus 3, B surplus 1

    assert result.rounds[0].elected == ("A", "B")
    assert result.rounds[0].transfers[0].source == "A"
    assert result.rounds[1].transfers[0].source == "B"


def test_equal_surpluses_move_in_the_order_the_tie_break_gives():
    result = stv(ballots((7, "A>C"), (7, "B>D"), (2, "C"), (2, "D"), (2, "E")), seats=3)

    tie = result.tie_breaks[0]
    assert (tie.purpose, tie.candidates, tie.rule) == (
        "order of surplus transfers",
        ("A", "B"),
        "lot",
    )
    assert result.rounds[0].elected[0] == tie.chosen
    assert result.rounds[0].transfers[0].source == tie.chosen


def test_candidate_reaching_quota_by_transfer_is_elected_in_the_next_round():
    # 20 ballots, 2 seats: quota 7. A's surplus of 3 takes B from 4 to exactly 7.
    result = stv(ballots((10, "A>B"), (4, "B"), (4, "C"), (2, "D")), seats=2)

    assert result.rounds[0].elected == ("A",)
    assert result.rounds[1].tallies["B"] == 7
    assert result.rounds[1].elected == ("B",)
    assert result.rounds[1].note == "All seats are filled."
    assert result.elected == ("A", "B")


def test_remaining_candidates_fill_remaining_seats():
    result = stv(ballots((3, "A"), (2, "B"), (1, "C")), seats=2)

    # quota 3: A elected, then B and C cannot both stay: C excluded, B alone fills the seat.
    assert result.elected == ("A", "B")
    assert result.rounds[-1].note == "The continuing candidates fill the remaining seats."


def test_fewer_candidates_than_seats_elects_them_all_and_says_so():
    result = stv(ballots((3, "A>B"), (1, "B")), seats=3)

    assert set(result.elected) == {"A", "B"}
    assert "1 seat(s) stay empty" in result.rounds[-1].note


def test_exclusion_tie_is_broken_by_the_latest_earlier_round_that_differs():
    # Round 1: C 2, D 3 (E 1 is excluded). E's ballot goes to C, so in round 2 C and D tie at
    # 3; round 1 had C below D, so C is excluded.
    result = stv(ballots((5, "A"), (5, "B"), (2, "C"), (3, "D"), (1, "E>C")), seats=2)

    assert result.rounds[0].excluded == ("E",)
    assert result.rounds[1].tallies["C"] == result.rounds[1].tallies["D"] == 3
    assert result.rounds[1].excluded == ("C",)
    (tie,) = result.tie_breaks
    assert (tie.rule, tie.earlier_round, tie.chosen) == ("earlier round", 1, "C")
    assert result.seed is None  # no lot was drawn


def test_tie_with_no_earlier_difference_is_drawn_by_lot_with_the_seed_recorded():
    votes = ballots((4, "A"), (2, "B"), (2, "C"))
    result = stv(votes, seats=1)

    (tie,) = result.tie_breaks
    assert tie.rule == "lot"
    assert tie.candidates == ("B", "C")
    assert result.seed is not None
    assert stv(votes, seats=1, seed=result.seed) == result
    assert stv(list(reversed(votes)), seats=1) == result  # the derived seed ignores order


def test_an_explicit_seed_decides_the_lot():
    votes = ballots((1, "A"), (1, "B"), (1, "C"), (1, "D"))
    excluded_first = {stv(votes, seats=1, seed=seed).rounds[0].excluded for seed in range(20)}

    assert len(excluded_first) > 1


def test_blank_and_invalid_ballots_are_counted_not_dropped():
    result = stv([("A",), ("A",), (), ("Zed", "A"), ("B",)], seats=1, candidates=["A", "B", "C"])

    assert (result.valid, result.blank, result.invalid) == (3, 1, 1)
    assert result.quota == 2
    assert result.rounds[0].tallies == {"A": 2, "B": 1, "C": 0}
    assert result.elected == ("A",)


def test_no_valid_ballots_elects_nobody():
    result = stv([(), ()], seats=2, candidates=["A", "B"])

    assert result.elected == ()
    assert result.blank == 2
    assert "No valid ballots" in result.rounds[0].note


def test_a_repeated_name_is_skipped_when_the_ballot_reaches_it_again():
    result = stv(ballots((3, "A>B>A>C"), (1, "C"), (2, "B")), seats=1)

    assert conserved(result)
    assert result.elected == ("A",)


def test_seats_must_be_positive():
    with pytest.raises(ValueError, match="seats"):
        stv(FOOD, seats=0)
