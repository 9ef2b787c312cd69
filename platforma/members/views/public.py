"""Public doors of the registry: the join form, an application's status, recommending."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from platforma.core.models import today_in
from platforma.core.selectors import platform_for_public, rules_in_force

from .. import services
from ..eligibility import declaration_label
from ..forms import AppealForm, ApplicationForm, RecommendationForm
from ..held_uploads import HeldUploads
from ..models import Application, Membership, Recommendation
from ..selectors import members_in_good_standing
from ..services.appeals import appeal_terms, body_name, decision_in_force


@require_http_methods(["GET", "POST"])
def join(request, platform: str):
    the_platform = platform_for_public(platform)
    rules = rules_in_force(the_platform, today_in(the_platform)).admission
    members = (
        members_in_good_standing(the_platform)
        .select_related("organisation")
        .order_by(f"organisation__legal_name_{get_language()}", "organisation__legal_name")
    )
    held = HeldUploads(request, request.POST.get("held"))
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        platform=the_platform,
        rules=rules,
        members=members,
        held_uploads=held,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        lang = get_language()
        organisation_fields = {
            f"legal_name_{lang}": data["legal_name"],
            f"short_name_{lang}": data["short_name"],
            f"city_{lang}": data["city"],
            f"address_{lang}": data["address"],
            f"fields_of_work_{lang}": data["fields_of_work"],
            f"description_{lang}": data["description"],
            "acronym": data["acronym"],
            "registration_number": data["registration_number"],
            "registration_date": data["registration_date"],
            "active_since": data["active_since"],
            "website": data["website"],
            "email": data["email"],
            "phone": data["phone"],
        }
        if lang != "en":  # the original field must hold something; English falls back to it
            organisation_fields.setdefault("legal_name_en", data["legal_name"])
        try:
            application = services.application_submit(
                platform=the_platform,
                organisation_fields=organisation_fields,
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
                working_groups=list(data["working_groups"]),
                recommenders=list(data["recommenders"]),
                declarations=[k for k in rules.declarations if data.get(f"declaration_{k}")],
                documents=[
                    (kind, data[f"document_{kind}"], data.get(f"issued_{kind}"))
                    for kind in rules.documents
                ],
                language=lang,
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            held.discard()  # stored with the application now
            messages.success(
                request,
                _("Your application has been received. We have sent a receipt to %(email)s.")
                % {"email": application.contact_email},
            )
            return redirect("members:application-status", the_platform.slug, application.token)
    if request.method == "POST":
        _hold_documents(form, held, rules.documents)
    return render(
        request,
        "members/application_form.html",
        {"platform": the_platform, "form": form, "rules": rules, "held": held.signed},
    )


def _hold_documents(form: ApplicationForm, held: HeldUploads, kinds: Iterable[str]) -> None:
    """Keep each new document that passed its checks for the next try; a new one that did not
    replaces nothing kept before it (the applicant meant to change it: it is asked for again)."""
    held.close()
    for kind in kinds:
        name = f"document_{kind}"
        upload = form.files.get(name)
        if upload is None:
            continue
        if form.errors.get(name):
            held.drop(kind)
        else:
            held.keep(kind, upload)


@require_http_methods(["GET", "POST"])
def application_status(request, platform: str, token: str):
    the_platform = platform_for_public(platform)
    application = get_object_or_404(
        Application.objects.select_related("organisation", "membership"),
        platform=the_platform,
        token=token,
    )
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_lodge(application=application, grounds=form.cleaned_data["grounds"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your appeal has been lodged."))
            return redirect("members:application-status", the_platform.slug, token)
    membership = application.membership
    rejection = decision_in_force(membership)
    terms = None
    if rejection is not None and rejection.to_status == Membership.Status.REJECTED:
        rule, deadline = appeal_terms(rejection, the_platform)
        terms = {"body": body_name(the_platform, rule), "deadline": deadline}
        terms["late"] = today_in(the_platform) > deadline
    can_appeal = (
        terms is not None
        and not terms["late"]
        and not application.appeals.filter(status="lodged").exists()
    )
    return render(
        request,
        "members/application_status.html",
        {
            "platform": the_platform,
            "application": application,
            "history": membership.changes.all(),
            "recommendations": application.recommendations.select_related(
                "recommender__organisation"
            ),
            "appeals": application.appeals.all(),
            "appeal_form": form if can_appeal else None,
            "appeal_terms": terms,
        },
    )


@require_http_methods(["GET", "POST"])
def recommendation_respond(request, platform: str, token: str):
    the_platform = platform_for_public(platform)
    recommendation = get_object_or_404(
        Recommendation.objects.select_related(
            "application__organisation", "recommender__organisation"
        ),
        application__platform=the_platform,
        token=token,
    )
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_respond(
                recommendation=recommendation,
                confirm=request.POST.get("answer") == "confirm",
                responder_name=form.cleaned_data["responder_name"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you: your answer has been recorded."))
            return redirect("members:recommendation-respond", the_platform.slug, token)
    application = recommendation.application
    return render(
        request,
        "members/recommendation_respond.html",
        {
            "platform": the_platform,
            "recommendation": recommendation,
            "application": application,
            "working_groups": application.working_groups.all(),
            "declarations": [declaration_label(k) for k in application.declarations],
            "form": form,
        },
    )
