"""The secretariat's pages for the registry: applications, members, import and export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from platforma.core.models import today_in
from platforma.core.office import office_view, report, submit
from platforma.core.selectors import rules_in_force
from platforma.core.uploads import attachment_response
from platforma.governance.models import Body

from .. import eligibility, exports, services
from ..forms import (
    AppealDecisionForm,
    BoardOpinionForm,
    DecisionForm,
    ImportForm,
    InviteForm,
    TransitionForm,
)
from ..models import (
    Appeal,
    Application,
    ApplicationDocument,
    Membership,
    ProfileChangeRequest,
    Representative,
)
from ..selectors import text_match
from ..services.appeals import APPEALABLE, body_name, decision_in_force
from ..services.applications import DECIDING_BODY

APPLICATIONS_PER_PAGE = 50
MEMBERS_PER_PAGE = 100


def _submit(request, form, action, success: str) -> bool:
    """Validate ``form`` and call the service; a refusal's messages go onto the form."""
    return submit(request, form, action, success)


@office_view
def office_home(request, platform):
    open_statuses = [Membership.Status.APPLIED, Membership.Status.UNDER_REVIEW]
    open_applications = Application.objects.filter(
        platform=platform, membership__status__in=open_statuses
    ).count()
    context = {
        "platform": platform,
        "open_applications": open_applications,
        "pending_appeals": Appeal.objects.filter(
            platform=platform, status=Appeal.Status.LODGED
        ).count(),
        "pending_changes": ProfileChangeRequest.objects.filter(
            platform=platform, status=ProfileChangeRequest.Status.PENDING
        ).select_related("organisation", "requested_by"),
    }
    return render(request, "members/office_home.html", context)


@office_view
def application_list(request, platform):
    status = request.GET.get("status", "open")
    applications = (
        Application.objects.filter(platform=platform)
        .select_related("organisation", "membership")
        .annotate(confirmed=Count("recommendations", filter=Q(recommendations__status="confirmed")))
    )
    if status == "open":
        applications = applications.filter(
            membership__status__in=[Membership.Status.APPLIED, Membership.Status.UNDER_REVIEW]
        )
    elif status in Membership.Status.values:
        applications = applications.filter(membership__status=status)
    page = Paginator(applications.order_by("-submitted_at"), APPLICATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "members/office_application_list.html",
        {"platform": platform, "page": page, "status": status, "statuses": Membership.Status},
    )


def _application(platform, pk) -> Application:
    return get_object_or_404(
        Application.objects.select_related("organisation", "membership", "platform"),
        platform=platform,
        pk=pk,
    )


def _detail_context(platform, application, **forms):
    today = today_in(platform)
    all_rules = rules_in_force(platform, today)
    rules = all_rules.admission
    appeal_rule = all_rules.appeal("rejection")
    body_kind = DECIDING_BODY.get(rules.decided_by, Body.Kind.BOARD)
    next_statuses = services.TRANSITIONS.get(application.membership.status, set())
    context = {
        "platform": platform,
        "application": application,
        "criteria": eligibility.check(application),
        "documents": application.documents.all(),
        "recommendations": application.recommendations.select_related("recommender__organisation"),
        "working_groups": application.working_groups.all(),
        "history": application.membership.changes.all(),
        "appeals": application.appeals.all(),
        "rules": rules,
        "deciding_body": Body.Kind(body_kind).label,
        # What the page offers is what the state machine (services.TRANSITIONS) allows next.
        "can_review": Membership.Status.UNDER_REVIEW in next_statuses,
        "can_decide": Membership.Status.ADMITTED in next_statuses,
        "needs_opinion": rules.decided_by == "board_then_assembly",
        "decision_form": forms.get("decision_form") or DecisionForm(initial={"decided_on": today}),
        "opinion_form": forms.get("opinion_form") or BoardOpinionForm(initial={"given_on": today}),
        "appeal_form": forms.get("appeal_form")
        or AppealDecisionForm(
            initial={"decided_on": today, "heard_by": body_name(platform, appeal_rule)}
        ),
    }
    return context


@office_view
def application_detail(request, platform, pk: int):
    application = _application(platform, pk)
    return render(
        request, "members/office_application_detail.html", _detail_context(platform, application)
    )


@require_POST
@office_view
def application_review(request, platform, pk: int):
    application = _application(platform, pk)
    try:
        services.application_start_review(actor=request.user, application=application)
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The application is now under review."))
    return redirect("members:office-application-detail", platform.slug, pk)


@require_POST
@office_view
def application_opinion(request, platform, pk: int):
    application = _application(platform, pk)
    form = BoardOpinionForm(request.POST)
    if _submit(
        request,
        form,
        lambda data: services.application_record_board_opinion(
            actor=request.user, application=application, **data
        ),
        _("The Board's opinion has been recorded."),
    ):
        return redirect("members:office-application-detail", platform.slug, pk)
    context = _detail_context(platform, application, opinion_form=form)
    return render(request, "members/office_application_detail.html", context, status=400)


