"""Working groups hear of members' news through members' signals, connected in ready()."""

from platforma.members.models import Membership
from platforma.members.signals import working_groups_chosen
from platforma.workinggroups.receivers import enrol_in_chosen_groups


def test_working_groups_listen_to_the_groups_a_new_member_chose():
    assert working_groups_chosen.has_listeners(Membership)
    # Each entry is (lookup key, weak reference to the receiver, is_async).
    assert enrol_in_chosen_groups in [entry[1]() for entry in working_groups_chosen.receivers]
