"""Who may do what in elections.

- Everyone reads the public pages of elections past their draft (list, candidates, board,
  results, tracker check).
- The platform's secretariat (and the Forum's) runs elections: transitions, nominations,
  proxies, paper ballots. Anyone else gets a 404 on those pages (a login page if anonymous).
- An organisation's current primary representative casts its ballot, or, if it gave its proxy
  for the election, the primary representative of the organisation holding the proxy
  (``selectors.voting_rights``). Alternates do not vote.
- A candidate answers their own nomination; so may the secretariat, on their written word.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform


class LoginRequired(Exception):
    """Raised when the visitor should log in first."""


def can_run_elections(user, platform: Platform) -> bool:
    return can_manage_platform(user, platform)


def require_secretariat(request, platform: Platform) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired
    if not can_run_elections(request.user, platform):
        raise Http404("Not found")


def require_login(request) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired


def can_answer_nomination(user, nomination) -> bool:
    if not user or not user.is_authenticated:
        return False
    person_user = nomination.person.user_id
    return person_user == user.pk or can_run_elections(user, nomination.election.platform)


def login_redirect(request):
    return redirect_to_login(request.get_full_path())