@require_POST
@office_view
def application_decide(request, platform, pk: int):
    application = _application(platform, pk)
    form = DecisionForm(request.POST)

    def decide(data):
        rules = rules_in_force(platform, data["decided_on"]).admission
        services.application_decide(
            actor=request.user,
            application=application,
            decided_by=DECIDING_BODY.get(rules.decided_by, Body.Kind.BOARD),
            **data,
        )

    if _submit(request, form, decide, _("The decision has been recorded and the applicant told.")):
        return redirect("members:office-application-detail", platform.slug, pk)
    context = _detail_context(platform, application, decision_form=form)
    return render(request, "members/office_application_detail.html", context, status=400)


@office_view
def document_download(request, platform, pk: int):
    document = get_object_or_404(ApplicationDocument, application__platform=platform, pk=pk)
    return attachment_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


@office_view
def office_member_list(request, platform):
    status = request.GET.get("status", "")
    memberships = Membership.objects.filter(platform=platform).select_related("organisation")
    if status in Membership.Status.values:
        memberships = memberships.filter(status=status)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        lookup, value = text_match(query)
        memberships = memberships.filter(
            Q(**{f"organisation__legal_name__{lookup}": value})
            | Q(**{f"organisation__legal_name_{get_language()}__{lookup}": value})
            | Q(**{f"organisation__acronym__{lookup}": value})
        )
    memberships = memberships.order_by(
        f"organisation__legal_name_{get_language()}", "organisation__legal_name"
    )
    page = Paginator(memberships, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "members/office_member_list.html",
        {
            "platform": platform,
            "page": page,
            "status": status,
            "statuses": Membership.Status,
            "query": query,
        },
    )


def _membership(platform, pk) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("organisation"), platform=platform, pk=pk
    )


def _membership_context(platform, membership, **forms):
    allowed = sorted(services.TRANSITIONS.get(membership.status, set()))
    today = today_in(platform)
    in_force = decision_in_force(membership)
    return {
        "platform": platform,
        "membership": membership,
        "organisation": membership.organisation,
        "history": membership.changes.all(),
        "representatives": Representative.objects.filter(
            organisation=membership.organisation
        ).select_related("person"),
        "transition_form": forms.get("transition_form")
        or (TransitionForm(allowed=allowed, initial={"effective_on": today}) if allowed else None),
        "invite_form": forms.get("invite_form") or InviteForm(),
        "enrolments": membership.enrolments.select_related("working_group").order_by(
            "working_group__position"
        ),
        "appeals": Appeal.objects.filter(
            Q(membership_change__membership=membership) | Q(application__membership=membership)
        ).select_related("membership_change"),
        "can_record_appeal": in_force is not None and in_force.to_status in APPEALABLE,
    }


@office_view
def membership_detail(request, platform, pk: int):
    membership = _membership(platform, pk)
    return render(
        request, "members/office_membership_detail.html", _membership_context(platform, membership)
    )


@require_POST
@office_view
def membership_transition(request, platform, pk: int):
    membership = _membership(platform, pk)
    allowed = sorted(services.TRANSITIONS.get(membership.status, set()))
    form = TransitionForm(request.POST, allowed=allowed)
    if _submit(
        request,
        form,
        lambda data: services.membership_transition(
            actor=request.user, membership=membership, **data
        ),
        _("The membership's status has been changed."),
    ):
        return redirect("members:office-membership-detail", platform.slug, pk)
    context = _membership_context(platform, membership, transition_form=form)
    return render(request, "members/office_membership_detail.html", context, status=400)


@require_POST
@office_view
def membership_invite(request, platform, pk: int):
    membership = _membership(platform, pk)
    form = InviteForm(request.POST)
    if _submit(
        request,
        form,
        lambda data: services.representative_invite(
            actor=request.user,
            platform=platform,
            organisation=membership.organisation,
            language=get_language(),
            **data,
        ),
        _("An invitation has been sent to %(email)s.")
        % {"email": request.POST.get("email", "").strip()},
    ):
        return redirect("members:office-membership-detail", platform.slug, pk)
    context = _membership_context(platform, membership, invite_form=form)
    return render(request, "members/office_membership_detail.html", context, status=400)


@office_view
def member_export(request, platform, fmt: str):
    header, rows = exports.export_rows(platform)
    stamp = today_in(platform).isoformat()
    if fmt == "csv":
        response = HttpResponse(
            exports.as_csv(header, rows), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(header, rows, title=_("Members")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404("Unknown format")
    response["Content-Disposition"] = (
        f'attachment; filename="members-{platform.slug}-{stamp}.{fmt}"'
    )
    return response


@require_http_methods(["GET", "POST"])
@office_view
def member_import(request, platform):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = services.members_import(
            actor=request.user,
            platform=platform,
            content=upload.read(),
            filename=upload.name,
            dry_run=form.cleaned_data["dry_run"],
        )
        if report.ok and not report.dry_run:
            messages.success(request, _("The file has been imported."))
    return render(
        request,
        "members/office_import.html",
        {"platform": platform, "form": form, "report": report},
        status=400 if report and not report.ok else 200,
    )


@require_POST
@office_view
def change_request_decide(request, platform, pk: int):
    change = get_object_or_404(ProfileChangeRequest, platform=platform, pk=pk)
    try:
        services.profile_change_decide(
            actor=request.user,
            request=change,
            approve=request.POST.get("approve") == "1",
            note=request.POST.get("note", "")[:1000],
        )
    except (ValidationError, PermissionDenied) as exc:
        report(request, exc)
    else:
        messages.success(request, _("The change has been decided."))
    return redirect("members:office-home", platform.slug)
