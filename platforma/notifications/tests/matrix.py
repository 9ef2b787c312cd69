"""The notices' rows of the permission matrix (merged by the core walk)."""

from typing import Any

from platforma.testing.matrix import LOGIN, OK, ROLES

# A signed-in person's own page: anyone logged in opens theirs (it shows only their own).
OWN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}

MATRIX: dict[str, Any] = {
    "notifications:preferences": (lambda d: [], OWN),
}
# Marking a notice read: nobody finds a notice that is not theirs (there is no notice 999999).
POST_ONLY: dict[str, Any] = {
    "notifications:notice-read": lambda d: [999999],
}
# Marking all one's own notices read: any signed-in person, on their own notices only
# (test_notices.py); anonymous visitors log in first.
POST_PUBLIC = {"notifications:notices-read-all"}
