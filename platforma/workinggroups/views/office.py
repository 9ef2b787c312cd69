"""The office's pages for working groups: who is in each, enrolling and ending enrolments, and
the texts of a group's page.

Open to the secretariat and to the groups' coordinators (``office_view(coordinators=True)``):
a coordinator sees only the groups they coordinate (``request.office_groups``); any other
group, or its enrolment, is a 404. Writes go through ``workinggroups.services``, so the
statute's good-standing check, the audit and the refusal of days still to come apply here as
everywhere else, and the services check again who may act on which group.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core.models import today_in
from platforma.core.office import office_groups, office_view, posted, submit

from .. import services
from ..forms import EnrolForm, EnrolmentEndForm, WorkingGroupTextForm
from ..models import Enrolment, WorkingGroup


def visible_groups(request, platform) -> QuerySet[WorkingGroup]:
    """The platform's groups that the page may show: all for the secretariat, a coordinator's
    own otherwise."""
    groups = WorkingGroup.objects.filter(platform=platform)
    mine = office_groups(request)
    return groups if mine is None else groups.filter(pk__in=mine)


@office_view(coordinators=True)
def group_list(request, platform):
    groups = (
        visible_groups(request, platform)
        .select_related("parent", "forum_group")
        .annotate(
            member_count=Count("enrolments", filter=Q(enrolments__until__isnull=True)),
        )
        .order_by("position", "slug")
    )
    return render(
        request, "workinggroups/office/group_list.html", {"platform": platform, "groups": groups}
    )


def _group(request, platform, pk) -> WorkingGroup:
    return get_object_or_404(
        visible_groups(request, platform).select_related("parent", "forum_group"), pk=pk
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


@office_view(coordinators=True)
def group_detail(request, platform, pk: int):
    group = _group(request, platform, pk)
    return render(
        request, "workinggroups/office/group_detail.html", _group_context(platform, group)
    )


@require_http_methods(["GET", "POST"])
@office_view(coordinators=True)
def group_edit(request, platform, pk: int):
    """The texts of the group's public page, in each language."""
    group = _group(request, platform, pk)
    form = WorkingGroupTextForm(posted(request), platform=platform, working_group=group)
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: services.working_group_text_update(
            actor=request.user, working_group=group, seen_version=form.seen_version(), **data
        ),
        _("The working group's page is saved."),
    ):
        return redirect("workinggroups:office-group-detail", platform.slug, group.pk)
    return render(
        request,
        "workinggroups/office/group_edit.html",
        {"platform": platform, "group": group, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@office_view(coordinators=True)
def enrolment_add(request, platform, pk: int):
    group = _group(request, platform, pk)
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
@office_view(coordinators=True)
def enrolment_end(request, platform, pk: int):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("working_group", "membership__organisation"),
        working_group__in=visible_groups(request, platform),
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
