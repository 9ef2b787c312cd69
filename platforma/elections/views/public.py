"""Public pages: elections and their results, the bulletin board, the tracker check."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from platforma.core.selectors import platform_for_public, rules_in_force
from platforma.members.models import Organisation

from .. import selectors as sel
from ..forms import ProxyGiveForm
from ..models import Election, Nomination, Teller
from ..permissions import can_run_elections
from ..presentation import ResultTable, result_pdf_bytes, result_table, rounds_chart_svg
from ._helpers import public


def election_list(request: HttpRequest, platform: str) -> HttpResponse:
    site = platform_for_public(platform)
    # The list shows no result: the bulletin boards (every ballot) stay in the database.
    elections = list(sel.public_elections(site).defer("board"))
    return render(
        request, "elections/election_list.html", {"platform": site, "elections": elections}
    )


def _result_context(election: Election) -> dict:
    if not election.board_is_public or election.board is None:  # (public: it has one)
        return {}
    names = {c.candidate_key: c.person.full_name for c in sel.candidates(election)}
    table = result_table(election.board, names)
    return {"table": table, "chart": _chart(election, table)}


def _chart(election: Election, table: ResultTable) -> str:
    """The result's chart, drawn once per board, names and language: a closed board never
    changes, and matplotlib takes ~30 ms a drawing (bench/bench_pages.py)."""
    seed = f"{election.pk}|{election.board_head}|{get_language()}|{sorted(table.names.items())}"
    key = "elections:chart:" + hashlib.sha256(seed.encode()).hexdigest()
    chart = cache.get(key)
    if chart is None:
        chart = rounds_chart_svg(table)
        cache.set(key, chart, timeout=24 * 3600)
    return str(chart)


def _proxy_context(request, election: Election, own: list[Organisation]) -> dict:
    options = sel.proxy_options(request.user, election, own=own)
    if options is None or not (options.given or options.grantors):
        return {}
    form = None
    if options.grantors:
        grantors = Organisation.objects.filter(pk__in=[o.pk for o in options.grantors])
        form = ProxyGiveForm(grantors=grantors.order_by("legal_name"), holders=options.holders)
    return {"proxy_options": options, "proxy_form": form}


@public
def election_detail(request, platform, election):
    nominating = election.state == Election.State.NOMINATIONS
    nominations = list(
        Nomination.objects.filter(election=election)
        .exclude(acceptance=Nomination.Acceptance.DECLINED)
        .select_related("person", "organisation", "nominated_by")
        .annotate(seconder_count=Count("seconders"))
        .order_by("person__last_name", "person__first_name", "pk")
    )
    if not nominating:
        nominations = [n for n in nominations if n.on_ballot]
    for nomination in nominations:
        nomination.answerable = (
            nominating
            and nomination.acceptance == Nomination.Acceptance.PENDING
            and request.user.is_authenticated
            and nomination.person.user_id == request.user.pk
        )
    # The organisations the visitor speaks for, read once for seconding and for the proxy.
    own = (
        list(sel.primary_organisations(request.user).order_by("legal_name"))
        if election.state in (Election.State.NOMINATIONS, Election.State.VOTING)
        else []
    )
    sel.seconding_options(request.user, election, nominations, own=own)
    seconders_required = (
        rules_in_force(
            platform, sel.local_date(platform, timezone.now())
        ).nominations.seconders_required
        if nominating
        else 0
    )
    rights = sel.voting_rights(request.user, election) if election.state == "voting" else []
    context = {
        "platform": platform,
        "election": election,
        # A teller who has not taken their share yet is shown the way to their page.
        "teller_waiting": (
            request.user.is_authenticated
            and election.state in (Election.State.DRAFT, Election.State.NOMINATIONS)
            and Teller.objects.filter(
                election=election, user=request.user, share_taken_at__isnull=True
            ).exists()
        ),
        "nominations": nominations,
        "seconders_required": seconders_required,
        "seconders_column": seconders_required > 0
        or any(n.second_for or n.seconded_by_you for n in nominations),
        "first_round": (
            sel.public_elections(platform).filter(pk=election.first_round_id).first()
            if election.first_round_id
            else None
        ),
        "second_round": (
            sel.second_round_of(election) if election.method == Election.Method.TWO_ROUND else None
        ),
        **_proxy_context(request, election, own),
        "rights": rights,
        "voting_open": sel.voting_is_open(election),
        "turnout": sel.turnout(election),
        "can_run": can_run_elections(request.user, platform),
        **_result_context(election),
    }
    return render(request, "elections/election_detail.html", context)


def _require_board(election: Election) -> None:
    if not election.board_is_public:
        raise Http404("The board is published when voting closes.")


@public
def board(request, platform, election):
    _require_board(election)
    return render(
        request,
        "elections/board.html",
        {
            "platform": platform,
            "election": election,
            "board": election.board,
            "names": {c["key"]: c["name"] for c in election.board["election"]["candidates"]},
        },
    )


@public
def board_json(request, platform, election):
    _require_board(election)
    response = JsonResponse(election.board, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="election-{election.pk}-board.json"'
    return response


@public
def result_pdf(request, platform, election):
    _require_board(election)
    context = {"platform": platform, "election": election, **_result_context(election)}
    pdf = result_pdf_bytes(context)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="election-{election.pk}-result.pdf"'
    return response


@public
def check_tracker(request, platform, election):
    """A voter checks that their tracker (and receipt hash) is on the board.

    The tracker travels in a POST body, never in the address, so it stays out of access logs.
    """
    outcome = None
    tracker = (request.POST.get("tracker") or "").strip().lower()
    given_hash = (request.POST.get("hash") or "").strip().lower()
    if request.method == "POST" and tracker:
        if election.board_is_public:
            entries = election.board["entries"]
            found = next(
                (i for i, entry in enumerate(entries, start=1) if entry["tracker"] == tracker),
                None,
            )
            if found is None:
                outcome = {"found": False, "message": _("This tracker is not on the board.")}
            else:
                entry = entries[found - 1]
                outcome = {
                    "found": True,
                    "position": found,
                    "entry": entry,
                    "hash_matches": None if not given_hash else given_hash == entry["ballot_hash"],
                }
        else:
            # While the vote is open every ballot is sealed, its tracker with it: the server
            # cannot look one up, and keeps no list of trackers that could pair them later.
            outcome = {
                "found": False,
                "pending": True,
                "message": _(
                    "The ballots are sealed until the tellers open them when the vote closes; "
                    "nobody can look a tracker up before then, not even the server. Keep your "
                    "receipt and check it on the bulletin board."
                ),
            }
    return render(
        request,
        "elections/check.html",
        {
            "platform": platform,
            "election": election,
            "outcome": outcome,
            "tracker": tracker,
            "hash": given_hash,
            "names": {
                c["key"]: c["name"]
                for c in (election.board or {}).get("election", {}).get("candidates", [])
            },
        },
    )
