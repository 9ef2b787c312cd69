"""A working group's coordinators manage their group's publications (statements among them:
a statement is a publication of that kind) in the office: list, create with their group, edit,
files, signatures. Another group's publication is a 404, and the services refuse it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from platforma.core.models import AuditEntry
from platforma.publications import services
from platforma.publications.models import Publication, Signature
from platforma.testing.factories import MembershipFactory

from .pdf import tiny_pdf
from .test_office_publications import form_data, publish, text, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers(platform, groups):
    return (
        publish(platform, "Our statement", kind="statement", working_group=groups[0]),
        publish(platform, "Their paper", working_group=groups[1]),
        publish(platform, "The platform's brochure", kind="brochure"),
    )


def test_the_list_shows_only_their_groups_publications(coord, platform, papers):
    page = text(coord.get(url("office-publication-list", platform.slug)))
    assert "Our statement" in page
    assert "Their paper" not in page
    assert "The platform&#x27;s brochure" not in page
    assert url("office-stakeholder-list", platform.slug) not in page


def test_coordinator_records_a_statement_of_their_group(coord, platform, groups, coordinator):
    form = coord.get(url("office-publication-create", platform.slug)).context["form"]
    assert list(form.fields["working_group"].queryset) == [groups[0]]
    response = coord.post(
        url("office-publication-create", platform.slug), form_data(working_group=groups[0].pk)
    )
    assert response.status_code == 302
    made = Publication.objects.get(title_en="On free assembly")
    assert (made.kind, made.working_group) == ("statement", groups[0])
    entry = AuditEntry.objects.get(action="publications.publication.created")
    assert entry.actor_id == coordinator.pk


def test_a_publication_of_another_group_or_of_none_is_refused(coord, platform, groups):
    create = url("office-publication-create", platform.slug)
    assert coord.post(create, form_data(working_group=groups[1].pk)).status_code == 200
    assert coord.post(create, form_data()).status_code == 200  # the form says what is missing
    assert not Publication.objects.filter(title_en="On free assembly").exists()


def test_coordinator_edits_adds_files_and_signatures_to_their_publication(coord, platform, papers):
    ours = papers[0]
    edit = url("office-publication-edit", platform.slug, ours.pk)
    page = coord.get(edit)
    assert page.status_code == 200
    assert url("office-distribution-create", platform.slug, ours.pk) not in text(page)
    saved = coord.post(
        edit,
        form_data(
            title_en="Our statement, revised",
            working_group=ours.working_group_id,
            seen_version=page.context["form"]["seen_version"].value(),
        ),
    )
    assert saved.status_code == 302
    ours.refresh_from_db()
    assert ours.title_en == "Our statement, revised"
    upload = SimpleUploadedFile("s.pdf", tiny_pdf(), content_type="application/pdf")
    added = coord.post(
        url("office-version-add", platform.slug, ours.pk), {"language": "en", "file": upload}
    )
    assert added.status_code == 302
    assert ours.versions.count() == 1
    member = MembershipFactory(platform=platform)
    signed = coord.post(
        url("office-signature-add", platform.slug, ours.pk),
        {"organisation": member.organisation_id, "signed_on": "2014-06-02"},
    )
    assert signed.status_code == 302
    assert Signature.objects.filter(publication=ours).count() == 1


def test_another_groups_publication_is_not_found(coord, platform, groups, papers):
    _ours, theirs, nobodys = papers
    for paper in (theirs, nobodys):
        edit = url("office-publication-edit", platform.slug, paper.pk)
        assert coord.get(edit).status_code == 404
        forged = coord.post(edit, form_data(title_en="Ours now", working_group=groups[0].pk))
        assert forged.status_code == 404
        for name in ("office-version-add", "office-signature-add"):
            assert coord.post(url(name, platform.slug, paper.pk), {}).status_code == 404
        for name in ("office-distribution-create", "office-distribution-aggregate"):
            assert coord.get(url(name, platform.slug, paper.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title_en == "Their paper"


def test_the_services_refuse_another_groups_publication(platform, groups, papers, coordinator):
    ours, theirs, nobodys = papers
    with pytest.raises(PermissionDenied):
        services.publication_update(actor=coordinator, publication=theirs, title_en="Taken")
    with pytest.raises(PermissionDenied):
        services.publication_update(actor=coordinator, publication=nobodys, title_en="Taken")
    with pytest.raises(PermissionDenied):  # handing their own to another group
        services.publication_update(actor=coordinator, publication=ours, working_group=groups[1])
    with pytest.raises(PermissionDenied):  # or to no group, the secretariat's alone
        services.publication_update(actor=coordinator, publication=ours, working_group=None)
    with pytest.raises(PermissionDenied):
        services.publication_create(
            actor=coordinator,
            platform=platform,
            kind="statement",
            title_en="Forged",
            published_on=datetime.date(2014, 1, 1),
            working_group=groups[1],
        )
    ours.refresh_from_db()
    assert ours.working_group == groups[0]
