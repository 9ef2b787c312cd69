"""The secretariat's pages: create and run elections, nominations, proxies, paper ballots."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from platforma.core.office import office_view, report, submit
from platforma.core.tenancy import scoped
from platforma.members.models import Organisation

from .. import sealing, services
from .. import selectors as sel
from ..forms import (
    ElectionEditForm,
    ElectionForm,
    NewCandidateForm,
    NominationForm,
    ProxyForm,
    SecondRoundForm,
    TellersForm,
    ballot_widget,
    choices_from_post,
)
from ..models import Election, ElectionProxy, VoterRecord
from ..services.box import APPOINTABLE
from ._helpers import with_election

# The button of each step; which step comes next is the election's to say (``next_state``).
STEP_LABELS = {
    Election.State.NOMINATIONS: gettext_lazy("Open nominations"),
    Election.State.VOTING: gettext_lazy("Open voting"),
    Election.State.CLOSED: gettext_lazy("Close the vote and count"),
    Election.State.PUBLISHED: gettext_lazy("Publish the result"),
}


@office_view
def office_list(request, platform):
    """The platform's elections, and the form that creates one (a draft)."""
    form = ElectionForm(request.POST or None, platform=platform)
    created: list[Election] = []

    def create(data):
        data = dict(data)
        created.append(
            services.election_create(
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
        )

    if request.method == "POST" and submit(
        request, form, create, _("The election is created as a draft.")
    ):
        return redirect("elections:office-detail", platform.slug, created[0].pk)
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
        status=400 if request.method == "POST" else 200,
    )


@office_view
@with_election
def office_detail(request, platform, election):
    tellers = list(election.tellers.select_related("user__person").order_by("number"))
    context = {
        "platform": platform,
        "election": election,
        "next_step": (
            (election.next_state, STEP_LABELS[election.next_state]) if election.next_state else None
        ),
        "nominations": sel.nominations_with_problems(election),
        "nomination_form": NominationForm(platform=platform),
        "proxy_form": ProxyForm(platform=platform),
        "proxies": ElectionProxy.objects.filter(election=election).select_related(
            "grantor", "holder"
        ),
        "turnout": sel.turnout(election),
        "tellers": tellers,
        "tellers_form": TellersForm(
            platform=platform,
            initial={
                "users": [t.user_id for t in tellers],
                "needed": election.tellers_needed if election.public_key else 2,
            },
        ),
        "can_appoint_tellers": election.state in APPOINTABLE,
        "not_ready": (
            services.readiness_problems(election, tellers)
            if election.state == Election.State.NOMINATIONS
            else []
        ),
        "fingerprint": sealing.fingerprint(election.public_key) if election.public_key else "",
        "editable": services.settings_refusal(election) is None,
        "can_add_nominations": election.accepts_nominations,
        "can_add_proxies": election.accepts_proxies,
        **_second_round_context(election, platform),
    }
    return render(request, "elections/office_detail.html", context)


