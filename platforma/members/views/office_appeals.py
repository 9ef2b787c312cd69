"""The secretariat's pages for appeals: the list, one appeal with its outcome, and an appeal
received on paper recorded on a member's behalf (docs/members.md, "Appeals")."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core.models import today_in
from platforma.core.office import office_view, submit

from .. import services
from ..forms import AppealDecisionForm, MembershipAppealDecisionForm, PaperAppealForm
from ..models import Appeal, Membership
from ..services.appeals import APPEALABLE, appeal_terms, decision_in_force
from .office import _detail_context

APPEALS_PER_PAGE = 50
APPEAL_RELATED = (
    "application__organisation",
    "application__membership",
    "membership_change__membership__organisation",
)


def _appeal(platform, pk) -> Appeal:
    return get_object_or_404(
        Appeal.objects.select_related("platform", *APPEAL_RELATED), platform=platform, pk=pk
    )


def _membership_of(appeal: Appeal) -> Membership:
    if appeal.membership_change is not None:
        return appeal.membership_change.membership
    assert appeal.application is not None
    return appeal.application.membership


@office_view
def appeal_list(request, platform):
    status = request.GET.get("status", "")
    appeals = Appeal.objects.filter(platform=platform).select_related(*APPEAL_RELATED)
    if status in Appeal.Status.values:
        appeals = appeals.filter(status=status)
    # Pending appeals first, then the latest.
    appeals = appeals.annotate(
        pending=Case(
            When(status=Appeal.Status.LODGED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("pending", "-lodged_at", "-pk")
    page = Paginator(appeals, APPEALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "members/office/appeal_list.html",
        {"platform": platform, "page": page, "status": status, "statuses": Appeal.Status},
    )


def _appeal_context(platform, appeal: Appeal, form=None):
    membership = _membership_of(appeal)
    if form is None and appeal.status == Appeal.Status.LODGED:
        initial = {"decided_on": today_in(platform), "heard_by": appeal.heard_by}
        form = (
            MembershipAppealDecisionForm(initial=initial)
            if appeal.membership_change_id
            else AppealDecisionForm(initial=initial)
        )
    return {
        "platform": platform,
        "appeal": appeal,
        "membership": membership,
        "organisation": membership.organisation,
        "history": membership.changes.all(),
        "form": form,
    }


@office_view
def appeal_detail(request, platform, pk: int):
    appeal = _appeal(platform, pk)
    return render(request, "members/office/appeal_detail.html", _appeal_context(platform, appeal))


@require_POST
@office_view
def appeal_decide(request, platform, pk: int):
    appeal = _appeal(platform, pk)
    of_application = appeal.application_id is not None
    form: forms.Form = (
        AppealDecisionForm(request.POST)
        if of_application
        else MembershipAppealDecisionForm(request.POST)
    )
    if submit(
        request,
        form,
        lambda data: services.appeal_decide(
            actor=request.user, appeal=appeal, language=get_language(), **data
        ),
        _("The appeal's outcome has been recorded."),
    ):
        if of_application:
            application_id = appeal.application_id
            return redirect("members:office-application-detail", platform.slug, application_id)
        return redirect("members:office-appeal-detail", platform.slug, pk)
    if of_application:
        assert appeal.application is not None
        context = _detail_context(platform, appeal.application, appeal_form=form)
        return render(request, "members/office_application_detail.html", context, status=400)
    context = _appeal_context(platform, appeal, form)
    return render(request, "members/office/appeal_detail.html", context, status=400)


@require_http_methods(["GET", "POST"])
@office_view
def membership_appeal_record(request, platform, pk: int):
    """An appeal against the member's suspension or expulsion that came on paper."""
    membership = get_object_or_404(
        Membership.objects.select_related("organisation"), platform=platform, pk=pk
    )
    change = decision_in_force(membership)
    if change is not None and change.to_status not in APPEALABLE:
        change = None
    form = PaperAppealForm(request.POST or None, initial={"received_on": today_in(platform)})
    if (
        change is not None
        and request.method == "POST"
        and submit(
            request,
            form,
            lambda data: services.membership_appeal_lodge(
                actor=request.user, change=change, language=get_language(), **data
            ),
            _("The appeal has been recorded."),
        )
    ):
        return redirect("members:office-membership-detail", platform.slug, pk)
    context = {
        "platform": platform,
        "membership": membership,
        "organisation": membership.organisation,
        "change": change,
        "terms": appeal_terms(change, platform) if change else None,
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "members/office/appeal_record.html", context, status=status)
