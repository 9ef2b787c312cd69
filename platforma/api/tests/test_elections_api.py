"""The elections API: public, as the election pages - drafts are not found, the result and the
bulletin board appear once the vote has closed, and never before."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse

from platforma.elections.models import Election, Nomination

pytestmark = pytest.mark.django_db

BASE = "/api/v1/platforms/azerbaijan/elections"
SUMMARY_KEYS = {
    "id",
    "title",
    "body",
    "office",
    "method",
    "method_label",
    "seats",
    "state",
    "state_label",
    "voting_opens_at",
    "voting_closes_at",
    "result_public",
    "result_published",
    "published_at",
    "updated_at",
}
DETAIL_KEYS = SUMMARY_KEYS | {
    "term_starts_on",
    "meeting",
    "key_fingerprint",
    "first_round",
    "second_round",
    "turnout",
    "candidates",
    "result",
}


def _copy(election: Election, **changes) -> Election:
    """Another election of the platform like ``election`` (its board with it)."""
    clone = Election.objects.get(pk=election.pk)
    clone.pk = None
    clone.first_round = None
    for name, value in changes.items():
        setattr(clone, name, value)
    clone.save()
    return clone


def test_elections_list_detail_board_as_the_pages(
    world, call, client, django_assert_max_num_queries
):
    users, data = world
    election = Election.objects.get(pk=data["election"].pk)
    assert election.board_is_public  # the demo election has been counted

    # The list: the public elections, their state, no result in it.
    answer = call("get", BASE, role="anonymous")
    assert answer.status_code == 200
    page = answer.json()
    assert page["count"] == 1
    row = page["results"][0]
    assert set(row) == SUMMARY_KEYS
    assert row["id"] == election.pk
    assert row["title"] == election.title
    assert row["state"] == election.state
    assert row["method"] == election.method
    assert row["seats"] == election.seats
    assert row["body"] == str(election.body.name)
    assert row["result_public"] is True
    assert row["result_published"] is (election.state == Election.State.PUBLISHED)

    # Filters: year, state, updated_since; bad values are 400s; another year: nothing.
    year = election.voting_opens_at.year
    assert call("get", f"{BASE}?year={year}").json()["count"] == 1
    assert call("get", f"{BASE}?year={year + 1}").json()["count"] == 0
    assert call("get", f"{BASE}?state={election.state}").json()["count"] == 1
    assert call("get", f"{BASE}?state=nominations").json()["count"] == 0
    since = quote(election.updated_at.isoformat())
    assert call("get", f"{BASE}?updated_since={since}").json()["count"] == 1
    assert call("get", f"{BASE}?updated_since=2999-01-01T00:00:00").json()["count"] == 0
    for bad in ("year=0", "year=abc", "state=draft", "state=x%00", "updated_since=yesterday"):
        answer = call("get", f"{BASE}?{bad}")
        assert answer.status_code == 400, bad
        assert "fields" in answer.json()
    assert call("get", f"{BASE}?page=1000000000").status_code == 400
    assert call("get", f"{BASE}?page_size=0").status_code == 400

    # The detail: as the page (candidates by name, organisation, nominator; turnout; result).
    answer = call("get", f"{BASE}/{election.pk}", role="representative")
    assert answer.status_code == 200
    detail = answer.json()
    assert set(detail) == DETAIL_KEYS
    on_ballot = Nomination.objects.filter(election=election, on_ballot=True).select_related(
        "person", "organisation"
    )
    assert {c["key"] for c in detail["candidates"]} == {str(n.pk) for n in on_ballot}
    assert {c["name"] for c in detail["candidates"]} == {n.person.full_name for n in on_ballot}
    assert {c["organisation"] for c in detail["candidates"]} == {
        str(n.organisation) for n in on_ballot
    }
    assert all(c["acceptance"] is None for c in detail["candidates"])  # (not nominating)
    flat = str(detail)
    assert "@" not in flat  # no e-mail address of anyone
    if election.electorate is not None:
        assert detail["turnout"]["electorate"] == election.electorate
        assert detail["turnout"]["voted"] == election.voters.count()
    result = detail["result"]
    board = election.board
    assert result["elected"] == board["result"]["elected"]
    assert result["valid"] == int(board["result"]["valid"])
    assert len(result["rounds"]) == len(board["result"]["rounds"])
    assert result["rounds"][0]["tallies"] == {
        k: str(v) for k, v in board["result"]["rounds"][0]["tallies"].items()
    }
    assert result["board_head"] == election.board_head
    assert result["final"] is (election.state == Election.State.PUBLISHED)
    assert detail["key_fingerprint"] == election.key_fingerprint

    # The board: exactly the board JSON page's content.
    answer = call("get", f"{BASE}/{election.pk}/board", role="other_secretariat")
    assert answer.status_code == 200
    page_json = client.get(
        reverse("elections:election-board-json", args=["azerbaijan", election.pk])
    )
    assert page_json.status_code == 200
    assert answer.json() == page_json.json()

    # Not found: no such id, another platform's address, a bad id.
    for path in (
        f"{BASE}/999999",
        f"/api/v1/platforms/armenia/elections/{election.pk}",
        f"/api/v1/platforms/armenia/elections/{election.pk}/board",
        f"/api/v1/platforms/nowhere/elections/{election.pk}",
        "/api/v1/platforms/nowhere/elections",
    ):
        assert call("get", path).status_code == 404, path
    for path in (f"{BASE}/0", f"{BASE}/{2**40}", f"{BASE}/abc", f"{BASE}/{2**40}/board"):
        assert call("get", path).status_code == 400, path
    assert call("get", "/api/v1/platforms/armenia/elections").json()["count"] == 0

    # Queries: a fixed budget for the list, whatever its length; the detail and the board too.
    with django_assert_max_num_queries(4):
        assert call("get", BASE, role="anonymous").json()["count"] == 1
    for number in range(5):
        _copy(election, title=f"Copy {number}")
    with django_assert_max_num_queries(4):
        assert call("get", BASE, role="anonymous").json()["count"] == 6
    with django_assert_max_num_queries(4):
        assert call("get", f"{BASE}/{election.pk}", role="anonymous").status_code == 200
    with django_assert_max_num_queries(2):
        assert call("get", f"{BASE}/{election.pk}/board", role="anonymous").status_code == 200

    # While the vote runs: no result, no board, no running total - even if one were stored.
    Election.objects.filter(pk=election.pk).update(state=Election.State.VOTING)
    detail = call("get", f"{BASE}/{election.pk}", role="forum").json()
    assert detail["state"] == "voting"
    assert detail["result"] is None
    assert detail["result_public"] is False
    assert "tallies" not in str(detail)
    assert call("get", f"{BASE}/{election.pk}/board", role="forum").status_code == 404
    assert call("get", f"{BASE}/{election.pk}/board", role="secretariat").status_code == 404

    # A draft: not found for anyone, not listed.
    Election.objects.filter(pk=election.pk).update(state=Election.State.DRAFT)
    for role in ("anonymous", "secretariat", "forum"):
        assert call("get", f"{BASE}/{election.pk}", role=role).status_code == 404
        assert call("get", f"{BASE}/{election.pk}/board", role=role).status_code == 404
        ids = {r["id"] for r in call("get", f"{BASE}?page_size=100", role=role).json()["results"]}
        assert election.pk not in ids
