"""The secretariat's pages for publications, their files and signatures, and distributions (the
stakeholders' pages are in ``stakeholders.py``). Every write goes through a service; every object
comes from the URL with the platform in the lookup (another platform's id is a 404).

A working group's coordinators use the publication pages too (``coordinators=True``), for the
publications (statements among them) of the groups they coordinate: another group's is a 404,
and the services refuse it again. Distributions stay the secretariat's."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from platforma.core.models import today_in
from platforma.core.office import office_groups, office_view, posted, report, submit
from platforma.workinggroups.models import WorkingGroup

from .. import selectors, services
from ..forms import (
    AggregateDistributionForm,
    ConfirmForm,
    DistributionForm,
    PublicationForm,
    SignatureForm,
    VersionForm,
)
from ..models import Distribution, Publication, PublicationVersion, Signature

PER_PAGE = 50


def _publication(request, platform, pk: int) -> Publication:
    """The publication of the address: of the platform, and for a coordinator, of their group."""
    publication = selectors.office_publication(platform, pk)
    mine = office_groups(request)
    if mine is not None and publication.working_group_id not in mine:
        raise Http404("No such publication")
    return publication


def _visible(request, platform):
    publications = Publication.objects.filter(platform=platform)
    mine = office_groups(request)
    return publications if mine is None else publications.filter(working_group__in=mine)


def _limit_groups(request, form) -> None:
    """A coordinator gives a publication one of their groups (required)."""
    mine = office_groups(request)
    if mine is None:
        return
    field = form.fields["working_group"]
    field.queryset = WorkingGroup.objects.filter(pk__in=mine).order_by("position", "slug")
    field.required = True
    field.empty_label = None


def _edit_url(platform, publication) -> str:
    return reverse("publications:office-publication-edit", args=[platform.slug, publication.pk])


# --- Publications --------------------------------------------------------------------------


@office_view(coordinators=True)
def publication_list(request, platform):
    kind = request.GET.get("kind", "")
    kind = kind if kind in Publication.Kind.values else ""
    try:
        year = int(request.GET.get("year", "") or 0) or None
    except ValueError:
        year = None
    publications = selectors.office_publications(platform, kind=kind, year=year)
    mine = office_groups(request)
    if mine is not None:
        publications = publications.filter(working_group__in=mine)
    page = Paginator(publications, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "platform": platform,
        "page": page,
        "kinds": Publication.Kind.choices,
        "kind": kind,
        "years": selectors.publication_years(platform, organiser=True),
        "year": year,
    }
    return render(request, "publications/office/publication_list.html", context)


@office_view(coordinators=True)
def publication_create(request, platform):
    form = PublicationForm(
        posted(request),
        instance=Publication(platform=platform),
        platform=platform,
        initial={"published_on": today_in(platform), "is_public": False},
    )
    _limit_groups(request, form)
    created = {}

    def action(data):
        data = dict(data)
        created["publication"] = services.publication_create(
            actor=request.user,
            platform=platform,
            author_persons=list(data.pop("author_persons")),
            author_organisations=list(data.pop("author_organisations")),
            **data,
        )

    if request.method == "POST" and submit(
        request, form, action, _("The publication is recorded. Add its files below.")
    ):
        return redirect(_edit_url(platform, created["publication"]))
    return render(
        request,
        "publications/office/publication_form.html",
        {"platform": platform, "form": form},
    )


def _limited(request, form):
    _limit_groups(request, form)
    return form


def _edit_page(request, platform, publication, **forms):
    today = today_in(platform)
    context = {
        "platform": platform,
        "publication": publication,
        "form": forms.get("form")
        or _limited(request, PublicationForm(instance=publication, platform=platform)),
        "version_form": forms.get("version_form") or VersionForm(platform=platform),
        "signature_form": forms.get("signature_form")
        or SignatureForm(platform=platform, initial={"signed_on": today}),
        "versions": publication.versions.all(),
        "signatures": publication.signatures.all(),
        "distributions": selectors.office_distributions(publication),
        "totals": selectors.distribution_totals_for_publication(publication),
    }
    return render(request, "publications/office/publication_edit.html", context)


@office_view(coordinators=True)
def publication_edit(request, platform, pk: int):
    publication = _publication(request, platform, pk)
    if request.method != "POST":
        return _edit_page(request, platform, publication)
    # The form works on its own copy: the service compares against the stored row.
    form = PublicationForm(
        request.POST, instance=Publication.objects.get(pk=publication.pk), platform=platform
    )
    _limit_groups(request, form)

    def action(data):
        data = dict(data)
        services.publication_update(
            actor=request.user,
            publication=Publication.objects.get(pk=publication.pk),
            seen_version=form.seen_version(),
            author_persons=list(data.pop("author_persons")),
            author_organisations=list(data.pop("author_organisations")),
            **data,
        )

    if submit(request, form, action, _("The publication is saved.")):
        return redirect(_edit_url(platform, publication))
    return _edit_page(request, platform, publication, form=form)


@require_POST
@office_view(coordinators=True)
def version_add(request, platform, pk: int):
    publication = _publication(request, platform, pk)
    form = VersionForm(request.POST, request.FILES, platform=platform)

    def action(data):
        services.publication_version_add(
            actor=request.user,
            publication=publication,
            language=data["language"],
            upload=data["file"],
        )

    if submit(request, form, action, _("The file is saved.")):
        return redirect(_edit_url(platform, publication) + "#files")
    return _edit_page(request, platform, publication, version_form=form)


def _confirm(request, platform, *, obj, title, question, button, back, perform, done):
    """A second step for what cannot be undone: a page with a box to tick, no JavaScript."""
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            perform()
        except (ValidationError, PermissionDenied) as exc:
            report(request, exc)
        else:
            messages.success(request, done)
            return redirect(back)
    return render(
        request,
        "publications/office/confirm.html",
        {
            "platform": platform,
            "form": form,
            "title": title,
            "question": question,
            "object": obj,
            "button": button,
            "back": back,
        },
    )


@office_view(coordinators=True)
def version_remove(request, platform, pk: int):
    version = get_object_or_404(
        PublicationVersion.objects.select_related("publication"),
        publication__in=_visible(request, platform),
        pk=pk,
    )
    publication = version.publication
    return _confirm(
        request,
        platform,
        obj=version,
        title=_("Remove a file"),
        question=_("The %(language)s file of “%(title)s” and its cover will be deleted.")
        % {"language": version.get_language_display(), "title": publication.title},
        button=_("Remove the file"),
        back=_edit_url(platform, publication) + "#files",
        perform=lambda: services.publication_version_remove(actor=request.user, version=version),
        done=_("The file is removed."),
    )


@require_POST
@office_view(coordinators=True)
def signature_add(request, platform, pk: int):
    publication = _publication(request, platform, pk)
    form = SignatureForm(request.POST, platform=platform)

    def action(data):
        services.publication_sign(
            actor=request.user,
            publication=publication,
            organisation=data["organisation"],
            signed_on=data["signed_on"],
        )

    if submit(request, form, action, _("The signature is recorded.")):
        return redirect(_edit_url(platform, publication) + "#signatures")
    return _edit_page(request, platform, publication, signature_form=form)


@office_view(coordinators=True)
def signature_remove(request, platform, pk: int):
    signature = get_object_or_404(
        Signature.objects.select_related("publication", "organisation"),
        publication__in=_visible(request, platform),
        pk=pk,
    )
    return _confirm(
        request,
        platform,
        obj=signature,
        title=_("Remove a signature"),
        question=_("%(org)s will no longer be listed as a signatory of “%(title)s”.")
        % {"org": signature.organisation, "title": signature.publication.title},
        button=_("Remove the signature"),
        back=_edit_url(platform, signature.publication) + "#signatures",
        perform=lambda: services.signature_remove(actor=request.user, signature=signature),
        done=_("The signature is removed."),
    )


# --- Distributions -------------------------------------------------------------------------


def _distribution_page(request, platform, pk: int, form_class, template, record):
    publication = selectors.office_publication(platform, pk)
    today = today_in(platform)
    form = form_class(
        posted(request),
        platform=platform,
        initial={"year": today.year, "sent_on": today},
    )
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: record(publication, form, data),
        _("The distribution is recorded."),
    ):
        return redirect(_edit_url(platform, publication) + "#distributions")
    return render(
        request,
        template,
        {"platform": platform, "publication": publication, "form": form},
    )


@office_view
def distribution_create(request, platform, pk: int):
    def record(publication, form, data):
        services.distribution_record(
            actor=request.user,
            publication=publication,
            year=data["year"],
            sent_on=data["sent_on"],
            channel=data["channel"],
            event=data["event"],
            stakeholders=list(data["stakeholders"]),
            categories=data["categories"],
            copies_each=data["copies_each"],
            note=data["note"],
        )

    return _distribution_page(
        request,
        platform,
        pk,
        DistributionForm,
        "publications/office/distribution_form.html",
        record,
    )


@office_view
def distribution_aggregate(request, platform, pk: int):
    def record(publication, form, data):
        services.distribution_record_aggregate(
            actor=request.user,
            publication=publication,
            year=data["year"],
            sent_on=data["sent_on"],
            channel=data["channel"],
            event=data["event"],
            total=data["total"],
            total_precision=data["total_precision"],
            copies=data["copies"],
            breakdown=form.breakdown(),
            note=data["note"],
        )

    return _distribution_page(
        request,
        platform,
        pk,
        AggregateDistributionForm,
        "publications/office/distribution_aggregate.html",
        record,
    )


@office_view
def distribution_remove(request, platform, pk: int):
    distribution: Distribution = get_object_or_404(
        Distribution.objects.select_related("publication"), platform=platform, pk=pk
    )
    return _confirm(
        request,
        platform,
        obj=distribution,
        title=_("Remove a distribution"),
        question=_("The distribution of “%(title)s” in %(year)s will be deleted.")
        % {"title": distribution.publication.title, "year": distribution.year},
        button=_("Remove the distribution"),
        back=_edit_url(platform, distribution.publication) + "#distributions",
        perform=lambda: services.distribution_remove(actor=request.user, distribution=distribution),
        done=_("The distribution is removed."),
    )
