"""Quorum and majority arithmetic: table tests with real cases, property tests over every rule."""

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from platforma.core.statute_rules import MAJORITY_KINDS, QuorumRule
from platforma.meetings import majority
from platforma.meetings.majority import NoQuorum, Tally, decide, quorum_state, votes_needed

TWO_THIRDS = QuorumRule(share=Fraction(2, 3), more_than=False, count_proxies=True)
HALF_PLUS_ONE = QuorumRule(share=Fraction(1, 2), more_than=True, count_proxies=True)


def test_the_pure_module_imports_no_django():
    with open(majority.__file__, encoding="utf-8") as f:
        source = f.read()
    assert "from django" not in source
    assert "import django" not in source


# --- table tests: DOMAIN.md's 2018 Forum vote, and small everyday cases ----------------------


def test_domain_example_two_thirds_quorum_of_153_is_102():
    state = quorum_state(members=153, present=127, represented=0, rule=TWO_THIRDS)
    assert state.required == 102
    assert state.met
    assert not quorum_state(members=153, present=101, represented=0, rule=TWO_THIRDS).met


def test_domain_example_113_9_5_is_adopted_by_two_thirds_of_votes_cast():
    result = decide(
        "two_thirds_cast",
        Tally(113, 9, 5),
        members=153,
        present=127,
        abstentions_count_as_cast=True,
    )
    assert (result.cast, result.needed, result.adopted) == (127, 85, True)
    without = decide(
        "two_thirds_cast",
        Tally(113, 9, 5),
        members=153,
        present=127,
        abstentions_count_as_cast=False,
    )
    assert (without.cast, without.needed, without.adopted) == (122, 82, True)


@pytest.mark.parametrize(
    ("kind", "tally", "members", "present", "abstentions", "needed", "adopted"),
    [
        ("simple", (10, 10, 3), 45, 23, False, 11, False),  # a tie is rejected
        ("simple", (11, 10, 2), 45, 23, False, 11, True),
        ("simple", (11, 10, 2), 45, 23, True, 12, False),  # abstentions counted weigh against
        ("simple", (0, 0, 23), 45, 23, False, 1, False),  # everyone abstains
        ("simple", (0, 0, 0), 45, 23, False, 1, False),  # nobody votes
        ("simple_present", (12, 0, 11), 45, 23, False, 12, True),
        ("simple_present", (11, 0, 12), 45, 23, False, 12, False),
        ("absolute_members", (23, 0, 0), 45, 30, False, 23, True),
        ("absolute_members", (22, 0, 0), 44, 30, False, 23, False),
        ("two_thirds_present", (20, 0, 10), 45, 30, False, 20, True),
        ("two_thirds_members", (30, 0, 0), 45, 40, False, 30, True),
        ("two_thirds_members", (29, 0, 0), 45, 40, False, 30, False),
        ("unanimity", (20, 0, 3), 45, 23, False, 20, True),
        ("unanimity", (20, 0, 3), 45, 23, True, 23, False),
        ("unanimity", (0, 0, 5), 45, 23, False, 1, False),
    ],
)
def test_majority_table(kind, tally, members, present, abstentions, needed, adopted):
    result = decide(
        kind, Tally(*tally), members=members, present=present, abstentions_count_as_cast=abstentions
    )
    assert (result.needed, result.adopted) == (needed, adopted)


def test_result_is_refused_without_quorum():
    with pytest.raises(NoQuorum):
        decide(
            "simple",
            Tally(5, 0, 0),
            members=45,
            present=10,
            abstentions_count_as_cast=False,
            quorum_met=False,
        )


@pytest.mark.parametrize(
    "bad",
    [
        {"tally": Tally(-1, 0, 0), "members": 5, "present": 3},
        {"tally": Tally(3, 1, 0), "members": 5, "present": 3},  # more votes than present
        {"tally": Tally(1, 0, 0), "members": 3, "present": 5},  # more present than members
    ],
)
def test_impossible_counts_are_refused(bad):
    with pytest.raises(ValueError, match="negative|more"):
        decide("simple", abstentions_count_as_cast=False, **bad)


def test_unknown_majority_kind_is_refused():
    with pytest.raises(ValueError, match="unknown majority"):
        votes_needed("three_quarters", 10)