@office_view
@with_election
def office_election_edit(request, platform, election):
    """The election's settings, while it is a draft or nominations are open."""
    refusal = services.settings_refusal(election)
    form = None
    if refusal is None:
        form = ElectionEditForm(
            request.POST or None,
            platform=platform,
            initial=ElectionEditForm.initial_for(election),
            versioned=election,
        )
        if request.method == "POST" and submit(
            request,
            form,
            lambda data: services.election_update(
                actor=request.user,
                election=election,
                seen_version=form.seen_version(),
                **form.changes(),
            ),
            _("The election's settings are saved."),
        ):
            return redirect("elections:office-detail", platform.slug, election.pk)
    elif request.method == "POST":
        messages.error(request, refusal)
    return render(
        request,
        "elections/office/election_edit.html",
        {"platform": platform, "election": election, "form": form, "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )


@office_view
@with_election
def office_nomination_new(request, platform, election):
    """Nominate someone who is not in the registry yet: the service adds them first."""
    is_open = election.accepts_nominations
    form = NewCandidateForm(request.POST or None, platform=platform)
    if request.method == "POST":
        if not is_open:
            messages.error(request, _("Nominations are not open in this election."))
        elif submit(
            request,
            form,
            lambda data: services.nomination_create(
                actor=request.user, election=election, **form.service_arguments()
            ),
            _("The candidate is added to the registry and the nomination is recorded."),
        ):
            return redirect("elections:office-detail", platform.slug, election.pk)
    return render(
        request,
        "elections/office/nomination_new.html",
        {"platform": platform, "election": election, "form": form, "is_open": is_open},
        status=400 if request.method == "POST" else 200,
    )


def _second_round_context(election: Election, platform) -> dict:
    """The first round of a second round, or a first round's second round (or its form)."""
    context: dict = {}
    if election.first_round_id:
        context["first_round"] = Election.objects.get(pk=election.first_round_id)
    if election.method != Election.Method.TWO_ROUND or election.state not in (
        Election.State.CLOSED,
        Election.State.PUBLISHED,
    ):
        return context
    board = election.board or {}
    pair = (board.get("result") or {}).get("second_round") or []
    if not pair:
        return context
    names = {c["key"]: c["name"] for c in board["election"]["candidates"]}
    context["second_round_pair"] = [names.get(key, key) for key in pair]
    context["second_round"] = election.second_rounds.first()
    if context["second_round"] is None:
        context["second_round_form"] = SecondRoundForm(platform=platform)
    return context


@require_POST
@office_view
@with_election
def office_second_round(request, platform, election):
    form = SecondRoundForm(request.POST, platform=platform)  # read in the platform's zone
    if not form.is_valid():
        messages.error(request, _("Give the times voting opens and closes in the second round."))
        return redirect("elections:office-detail", platform.slug, election.pk)
    try:
        second = services.election_second_round_create(
            actor=request.user, election=election, **form.cleaned_data
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
        return redirect("elections:office-detail", platform.slug, election.pk)
    messages.success(
        request, _("The second round is created with its two candidates on the ballot.")
    )
    return redirect("elections:office-detail", platform.slug, second.pk)


@require_POST
@office_view
@with_election
def office_tellers(request, platform, election):
    """Appoint the tellers (a new key pair; each then takes their share on their page)."""
    form = TellersForm(request.POST, platform=platform)

    def appoint(data):
        services.election_tellers_appoint(
            actor=request.user, election=election, users=data["users"], needed=data["needed"]
        )

    if not submit(
        request,
        form,
        appoint,
        _("The tellers are appointed. Each takes their share on the election's teller page."),
    ):
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@office_view
@with_election
def office_transition(request, platform, election):
    try:
        services.election_transition(
            actor=request.user,
            election=election,
            to=request.POST.get("to", ""),
            shares=request.POST.getlist("share"),
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        election.refresh_from_db()
        messages.success(
            request,
            _("The election is now “%(state)s”.") % {"state": election.get_state_display()},
        )
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@office_view
@with_election
def office_nomination_add(request, platform, election):
    form = NominationForm(request.POST, platform=platform)
    if form.is_valid():
        try:
            services.nomination_create(actor=request.user, election=election, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, _("The nomination is recorded."))
    else:
        messages.error(request, _("Choose the candidate and their organisation."))
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@office_view
@with_election
def office_nomination_answer(request, platform, election, nomination: int):
    the_nomination = election.nominations.filter(pk=nomination).first()
    if the_nomination is None:
        raise Http404("No such nomination")
    try:
        services.nomination_answer(
            actor=request.user,
            nomination=the_nomination,
            accept=request.POST.get("accept") == "1",
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    return redirect("elections:office-detail", platform.slug, election.pk)


@require_POST
@office_view
@with_election
def office_proxy_add(request, platform, election):
    form = ProxyForm(request.POST, platform=platform)
    if form.is_valid():
        try:
            services.election_proxy_grant(
                actor=request.user, election=election, **form.cleaned_data
            )
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, _("The proxy is recorded."))
    return redirect("elections:office-detail", platform.slug, election.pk)


def _number(raw) -> int:
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else 0


@office_view
@with_election
def office_paper(request, platform, election):
    """Paper voters, the teller's entry form, and the reconciliation of both tellers' entries."""
    candidates = sel.candidates(election)
    keys = [c.candidate_key for c in candidates]
    if request.method == "POST":
        try:
            if request.POST.get("action") == "voter":
                organisation = (
                    scoped(Organisation.objects.all(), platform)
                    .filter(pk=_number(request.POST.get("organisation")))
                    .first()
                )
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
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        except ValueError:
            messages.error(request, _("The ballot's number must be a whole number."))
        return redirect("elections:office-paper", platform.slug, election.pk)
    names = {c.candidate_key: f"{c.person.full_name} ({c.organisation})" for c in candidates}
    groups = sel.paper_groups(election)
    # Until the vote closes every reading is sealed like a ballot: the page says whether two
    # readings agree (by their keyed digests), never what they read.
    for group in groups:
        for entry in group.entries:
            if not entry.content:
                entry.reading = None
                continue
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
