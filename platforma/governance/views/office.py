"""The secretariat's pages for offices, mandates and statute versions (through the services).

Mandates are started and ended here and nowhere else: their dates are never edited freely, so
the statute's checks (good standing, free seats, term limits) and the audit always apply.
"""

from __future__ import annotations

import json

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core import services as core_services
from platforma.core.models import Statute, today_in
from platforma.core.office import office_view, submit
from platforma.core.selectors import statute_in_force

from .. import services
from ..forms import MandateEndForm, MandateStartForm, OfficeCreateForm, StatuteAdoptForm
from ..models import Mandate, Office
from ..selectors import mandates_in_force


@office_view
def office_list(request, platform):
    today = today_in(platform)
    offices = (
        Office.objects.filter(platform=platform)
        .select_related("body", "working_group")
        .prefetch_related(
            Prefetch(
                "mandates",
                queryset=mandates_in_force(platform, today).order_by("starts_on"),
                to_attr="holders",
            )
        )
    )
    return render(
        request,
        "governance/office/office_list.html",
        {"platform": platform, "offices": offices, "today": today},
    )


@require_http_methods(["GET", "POST"])
@office_view
def office_create(request, platform):
    form = OfficeCreateForm(request.POST or None, platform=platform)
    created = {}

    def create(data):
        created["office"] = services.office_create(actor=request.user, platform=platform, **data)

    if request.method == "POST" and submit(
        request, form, create, _("The office has been created.")
    ):
        return redirect("governance:office-office-detail", platform.slug, created["office"].pk)
    return render(
        request,
        "governance/office/office_form.html",
        {"platform": platform, "form": form},
        status=400 if form.is_bound else 200,
    )


def _office(platform, pk) -> Office:
    return get_object_or_404(
        Office.objects.select_related("body", "working_group"), platform=platform, pk=pk
    )


def _office_context(platform, office, form=None):
    today = today_in(platform)
    mandates = list(
        office.mandates.select_related("person", "organisation").order_by("-starts_on", "-pk")
    )
    for mandate in mandates:
        mandate.in_force = mandate.starts_on <= today and (
            mandate.ends_on is None or mandate.ends_on >= today
        )
        mandate.can_end = not mandate.ended_early and (
            mandate.ends_on is None or mandate.ends_on >= today
        )
    return {
        "platform": platform,
        "the_office": office,  # "office" is base.html's: whether the user has the office menu
        "mandates": mandates,
        "form": form or MandateStartForm(platform=platform, initial={"starts_on": today}),
        "today": today,
    }


@office_view
def office_detail(request, platform, pk: int):
    office = _office(platform, pk)
    return render(
        request, "governance/office/office_detail.html", _office_context(platform, office)
    )


@require_POST
@office_view
def mandate_start(request, platform, pk: int):
    office = _office(platform, pk)
    form = MandateStartForm(request.POST, platform=platform)
    if submit(
        request,
        form,
        lambda data: services.mandate_start(actor=request.user, office=office, **data),
        _("The mandate has been recorded."),
    ):
        return redirect("governance:office-office-detail", platform.slug, office.pk)
    return render(
        request,
        "governance/office/office_detail.html",
        _office_context(platform, office, form),
        status=400,
    )


@require_http_methods(["GET", "POST"])
@office_view
def mandate_end(request, platform, pk: int):
    mandate = get_object_or_404(
        Mandate.objects.select_related("office", "person", "organisation"),
        office__platform=platform,
        pk=pk,
    )
    form = MandateEndForm(
        request.POST or None, platform=platform, initial={"ended_on": today_in(platform)}
    )
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: services.mandate_end(
            actor=request.user, mandate=mandate, ended_on=data["ended_on"], reason=data["reason"]
        ),
        _("The mandate has ended."),
    ):
        return redirect("governance:office-office-detail", platform.slug, mandate.office_id)
    return render(
        request,
        "governance/office/mandate_end.html",
        {"platform": platform, "mandate": mandate, "form": form},
        status=400 if form.is_bound else 200,
    )


@office_view
def statute_list(request, platform):
    today = today_in(platform)
    current = statute_in_force(platform, today)
    return render(
        request,
        "governance/office/statute_list.html",
        {
            "platform": platform,
            "statutes": Statute.objects.filter(platform=platform).order_by("-effective_from"),
            "current": current,
            "today": today,
        },
    )


@office_view
def statute_detail(request, platform, pk: int):
    statute = get_object_or_404(Statute, platform=platform, pk=pk)
    return render(
        request,
        "governance/office/statute_detail.html",
        {
            "platform": platform,
            "statute": statute,
            "rules_json": json.dumps(statute.rules, indent=2, ensure_ascii=False, sort_keys=True),
        },
    )


@require_http_methods(["GET", "POST"])
@office_view
def statute_adopt(request, platform):
    latest = Statute.objects.filter(platform=platform).order_by("-effective_from").first()
    initial = {
        "rules": json.dumps(latest.rules if latest else {}, indent=2, ensure_ascii=False),
        "title": latest.title if latest else "",
    }
    form = StatuteAdoptForm(request.POST or None, platform=platform, initial=initial)
    adopted = {}

    def adopt(data):
        adopted["statute"] = core_services.statute_adopt(
            actor=request.user,
            platform=platform,
            title=data["title"],
            effective_from=data["effective_from"],
            rules=data["rules"],
            adopted_by=data["adopted_by"],
            text_url=data["text_url"],
        )

    if request.method == "POST" and submit(
        request, form, adopt, _("The new version of the statute has been adopted.")
    ):
        return redirect("governance:office-statute-detail", platform.slug, adopted["statute"].pk)
    return render(
        request,
        "governance/office/statute_form.html",
        {"platform": platform, "form": form},
        status=400 if form.is_bound else 200,
    )
