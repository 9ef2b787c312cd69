"""The accounts' rows in the permission matrix (merged by core/tests/test_permission_matrix.py)."""

from platforma.testing.matrix import LOGIN, OFFICE, PUBLIC

# One's own account pages: anyone logged in, about themselves only.
OWN_ACCOUNT = {**PUBLIC, "anonymous": LOGIN}

MATRIX = {
    "accounts:second-factor": (lambda d: [], OWN_ACCOUNT),
    "accounts:enrol": (lambda d: [], OWN_ACCOUNT),
    "accounts:security": (lambda d: [], OWN_ACCOUNT),
    "accounts:office-lockout-list": (lambda d: ["azerbaijan"], OFFICE),
}
POST_ONLY = {
    "accounts:office-lockout-release": lambda d: ["azerbaijan"],
}
