"""A representative's pages: the organisation's profile, its contacts consent, its working
groups; appeals against a suspension or expulsion of it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from platforma.core.models import today_in
from platforma.core.office import refused_stale
from platforma.core.permissions import login_redirect
from platforma.core.selectors import platform_for_public
from platforma.core.services import StaleEdit
from platforma.workinggroups import services as wg_services
from platforma.workinggroups.models import Enrolment, WorkingGroup

from .. import services
from ..forms import AppealForm, ConsentForm, ProfileForm
from ..models import Appeal, Membership, MembershipChange, ProfileChangeRequest
from ..permissions import appealing_memberships, represented_organisations
from ..services.appeals import APPEALABLE, appeal_terms, body_name, decision_in_force

PROFILE_TRANSLATED = ("short_name", "address", "fields_of_work", "description", "legal_name")


@require_http_methods(["GET", "POST"])
def my_organisation(request, platform: str):
    the_platform = platform_for_public(platform)
    if not request.user.is_authenticated:
        return login_redirect(request)
    organisations = list(represented_organisations(request.user, the_platform))
    if not organisations:
        return render(
            request,
            "members/my_organisation.html",
            {"platform": the_platform, "organisation": None},
        )
    chosen = request.GET.get("organisation") or request.POST.get("organisation")
    organisation = next((o for o in organisations if str(o.pk) == chosen), organisations[0])
    membership = Membership.objects.get(platform=the_platform, organisation=organisation)
    lang = get_language()
    initial = {
        "acronym": organisation.acronym,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "registration_number": organisation.registration_number,
        "registration_date": organisation.registration_date,
        **{f: getattr(organisation, f"{f}_{lang}") or "" for f in PROFILE_TRANSLATED},
    }
    consent_initial = {f: getattr(organisation, f) for f in ConsentForm.base_fields}
    action = request.POST.get("action")
    profile_form = ProfileForm(
        request.POST if action == "profile" else None, initial=initial, organisation=organisation
    )
    consent_form = ConsentForm(
        request.POST if action == "consent" else None,
        initial=consent_initial,
        organisation=organisation,
    )
    today = today_in(the_platform)
    try:
        if action == "profile" and profile_form.is_valid():
            data = profile_form.cleaned_data
            changes = {
                (f"{k}_{lang}" if k in PROFILE_TRANSLATED else k): v
                for k, v in data.items()
                if v != initial.get(k)
            }
            pending = services.organisation_profile_update(
                actor=request.user,
                platform=the_platform,
                organisation=organisation,
                changes=changes,
                seen_version=profile_form.seen_version(),
            )
            messages.success(
                request,
                _("Saved. The changes to legal data wait for the secretariat's approval.")
                if pending
                else _("Saved."),
            )
            return redirect(request.get_full_path())
        if action == "consent" and consent_form.is_valid():
            services.public_contacts_update(
                actor=request.user,
                organisation=organisation,
                seen_version=consent_form.seen_version(),
                **consent_form.cleaned_data,
            )
            messages.success(request, _("Saved: the directory now shows what you chose."))
            return redirect(request.get_full_path())
        if action == "join":
            group = WorkingGroup.objects.get(platform=the_platform, pk=request.POST.get("group"))
            wg_services.enrolment_add(
                actor=request.user, working_group=group, membership=membership, since=today
            )
            messages.success(request, _("You have joined %(group)s.") % {"group": group})
            return redirect(request.get_full_path())
        if action == "leave":
            enrolment = Enrolment.objects.get(
                membership=membership, pk=request.POST.get("enrolment"), until__isnull=True
            )
            wg_services.enrolment_end(actor=request.user, enrolment=enrolment, until=today)
            messages.success(
                request, _("You have left %(group)s.") % {"group": enrolment.working_group}
            )
            return redirect(request.get_full_path())
    except StaleEdit as exc:
        refused_stale(consent_form if action == "consent" else profile_form, exc)
        messages.error(request, exc.messages[0])
    except (ValidationError, WorkingGroup.DoesNotExist, Enrolment.DoesNotExist) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else _("Not found.")
        messages.error(request, text)
    current = membership.enrolments.filter(until__isnull=True).select_related("working_group")
    joined = {e.working_group_id for e in current}
    return render(
        request,
        "members/my_organisation.html",
        {
            "platform": the_platform,
            "organisations": organisations,
            "organisation": organisation,
            "membership": membership,
            "profile_form": profile_form,
            "consent_form": consent_form,
            "enrolments": current,
            "other_groups": WorkingGroup.objects.filter(platform=the_platform, parent__isnull=True)
            .exclude(pk__in=joined)
            .order_by("position"),
            "pending": ProfileChangeRequest.objects.filter(
                organisation=organisation, status=ProfileChangeRequest.Status.PENDING
            ),
        },
    )


@require_http_methods(["GET"])
def my_appeals(request, platform: str):
    """The decisions on the organisations one represents that can be appealed, and the
    appeals lodged (an expelled member's representative gets here too)."""
    the_platform = platform_for_public(platform)
    if not request.user.is_authenticated:
        return login_redirect(request)
    memberships = list(appealing_memberships(request.user, the_platform))
    decisions = []
    for membership in memberships:  # a person represents one organisation, or very few
        change = decision_in_force(membership)
        if change is not None and change.to_status in APPEALABLE:
            rule, deadline = appeal_terms(change, the_platform)
            decisions.append(
                {
                    "membership": membership,
                    "change": change,
                    "body": body_name(the_platform, rule),
                    "deadline": deadline,
                    "open": today_in(the_platform) <= deadline,
                }
            )
    appeals = Appeal.objects.filter(
        platform=the_platform, membership_change__membership__in=memberships
    ).select_related("membership_change__membership__organisation")
    return render(
        request,
        "members/my_appeals.html",
        {"platform": the_platform, "decisions": decisions, "appeals": appeals},
    )


@require_http_methods(["GET", "POST"])
def my_appeal_lodge(request, platform: str, pk: int):
    """Appeal a suspension or expulsion of an organisation one represents; any other decision
    is not found."""
    the_platform = platform_for_public(platform)
    if not request.user.is_authenticated:
        return login_redirect(request)
    change = get_object_or_404(
        MembershipChange.objects.select_related("membership__organisation"),
        pk=pk,
        to_status__in=APPEALABLE,
        membership__in=appealing_memberships(request.user, the_platform),
    )
    rule, deadline = appeal_terms(change, the_platform)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_appeal_lodge(
                actor=request.user,
                change=change,
                grounds=form.cleaned_data["grounds"],
                language=get_language(),
            )
        except (ValidationError, PermissionDenied) as exc:
            for message in getattr(exc, "messages", [str(exc)]):
                form.add_error(None, message)
        else:
            messages.success(request, _("Your appeal has been lodged."))
            return redirect("members:my-appeals", the_platform.slug)
    in_force = decision_in_force(change.membership) == change
    pending = Appeal.objects.filter(membership_change=change, status=Appeal.Status.LODGED).exists()
    return render(
        request,
        "members/my_appeal_lodge.html",
        {
            "platform": the_platform,
            "change": change,
            "organisation": change.membership.organisation,
            "body": body_name(the_platform, rule),
            "deadline": deadline,
            "late": today_in(the_platform) > deadline,
            "in_force": in_force,
            "pending": pending,
            "appeals": change.appeals.all(),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
