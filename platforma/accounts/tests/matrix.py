"""The accounts' rows in the permission matrix (merged by core/tests/test_permission_matrix.py)."""

import datetime

from platforma.testing.matrix import LOGIN, OFFICE, PUBLIC

# One's own account pages: anyone logged in, about themselves only.
OWN_ACCOUNT = {**PUBLIC, "anonymous": LOGIN}

MATRIX = {
    "accounts:second-factor": (lambda d: [], OWN_ACCOUNT),
    "accounts:enrol": (lambda d: [], OWN_ACCOUNT),
    "accounts:security": (lambda d: [], OWN_ACCOUNT),
    "accounts:api-tokens": (lambda d: [], OWN_ACCOUNT),
    "accounts:office-lockout-list": (lambda d: ["azerbaijan"], OFFICE),
}


def _forum_token(d):
    """A token of the Forum's secretariat: anyone else who posts its revocation finds nothing."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from platforma.accounts.services import api_token_create

    token, _secret = api_token_create(
        actor=get_user_model().objects.get(username="forum"),
        name="matrix",
        scope="read",
        expires_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    return [token.pk]


POST_ONLY = {
    "accounts:office-lockout-release": lambda d: ["azerbaijan"],
    "accounts:api-token-revoke": _forum_token,
}
