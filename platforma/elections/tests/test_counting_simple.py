"""Plurality, block voting, approval and the first round of the two-round system."""

import pytest

from platforma.elections.counting import approval, count, plurality, two_round


def ballots(*groups):
    """Ballots from (count, "A,B") pairs; "" is a blank ballot."""
    return [
        tuple(names.split(",")) if names else () for number, names in groups for _ in range(number)
    ]


# The Tennessee example (Wikipedia): first preferences of the four groups of voters.
TENNESSEE_FIRST = ballots(
    (42, "Memphis"), (26, "Nashville"), (15, "Chattanooga"), (17, "Knoxville")
)


class TestPlurality:
    def test_most_votes_wins(self):
        result = plurality(TENNESSEE_FIRST)

        assert result.elected == ("Memphis",)
        assert result.rounds[0].tallies["Memphis"] == 42
        assert result.quota is None

    def test_two_names_for_one_seat_is_an_invalid_ballot(self):
        result = plurality(ballots((2, "A"), (1, "B"), (3, "B,C"), (1, "")))

        assert (result.valid, result.blank, result.invalid) == (3, 1, 3)
        assert result.rounds[0].tallies == {"A": 2, "B": 1, "C": 0}
        assert result.elected == ("A",)

    def test_block_voting_gives_one_vote_to_each_name_up_to_the_seats(self):
        result = plurality(ballots((3, "A,B"), (2, "C,B"), (1, "C"), (1, "A,B,C")), seats=2)

        assert result.rounds[0].tallies == {"A": 3, "B": 5, "C": 3}
        assert result.invalid == 1
        assert result.elected[0] == "B"
        (tie,) = result.tie_breaks
        assert (tie.purpose, tie.candidates, tie.rule) == ("last seat", ("A", "C"), "lot")
        assert result.elected[1] == tie.chosen

    def test_ties_inside_the_seats_decide_nothing_and_draw_no_lot(self):
        result = plurality(ballots((2, "B,A"), (1, "C")), seats=2)

        assert result.elected == ("A", "B")
        assert result.tie_breaks == ()
        assert result.seed is None

    def test_a_name_twice_on_a_block_ballot_is_invalid(self):
        result = plurality([("A", "A"), ("B",)], seats=2)

        assert result.invalid == 1
        assert result.rounds[0].tallies == {"A": 0, "B": 1}

    def test_candidates_without_votes_win_no_seat(self):
        result = plurality([("A",)], seats=2, candidates=["A", "B"])

        assert result.elected == ("A",)
        assert "1 seat(s) stay empty" in result.rounds[0].note

    def test_lot_is_reproducible_from_the_ballots(self):
        votes = ballots((1, "A"), (1, "B"))

        assert plurality(votes) == plurality(list(reversed(votes)))
        assert plurality(votes).seed is not None


class TestApproval:
    def test_each_approved_name_is_one_vote(self):
        result = approval(ballots((3, "A,B"), (2, "C"), (2, "B,C,D"), (1, "")), seats=2)

        assert result.rounds[0].tallies == {"A": 3, "B": 5, "C": 4, "D": 2}
        assert result.elected == ("B", "C")
        assert (result.valid, result.blank, result.invalid) == (7, 1, 0)

    def test_a_name_twice_is_invalid(self):
        assert approval([("A", "B", "A"), ("B",)]).invalid == 1


class TestTwoRound:
    def test_no_absolute_majority_means_a_second_round_between_the_top_two(self):
        result = two_round(TENNESSEE_FIRST)

        assert result.elected == ()
        assert result.second_round == ("Memphis", "Nashville")
        assert "second round between Memphis and Nashville" in result.rounds[0].note

    def test_more_than_half_of_the_valid_votes_elects_in_the_first_round(self):
        result = two_round(ballots((51, "A"), (49, "B"), (10, "A,B"), (5, "")))

        assert result.invalid == 10
        assert result.blank == 5
        assert result.elected == ("A",)
        assert result.second_round is None

    def test_exactly_half_is_not_enough(self):
        result = two_round(ballots((50, "A"), (30, "B"), (20, "C")))

        assert result.elected == ()
        assert result.second_round == ("A", "B")

    def test_tie_for_the_second_place_is_drawn_by_lot(self):
        result = two_round(ballots((4, "A"), (3, "B"), (3, "C")))

        assert result.second_round[0] == "A"
        (tie,) = result.tie_breaks
        assert tie.candidates == ("B", "C")
        assert result.second_round[1] == tie.chosen


class TestCountByName:
    def test_dispatches_to_the_method(self):
        assert count("two-round", TENNESSEE_FIRST, seats=1) == two_round(TENNESSEE_FIRST)
        assert count("approval", TENNESSEE_FIRST, seats=2) == approval(TENNESSEE_FIRST, seats=2)

    @pytest.mark.parametrize("method", ["irv", "two-round"])
    def test_single_seat_methods_refuse_more_seats(self, method):
        with pytest.raises(ValueError, match="exactly one seat"):
            count(method, TENNESSEE_FIRST, seats=2)

    def test_unknown_method(self):
        with pytest.raises(ValueError, match="unknown method"):
            count("borda", TENNESSEE_FIRST, seats=1)
