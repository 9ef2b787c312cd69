"""The voter's pages: the ballot, the receipt, and a candidate's answer to a nomination."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from platforma.core.office import report
from platforma.core.permissions import require_login
from platforma.members.models import Organisation

from .. import selectors as sel
from .. import services
from ..forms import ballot_widget, choices_from_post
from ..models import Election, Nomination
from ._helpers import public


@never_cache
@public
def vote(request, platform, election):
    """The ballot form for each organisation the user may vote for; POST casts one.

    The receipt is the POST's own response and is stored nowhere: not in the session, not in
    an address, so nothing on the server links the voter to the tracker. The page's script
    asks for it as JSON (``Accept: application/json``) and shows it in place of the form.
    """
    require_login(request)
    if election.state != Election.State.VOTING:
        raise Http404("Voting is not open")
    error = None
    if request.method == "POST":
        wants_json = request.get_preferred_type(["text/html", "application/json"]) == (
            "application/json"
        )
        organisation_pk = request.POST.get("organisation", "")
        organisation = get_object_or_404(
            Organisation,
            pk=int(organisation_pk)
            if organisation_pk.isascii() and organisation_pk.isdigit()
            else 0,
        )
        keys = (
            [c.candidate_key for c in sel.candidates(election)]
            if ballot_widget(election) == "rank"
            else []
        )
        try:
            choices = choices_from_post(election, request.POST, keys)
            receipt = services.ballot_cast(
                actor=request.user,
                election=election,
                organisation=organisation,
                choices=choices,
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
            if wants_json:
                return JsonResponse({"error": error}, status=400)
        else:
            if wants_json:  # the voting page's script (vote.js): the same receipt, as data
                return JsonResponse(
                    {
                        "election": election.pk,
                        "organisation_id": organisation.pk,
                        "organisation": str(organisation),
                        "tracker": receipt.tracker,
                        "ballot_hash": receipt.ballot_hash,
                    }
                )
            return render(
                request,
                "elections/receipt.html",
                {
                    "platform": platform,
                    "election": election,
                    "receipt": receipt,
                    "organisation": organisation,
                },
            )
    rights = sel.voting_rights(request.user, election)
    if not rights:
        raise Http404("You do not vote in this election")
    candidates = sel.candidates(election)
    context = {
        "platform": platform,
        "election": election,
        "rights": rights,
        "candidates": candidates,
        "widget": ballot_widget(election),
        "voting_open": sel.voting_is_open(election),
        "error": error,
    }
    return render(request, "elections/vote.html", context, status=400 if error else 200)


@require_POST
@public
def nomination_answer(request, platform, election, nomination: int):
    require_login(request)
    the_nomination = get_object_or_404(Nomination, election=election, pk=nomination)
    if the_nomination.person.user_id != request.user.pk:
        raise Http404("Not your nomination")
    try:
        services.nomination_answer(
            actor=request.user,
            nomination=the_nomination,
            accept=request.POST.get("accept") == "1",
        )
    except ValidationError as exc:
        report(request, exc)
    else:
        messages.success(request, _("Your answer is recorded."))
    return redirect("elections:election-detail", platform.slug, election.pk)
