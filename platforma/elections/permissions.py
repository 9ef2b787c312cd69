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

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform


def can_run_elections(user, platform: Platform) -> bool:
    return can_manage_platform(user, platform)


def can_answer_nomination(user, nomination) -> bool:
    if not user or not user.is_authenticated:
        return False
    person_user = nomination.person.user_id
    return person_user == user.pk or can_run_elections(user, nomination.election.platform)
