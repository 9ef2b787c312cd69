"""The secretariat's pages for people: persons of the platform, and who represents whom.

A person belongs to a platform through the organisations they represent and the offices they
hold (``core.tenancy.PATHS``), so a new person is added together with their organisation. A
user account is never chosen here: it comes from an invitation sent to the person's e-mail.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from platforma.core import services as core_services
from platforma.core.models import Person, today_in
from platforma.core.office import office_view, submit
from platforma.core.tenancy import scoped
from platforma.governance.models import Mandate

from .. import services
from ..forms import (
    PersonCreateForm,
    PersonForm,
    RepresentativeAssignForm,
    RepresentativeEndForm,
)
from ..models import Membership, Representative

PERSONS_PER_PAGE = 50


def _platform_representations(platform, **filters):
    """Representations of the platform's member organisations (never another platform's)."""
    return (
        Representative.objects.filter(
            organisation__in=Membership.objects.filter(platform=platform).values("organisation"),
            **filters,
        )
        .select_related("organisation")
        .order_by("organisation__legal_name")
    )


@office_view
def person_list(request, platform):
    query = request.GET.get("q", "").strip()[:100]
    persons = scoped(Person.objects.all(), platform)
    if query:
        condition = Q()
        for word in query.split()[:4]:
            condition &= (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(first_name_en__icontains=word)
                | Q(last_name_en__icontains=word)
                | Q(email__icontains=word)
            )
        persons = persons.filter(condition)
    persons = persons.order_by("last_name", "first_name", "pk").prefetch_related(
        Prefetch(
            "representations",
            queryset=_platform_representations(platform, until__isnull=True),
            to_attr="current_representations",
        )
    )
    page = Paginator(persons, PERSONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "members/office/person_list.html",
        {"platform": platform, "page": page, "query": query},
    )


@require_http_methods(["GET", "POST"])
@office_view
def person_create(request, platform):
    initial = {"since": today_in(platform)}
    if request.GET.get("organisation", "").isdigit():
        initial["organisation"] = request.GET["organisation"]
    form = PersonCreateForm(request.POST or None, platform=platform, initial=initial)
    added = {}

    def add(data):
        person_fields = {name: data[name] for name in PersonForm.PERSON_FIELDS}
        added["representative"] = services.representative_add(
            actor=request.user,
            platform=platform,
            organisation=data["organisation"],
            role=data["role"],
            since=data["since"],
            **person_fields,
        )

    if request.method == "POST" and submit(
        request, form, add, _("The person has been added as a representative.")
    ):
        return redirect(
            "members:office-person-edit", platform.slug, added["representative"].person_id
        )
    return render(
        request,
        "members/office/person_form.html",
        {"platform": platform, "form": form, "person": None},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
@office_view
def person_edit(request, platform, pk: int):
    person = get_object_or_404(scoped(Person.objects.all(), platform), pk=pk)
    initial = {name: getattr(person, name) or "" for name in PersonForm.PERSON_FIELDS}
    form = PersonForm(request.POST or None, platform=platform, initial=initial, versioned=person)

    def update(data):
        changes = {k: v for k, v in data.items() if v != initial.get(k)}
        core_services.person_update(
            actor=request.user, person=person, seen_version=form.seen_version(), **changes
        )

    if request.method == "POST" and submit(request, form, update, _("Saved.")):
        return redirect("members:office-person-edit", platform.slug, person.pk)
    context = {
        "platform": platform,
        "form": form,
        "person": person,
        "representations": _platform_representations(platform, person=person),
        "mandates": Mandate.objects.filter(person=person, office__platform=platform)
        .select_related("office", "organisation")
        .order_by("-starts_on"),
        "today": today_in(platform),
    }
    return render(
        request,
        "members/office/person_form.html",
        context,
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
@office_view
def representative_assign(request, platform):
    initial = {"since": today_in(platform)}
    if request.GET.get("person", "").isdigit():
        initial["person"] = request.GET["person"]
    if request.GET.get("organisation", "").isdigit():
        initial["organisation"] = request.GET["organisation"]
    form = RepresentativeAssignForm(request.POST or None, platform=platform, initial=initial)
    assigned = {}

    def assign(data):
        assigned["representative"] = services.representative_assign(actor=request.user, **data)

    if request.method == "POST" and submit(
        request, form, assign, _("The representative has been assigned.")
    ):
        return redirect(
            "members:office-person-edit", platform.slug, assigned["representative"].person_id
        )
    return render(
        request,
        "members/office/representative_form.html",
        {"platform": platform, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
@office_view
def representative_end(request, platform, pk: int):
    representative = get_object_or_404(
        _platform_representations(platform).select_related("person"), pk=pk
    )
    form = RepresentativeEndForm(
        request.POST or None, platform=platform, initial={"until": today_in(platform)}
    )
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: services.representative_end(
            actor=request.user, representative=representative, until=data["until"]
        ),
        _("The representation has ended."),
    ):
        return redirect("members:office-person-edit", platform.slug, representative.person_id)
    return render(
        request,
        "members/office/representative_end.html",
        {"platform": platform, "representative": representative, "form": form},
        status=400 if form.is_bound else 200,
    )
