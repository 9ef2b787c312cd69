"""The secretariat's pages: create and run elections, nominations, proxies, paper ballots."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from platforma.members.models import Organisation

from .. import selectors as sel
from .. import services
from ..forms import (
    ElectionForm,
    NominationForm,
    ProxyForm,
    SecondRoundForm,
    ballot_widget,
    choices_from_post,
)
from ..models import Election, ElectionProxy, VoterRecord
from ._helpers import report, secretariat

NEXT_STEP = {
    Election.State.DRAFT: (Election.State.NOMINATIONS, gettext_lazy("Open nominations")),
    Election.State.NOMINATIONS: (Election.State.VOTING, gettext_lazy("Open voting")),
    Election.State.VOTING: (Election.State.CLOSED, gettext_lazy("Close the vote and count")),
    Election.State.CLOSED: (Election.State.PUBLISHED, gettext_lazy("Publish the result")),
}


@secretariat
def office_list(request, platform):
    # The secretariat types the times as the pages show them: in the platform's time zone.
    with timezone.override(platform.time_zone):
        form = ElectionForm(request.POST or None, platform=platform)
        valid = request.method == "POST" and form.is_valid()
    if valid:
        data = dict(form.cleaned_data)
        try:
            election = services.election_create(
                actor=request.user,
                platform=platform,
                body=data.pop("body"),
                office=data.pop("office"),
                method=data.pop("method"),
                seats=data.pop("seats"),
                voting_opens_at=data.pop("voting_opens_at"),
                voting_closes_at=data.pop("voting_closes_at"),
                **{k: v for k, v in data.items() if v not in (None, "")},
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The election is created as a draft."))
            return redirect("elections:office-detail", platform.slug, election.pk)
    elections = (
        Election.objects.filter(platform=platform)
        .select_related("body", "office")
        .annotate(voted=Count("voters", distinct=True))
        .order_by("-voting_opens_at", "-id")
    )
    return render(
        request,
        "elections/office_list.html",
        {"platform": platform, "elections": elections, "form": form},
    )


@secretariat
def office_detail(request, platform, election):
    context = {
        "platform": platform,
        "election": election,
        "next_step": NEXT_STEP.get(election.state),
        "nominations": sel.nominations_with_problems(election),
        "nomination_form": NominationForm(platform=platform),
        "proxy_form": ProxyForm(platform=platform),
        "proxies": ElectionProxy.objects.filter(election=election).select_related(
            "grantor", "holder"
        ),
        "turnout": sel.turnout(election),
        "can_add_nominations": election.state == Election.State.NOMINATIONS,
        "can_add_proxies": election.state
        in (Election.State.DRAFT, Election.State.NOMINATIONS, Election.State.VOTING),
        **_second_round_context(election),
    }
    return render(request, "elections/office_detail.html", context)


def _second_round_context(election: Election) -> dict:
    """The first round of a second round, or a first round's second round (or its form)."""
    context: dict = {}
    if election.first_round_id:
        context["first_round"] = Election.objects.get(pk=election.first_round_id)
    if election.method != Election.Method.TWO_ROUND or election.state not in (
        Election.State.CLOSED,
        Election.State.PUBLISHED,
    ):
        return context
    pair = ((election.board or {}).get("result") or {}).get("second_round") or []
    if not pair:
        return context
    names = {c["key"]: c["name"] for c in election.board["election"]["candidates"]}
    context["second_round_pair"] = [names.get(key, key) for key in pair]
    context["second_round"] = election.second_rounds.first()
    if context["second_round"] is None:
        context["second_round_form"] = SecondRoundForm()
    return context


@require_POST
@secretariat
def office_second_round(request, platform, election):
    # The secretariat types the times as the pages show them: in the platform's time zone.
    with timezone.override(platform.time_zone):
        form = SecondRoundForm(request.POST)
        valid = form.is_valid()
    if not valid:
        messages.error(request, _("Give the times voting opens and closes in the second round."))
        return redirect("elections:office-detail", platform.slug, election.pk)
    try:
        second = services.election_second_round_create(
            actor=request.user, election=election, **form.cleaned_data
        )
    except ValidationError as exc:
        report(request, exc)
        return redirect("elections:office-detail", platform.slug, election.pk)
    messages.success(
        request, _("The second round is created with its two candidates on the ballot.")
    )
    return redirect("elections:office-detail", platform.slug, second.pk)


