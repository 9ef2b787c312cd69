"""The membership state machine, driven at random through its services (Hypothesis, stateful).

Rules record existing members, open applications and ask ``membership_transition`` for any
status on any day. Invariants after every step:

- a transition outside the diagram of docs/architecture.md (plus an upheld appeal, the one
  documented exception) never succeeds; a refusal raises ValidationError and changes nothing;
- the history (``MembershipChange``) replays to the membership's status and dates;
- the members in good standing on any day are what the history says they are.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from platforma.core.models import AuditEntry, today_in
from platforma.members import selectors, services
from platforma.members.models import Membership, MembershipChange
from platforma.testing.factories import OrganisationFactory, PlatformFactory

S = Membership.Status
STATUSES = list(S.values)
ENDING = {S.REJECTED, S.WITHDRAWN, S.EXPELLED}
START = datetime.date(2012, 1, 1)


def diagram() -> set[tuple[str, str]]:
    """The transitions drawn in docs/architecture.md ("Membership states"), as (from, to) pairs.

    ``a -> b | c`` means a to b and a to c; ``a | b -> c`` means a to c and b to c.
    """
    doc = (Path(django_settings.BASE_DIR) / "docs" / "architecture.md").read_text()
    found = re.search(r"## Membership states\s+```\n(.*?)```", doc, re.S)
    assert found, "docs/architecture.md has no diagram under “Membership states”"
    block = found.group(1)
    edges = set()
    for line in block.strip().splitlines():
        steps = [[s.strip() for s in part.split("|")] for part in line.split("->")]
        for before, after in zip(steps, steps[1:], strict=False):
            edges |= {(a, b) for a in before for b in after}
    return edges


DIAGRAM = diagram()
# docs/members.md, "Appeals": an upheld appeal sends a rejected application back to review, and
# undoes an expulsion (back to admitted, or to suspended when the member was suspended).
APPEAL = {(S.REJECTED, S.UNDER_REVIEW), (S.EXPELLED, S.ADMITTED), (S.EXPELLED, S.SUSPENDED)}


def test_the_diagram_is_read_from_the_docs():
    assert (S.APPLIED, S.UNDER_REVIEW) in DIAGRAM
    assert (S.SUSPENDED, S.EXPELLED) in DIAGRAM
    assert {a for a, _ in DIAGRAM} | {b for _, b in DIAGRAM} <= set(STATUSES)


def snapshot(membership: Membership) -> tuple:
    membership = Membership.objects.get(pk=membership.pk)
    changes = list(
        membership.changes.order_by("effective_on", "id").values_list(
            "from_status", "to_status", "effective_on"
        )
    )
    return (
        membership.status,
        membership.admitted_on,
        membership.ended_on,
        changes,
        AuditEntry.objects.count(),
    )


class MembershipMachine(RuleBasedStateMachine):
    """One platform; its memberships; what the machine expects each one's history to be."""

    memberships = Bundle("memberships")

    def __init__(self):
        super().__init__()
        # Each example runs in a savepoint that teardown() rolls back: a clean database each time.
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.platform = PlatformFactory(time_zone="Asia/Baku")
        self.today = today_in(self.platform)
        self.expected: dict[int, list[tuple[str, datetime.date]]] = {}

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def days(self):
        return st.dates(min_value=START, max_value=self.today + datetime.timedelta(days=3))

    # --- rules --------------------------------------------------------------------------------

    @rule(target=memberships, data=st.data())
    def record_existing(self, data):
        admitted_on = data.draw(st.dates(START, self.today), label="admitted_on")
        membership = services.membership_record_existing(
            actor=None,
            platform=self.platform,
            organisation=OrganisationFactory(),
            admitted_on=admitted_on,
        )
        self.expected[membership.pk] = [(S.ADMITTED, admitted_on)]
        return membership

    @rule(days_ahead=st.integers(min_value=1, max_value=400))
    def record_existing_in_the_future_is_refused(self, days_ahead):
        before = (Membership.objects.count(), MembershipChange.objects.count())
        with pytest.raises(ValidationError):
            services.membership_record_existing(
                actor=None,
                platform=self.platform,
                organisation=OrganisationFactory(),
                admitted_on=self.today + datetime.timedelta(days=days_ahead),
            )
        assert (Membership.objects.count(), MembershipChange.objects.count()) == before

    @rule(target=memberships, data=st.data())
    def apply(self, data):
        """An application as ``application_submit`` leaves it: applied, with its first change."""
        day = data.draw(st.dates(min_value=START, max_value=self.today), label="applied_on")
        membership = Membership.objects.create(
            platform=self.platform, organisation=OrganisationFactory()
        )
        MembershipChange.objects.create(
            membership=membership, to_status=S.APPLIED, effective_on=day
        )
        self.expected[membership.pk] = [(S.APPLIED, day)]
        return membership

    @rule(membership=memberships, aim=st.booleans(), via_appeal=st.booleans(), data=st.data())
    def transition(self, membership, aim, via_appeal, data):
        history = self.expected[membership.pk]
        current, last_day = history[-1]
        # Half the time a status the diagram (or an appeal) allows next, so that long paths are
        # walked; otherwise any status at all, or one that does not exist.
        following = sorted(b for a, b in DIAGRAM | APPEAL if a == current)
        if aim and following:
            to_status = data.draw(st.sampled_from(following), label="to_status")
        else:
            to_status = data.draw(st.sampled_from([*STATUSES, "dormant"]), label="to_status")
        # Mostly a day on or after the last change, sometimes before it or in the future.
        effective_on = data.draw(
            st.one_of(st.dates(min_value=last_day, max_value=self.today), self.days()),
            label="effective_on",
        )
        allowed = (current, to_status) in DIAGRAM or (via_appeal and (current, to_status) in APPEAL)
        acceptable = allowed and last_day <= effective_on <= self.today
        before = snapshot(membership)
        try:
            services.membership_transition(
                actor=None,
                membership=membership,
                to_status=to_status,
                effective_on=effective_on,
                via_appeal=via_appeal,
                decided_by="General Assembly",
                reason="hypothesis",
            )
        except ValidationError:
            assert not acceptable, f"{current} -> {to_status} on {effective_on} was refused"
            assert snapshot(membership) == before, "a refused transition changed something"
            return
        assert acceptable, f"{current} -> {to_status} on {effective_on} (after {last_day})"
        history.append((to_status, effective_on))
        after = snapshot(membership)
        assert after[3][-1] == (current, to_status, effective_on)
        assert after[4] == before[4] + 1, "one audit entry per change"

    # --- invariants ---------------------------------------------------------------------------

    @invariant()
    def no_transition_outside_the_diagram(self):
        changes = MembershipChange.objects.filter(membership__platform=self.platform)
        for from_status, to_status in changes.values_list("from_status", "to_status"):
            assert (
                (from_status, to_status) in DIAGRAM
                or (from_status, to_status) in APPEAL
                or (from_status == "" and to_status in (S.APPLIED, S.ADMITTED))
            ), (from_status, to_status)

    @invariant()
    def history_replays_to_status_and_dates(self):
        for membership in Membership.objects.filter(platform=self.platform):
            changes = list(membership.changes.order_by("effective_on", "id"))
            assert [(c.to_status, c.effective_on) for c in changes] == self.expected[membership.pk]
            status = ""
            admitted_on = ended_on = None
            for change in changes:
                assert change.from_status == status
                status = change.to_status
                if status == S.ADMITTED and admitted_on is None:
                    admitted_on = change.effective_on
                ended_on = change.effective_on if status in ENDING else None
            assert membership.status == status
            assert membership.admitted_on == admitted_on
            assert membership.ended_on == ended_on

    @invariant()
    def member_count_is_derivable_from_the_history(self):
        days = {self.today, START - datetime.timedelta(days=1)}
        for history in self.expected.values():
            for _status, day in history:
                days |= {day, day - datetime.timedelta(days=1)}
        for day in sorted(days):
            expected = sum(
                1 for history in self.expected.values() if _status_on(history, day) == S.ADMITTED
            )
            assert selectors.members_in_good_standing(self.platform, day).count() == expected, day


def _status_on(history, day):
    status = None
    for to_status, effective_on in history:
        if effective_on <= day:
            status = to_status
    return status


@pytest.mark.django_db
def test_membership_state_machine():
    run_state_machine_as_test(
        MembershipMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
