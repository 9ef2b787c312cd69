"""Instant-runoff voting: the Tennessee example, then each rule on its own."""

from platforma.elections.counting import irv


def ballots(*groups):
    """Ballots from (count, "A>B>C") pairs; "" is a blank ballot."""
    return [
        tuple(ranking.split(">")) if ranking else ()
        for count, ranking in groups
        for _ in range(count)
    ]


# Wikipedia's "Instant-runoff voting" article: Tennessee chooses its capital; 100 voters
# standing for the 42/26/15/17 per cent of the electorate near each city.
TENNESSEE = ballots(
    (42, "Memphis>Nashville>Chattanooga>Knoxville"),
    (26, "Nashville>Chattanooga>Knoxville>Memphis"),
    (15, "Chattanooga>Knoxville>Nashville>Memphis"),
    (17, "Knoxville>Chattanooga>Nashville>Memphis"),
)


def test_tennessee_capital_from_wikipedia():
    result = irv(TENNESSEE)

    first, second, third = result.rounds
    assert first.tallies == {"Chattanooga": 15, "Knoxville": 17, "Memphis": 42, "Nashville": 26}
    assert first.excluded == ("Chattanooga",)
    assert first.transfers[0].received == {"Knoxville": 15}
    assert second.tallies == {"Chattanooga": 0, "Knoxville": 32, "Memphis": 42, "Nashville": 26}
    # Nashville's voters rank Chattanooga next, who is out, so their votes go on to Knoxville.
    assert second.excluded == ("Nashville",)
    assert second.transfers[0].received == {"Knoxville": 26}
    assert third.tallies["Knoxville"] == 58
    assert third.elected == ("Knoxville",)
    assert result.elected == ("Knoxville",)
    assert result.quota is None
    assert result.seats == 1


def test_majority_in_the_first_round_ends_the_count():
    result = irv(ballots((3, "A>B"), (2, "B>A")))

    assert len(result.rounds) == 1
    assert result.elected == ("A",)


def test_exactly_half_is_not_a_majority():
    result = irv(ballots((2, "A"), (1, "B>A"), (1, "C>B")))

    assert result.rounds[0].elected == ()
    assert result.rounds[0].excluded in {("B",), ("C",)}


def test_majority_is_of_continuing_votes_once_ballots_exhaust():
    # C is excluded; C's 3 ballots rank nobody else. A then has 4 of the 7 continuing votes,
    # not a majority of all 10 ballots, and is elected.
    result = irv(ballots((4, "A"), (3, "B"), (3, "C")))

    assert result.rounds[0].excluded in {("B",), ("C",)}
    assert result.rounds[1].exhausted == 3
    assert result.rounds[1].elected == ("A",)
    assert "4 of the 7 continuing votes" in result.rounds[1].note


def test_every_number_stays_whole():
    result = irv(TENNESSEE)

    for one_round in result.rounds:
        assert all(isinstance(votes, int) for votes in one_round.tallies.values())


def test_exclusion_tie_looks_back_to_the_latest_round_that_differs():
    # Round 1: D 1 is excluded and goes to C, making B and C equal at 3 in round 2. In round 1
    # C had 2 against B's 3, so C is excluded.
    result = irv(ballots((5, "A"), (3, "B"), (2, "C"), (1, "D>C")))

    assert result.rounds[1].tallies["B"] == result.rounds[1].tallies["C"] == 3
    assert result.rounds[1].excluded == ("C",)
    (tie,) = result.tie_breaks
    assert (tie.purpose, tie.rule, tie.earlier_round) == ("exclusion", "earlier round", 1)


def test_three_way_tie_narrows_round_by_round():
    # Round 3 ties B, C and D at 4. Round 2 had B = C = 3 below D's 4, which keeps B and C;
    # round 1 had B 2 below C 3, so B is excluded.
    result = irv(
        ballots((5, "A"), (2, "B"), (3, "C"), (4, "D"), (1, "E>B"), (1, "G>B"), (1, "G>C"))
    )

    assert [one_round.excluded for one_round in result.rounds[:3]] == [("E",), ("G",), ("B",)]
    (tie,) = [tie for tie in result.tie_breaks if tie.round == 3]
    assert tie.candidates == ("B", "C", "D")
    assert (tie.chosen, tie.rule, tie.earlier_round) == ("B", "earlier round", 1)


def test_tie_in_the_first_round_is_drawn_by_lot_and_reproducible():
    votes = ballots((3, "A"), (1, "B"), (1, "C"), (1, "D"))
    result = irv(votes)

    first_tie = result.tie_breaks[0]
    assert first_tie.candidates == ("B", "C", "D")
    assert first_tie.rule == "lot"
    assert result.seed is not None
    assert irv(votes, seed=result.seed) == result
    assert irv(votes) == result


def test_blank_and_invalid_are_reported():
    result = irv([("A",), (), (), ("X", "A")], candidates=["A", "B"])

    assert (result.valid, result.blank, result.invalid) == (1, 2, 1)
    assert result.elected == ("A",)


def test_no_valid_ballots_elects_nobody():
    result = irv([()])

    assert result.elected == ()
    assert result.blank == 1