@require_POST
@secretariat
def office_transition(request, platform, election):
    try:
        services.election_transition(
            actor=request.user, election=election, to=request.POST.get("to", "")
        )
    except ValidationError as exc:
        report(request, exc)
    else:
        election.refresh_from_db()
        messages.success(
            request,
            _("The election is now “%(state)s”.") % {"state": election.get_state_display()},
        )
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@secretariat
def office_nomination_add(request, platform, election):
    form = NominationForm(request.POST, platform=platform)
    if form.is_valid():
        try:
            services.nomination_create(actor=request.user, election=election, **form.cleaned_data)
        except ValidationError as exc:
            report(request, exc)
        else:
            messages.success(request, _("The nomination is recorded."))
    else:
        messages.error(request, _("Choose the candidate and their organisation."))
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@secretariat
def office_nomination_answer(request, platform, election, nomination: int):
    nomination = election.nominations.filter(pk=nomination).first()
    if nomination is None:
        raise Http404("No such nomination")
    try:
        services.nomination_answer(
            actor=request.user, nomination=nomination, accept=request.POST.get("accept") == "1"
        )
    except ValidationError as exc:
        report(request, exc)
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@secretariat
def office_proxy_add(request, platform, election):
    form = ProxyForm(request.POST, platform=platform)
    if form.is_valid():
        try:
            services.election_proxy_grant(
                actor=request.user, election=election, **form.cleaned_data
            )
        except ValidationError as exc:
            report(request, exc)
        else:
            messages.success(request, _("The proxy is recorded."))
    return redirect("elections:office-detail", platform.slug, election.pk)


@secretariat
def office_paper(request, platform, election):
    """Paper voters, the teller's entry form, and the reconciliation of both tellers' entries."""
    candidates = sel.candidates(election)
    keys = [c.candidate_key for c in candidates]
    if request.method == "POST":
        try:
            if request.POST.get("action") == "voter":
                organisation = Organisation.objects.filter(
                    pk=request.POST.get("organisation") or 0
                ).first()
                if organisation is None:
                    raise ValidationError(_("Choose the organisation."))
                services.paper_voter_record(
                    actor=request.user, election=election, organisation=organisation
                )
                messages.success(request, _("The organisation is recorded as voting on paper."))
            else:
                invalid = request.POST.get("invalid") == "1"
                services.paper_entry_save(
                    actor=request.user,
                    election=election,
                    batch=request.POST.get("batch", ""),
                    sequence=int(request.POST.get("sequence") or 0),
                    choices=[] if invalid else choices_from_post(election, request.POST, keys),
                    invalid=invalid,
                )
                messages.success(request, _("Your reading of the ballot is saved."))
        except ValidationError as exc:
            report(request, exc)
        except ValueError:
            messages.error(request, _("The ballot's number must be a whole number."))
        return redirect("elections:office-paper", platform.slug, election.pk)
    names = {c.candidate_key: f"{c.person.full_name} ({c.organisation})" for c in candidates}
    groups = sel.paper_groups(election)
    for group in groups:
        for entry in group.entries:
            reading = json.loads(entry.content)
            entry.reading = (
                [_("invalid ballot")]
                if reading["invalid"]
                else [names.get(k, k) for k in reading["choices"]] or [_("blank ballot")]
            )
    paper_voters = VoterRecord.objects.filter(
        election=election, channel=VoterRecord.Channel.PAPER
    ).select_related("organisation")
    voted = VoterRecord.objects.filter(election=election).values("organisation")
    context = {
        "platform": platform,
        "election": election,
        "candidates": candidates,
        "widget": ballot_widget(election),
        "groups": groups,
        "differing": [g for g in groups if g.status == "differ"],
        "single": [g for g in groups if g.status == "single"],
        "agreed": sum(1 for g in groups if g.status == "agree"),
        "paper_voters": paper_voters,
        "electorate": sel.electorate(election)
        .exclude(organisation__in=voted)
        .select_related("organisation")
        .order_by("organisation__legal_name"),
        "is_open": election.state == Election.State.VOTING,
    }
    return render(request, "elections/office_paper.html", context)
