"""The secretariat's pages for working groups: who is in each, enrolling and ending enrolments.

Enrolments go through ``workinggroups.services``, so the statute's good-standing check, the
audit and the refusal of days still to come apply here as everywhere else.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core.models import today_in
from platforma.core.office import office_view, submit

from .. import services
from ..forms import EnrolForm, EnrolmentEndForm
from ..models import Enrolment, WorkingGroup


@office_view
def group_list(request, platform):
    groups = (
        WorkingGroup.objects.filter(platform=platform)
        .select_related("parent", "forum_group")
        .annotate(
            member_count=Count("enrolments", filter=Q(enrolments__until__isnull=True)),
        )
        .order_by("position", "slug")
    )
    return render(
        request, "workinggroups/office/group_list.html", {"platform": platform, "groups": groups}
    )


def _group(platform, pk) -> WorkingGroup:
    return get_object_or_404(
        WorkingGroup.objects.select_related("parent", "forum_group"), platform=platform, pk=pk
    )


def _group_context(platform, group, form=None):
    enrolments = list(
        Enrolment.objects.filter(working_group=group)
        .select_related("membership__organisation")
        .order_by("membership__organisation__legal_name", "-since")
    )
    return {
        "platform": platform,
        "group": group,
        "current": [e for e in enrolments if e.until is None],
        "past": [e for e in enrolments if e.until is not None],
        "form": form
        or EnrolForm(platform=platform, working_group=group, initial={"since": today_in(platform)}),
    }


@office_view
def group_detail(request, platform, pk: int):
    group = _group(platform, pk)
    return render(
        request, "workinggroups/office/group_detail.html", _group_context(platform, group)
    )


@require_POST
@office_view
def enrolment_add(request, platform, pk: int):
    group = _group(platform, pk)
    form = EnrolForm(request.POST, platform=platform, working_group=group)
    if submit(
        request,
        form,
        lambda data: services.enrolment_add(actor=request.user, working_group=group, **data),
        _("The organisation has joined the working group."),
    ):
        return redirect("workinggroups:office-group-detail", platform.slug, group.pk)
    return render(
        request,
        "workinggroups/office/group_detail.html",
        _group_context(platform, group, form),
        status=400,
    )


@require_http_methods(["GET", "POST"])
@office_view
def enrolment_end(request, platform, pk: int):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("working_group", "membership__organisation"),
        working_group__platform=platform,
        pk=pk,
    )
    form = EnrolmentEndForm(
        request.POST or None, platform=platform, initial={"until": today_in(platform)}
    )
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: services.enrolment_end(
            actor=request.user, enrolment=enrolment, until=data["until"]
        ),
        _("The organisation has left the working group."),
    ):
        return redirect(
            "workinggroups:office-group-detail", platform.slug, enrolment.working_group_id
        )
    return render(
        request,
        "workinggroups/office/enrolment_end.html",
        {"platform": platform, "enrolment": enrolment, "form": form},
        status=400 if form.is_bound else 200,
    )