def test_proxies_beyond_the_limit_or_forbidden_do_not_count():
    assert majority.counted_proxies([3, 1, 0], max_per_delegate=1, allowed=True) == 2
    assert majority.counted_proxies([3, 1], max_per_delegate=2, allowed=True) == 3
    assert majority.counted_proxies([3, 1], max_per_delegate=2, allowed=False) == 0


# --- property tests over every rule ----------------------------------------------------------

shares = st.fractions(min_value=Fraction(1, 12), max_value=1, max_denominator=12)
rules = st.builds(QuorumRule, share=shares, more_than=st.booleans(), count_proxies=st.booleans())


@st.composite
def attendance(draw):
    members = draw(st.integers(0, 400))
    present = draw(st.integers(0, members))
    represented = draw(st.integers(0, members - present))
    return members, present, represented


@given(rules, attendance())
def test_quorum_required_is_the_smallest_number_meeting_the_share(rule, counts):
    members, present, represented = counts
    state = quorum_state(members=members, present=present, represented=represented, rule=rule)
    if members == 0:
        assert not state.met
        return
    exact = rule.share * members
    required = state.required
    if rule.more_than:
        assert required > exact
        assert required - 1 <= exact
    else:
        assert required >= exact
        assert required - 1 < exact
    assert state.met == (state.counted >= required)
    if not rule.count_proxies:
        assert state.represented == 0


@given(rules, attendance())
def test_one_more_present_never_loses_the_quorum(rule, counts):
    members, present, represented = counts
    assume(present + represented < members)
    before = quorum_state(members=members, present=present, represented=represented, rule=rule)
    after = quorum_state(members=members, present=present + 1, represented=represented, rule=rule)
    assert after.met or not before.met


@given(st.lists(st.integers(0, 10), max_size=30), st.integers(0, 5), st.booleans())
def test_counted_proxies_never_exceed_the_limit(per_holder, limit, allowed):
    counted = majority.counted_proxies(per_holder, limit, allowed)
    assert 0 <= counted <= limit * len(per_holder)
    assert counted <= sum(per_holder)
    if not allowed:
        assert counted == 0


@st.composite
def votes(draw):
    members = draw(st.integers(1, 300))
    present = draw(st.integers(0, members))
    for_ = draw(st.integers(0, present))
    against = draw(st.integers(0, present - for_))
    abstain = draw(st.integers(0, present - for_ - against))
    return Tally(for_, against, abstain), members, present


@given(st.sampled_from(MAJORITY_KINDS), votes(), st.booleans())
def test_majority_properties(kind, counts, abstentions):
    tally, members, present = counts
    result = decide(
        kind, tally, members=members, present=present, abstentions_count_as_cast=abstentions
    )
    # Nothing is adopted without a "for" vote, nor with a tie between for and against.
    if tally.for_ == 0 or tally.for_ <= tally.against:
        assert not result.adopted
    # "for" votes at or above the threshold carry it (except unanimity, which also needs no other)
    if kind != "unanimity":
        assert result.adopted == (tally.for_ >= result.needed)
    else:
        assert result.adopted == (result.cast > 0 and tally.for_ == result.cast)
    # Everyone abstaining never adopts.
    if tally.for_ == 0 and tally.against == 0:
        assert not result.adopted
    assert result.needed >= 1
    assert result.cast == tally.for_ + tally.against + (tally.abstain if abstentions else 0)


@given(st.sampled_from(MAJORITY_KINDS), votes(), st.booleans())
def test_one_more_for_vote_never_turns_adoption_into_rejection(kind, counts, abstentions):
    tally, members, present = counts
    assume(tally.against > 0)
    before = decide(
        kind, tally, members=members, present=present, abstentions_count_as_cast=abstentions
    )
    swapped = Tally(tally.for_ + 1, tally.against - 1, tally.abstain)
    after = decide(
        kind, swapped, members=members, present=present, abstentions_count_as_cast=abstentions
    )
    assert after.adopted or not before.adopted


@given(st.sampled_from(MAJORITY_KINDS), votes(), st.booleans())
def test_no_result_without_quorum_for_any_rule(kind, counts, abstentions):
    tally, members, present = counts
    with pytest.raises(NoQuorum):
        decide(
            kind,
            tally,
            members=members,
            present=present,
            abstentions_count_as_cast=abstentions,
            quorum_met=False,
        )
