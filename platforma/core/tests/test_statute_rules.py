from fractions import Fraction

import pytest

from platforma.core.statute_rules import QuorumRule, RulesError, StatuteRules


def test_missing_keys_take_the_documented_defaults():
    rules = StatuteRules.from_dict({})
    assert rules.quorum.share == Fraction(1, 2)
    assert rules.board_composition == ("platform_coordinator", "wg_coordinator")
    assert rules.majority_for("statute_change") == "simple"
    assert rules.office("auditor").term_years == 2


def test_round_trip_through_json_shape():
    data = {
        "quorum": {"share": "2/3", "more_than": False, "count_proxies": False},
        "majorities": {"ordinary": "simple", "statute_change": "two_thirds_cast"},
        "offices": {"wg_coordinator": {"term_years": 3, "max_consecutive_terms": 1}},
        "proxies": {"allowed": True, "max_per_delegate": 2},
    }
    rules = StatuteRules.from_dict(data)
    assert StatuteRules.from_dict(rules.to_dict()) == rules
    assert rules.majority_for("statute_change") == "two_thirds_cast"
    assert rules.majority_for("expulsion") == "simple"  # falls back to the ordinary majority
    assert rules.office("wg_coordinator").max_consecutive_terms == 1


def test_every_problem_is_reported_at_once():
    with pytest.raises(RulesError) as caught:
        StatuteRules.from_dict(
            {
                "quorum": {"share": "3/2"},
                "majorities": {"ordinary": "most"},
                "proxies": {"max_per_delegate": "two"},
                "colour": "blue",
            }
        )
    problems = caught.value.problems
    assert any(p.startswith("quorum.share") for p in problems)
    assert any(p.startswith("majorities.ordinary") for p in problems)
    assert any(p.startswith("proxies.max_per_delegate") for p in problems)
    assert "colour: unknown rule" in problems


@pytest.mark.parametrize(
    ("share", "more_than", "members", "required"),
    [
        ("1/2", True, 45, 23),  # 50% + 1 of 45
        ("1/2", True, 46, 24),
        ("2/3", False, 153, 102),  # the Forum's 2018 reform: 102 of 153 eligible
        ("2/3", False, 46, 31),
        ("1/2", False, 42, 21),
    ],
)
def test_quorum_required(share, more_than, members, required):
    rule = QuorumRule(share=Fraction(share), more_than=more_than)
    assert rule.required(members) == required
    assert rule.is_met(required, members)
    assert not rule.is_met(required - 1, members)


def test_no_quorum_without_members():
    assert not QuorumRule().is_met(0, 0)
