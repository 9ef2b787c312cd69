"""A publication's "E-mail it to stakeholders" is a mailing draft with it attached (written and
sent in platforma/outreach, tested there); the e-mail distribution is recorded from what was
sent, and the annual report counts it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.publications import services
from platforma.publications.models import Stakeholder


def paper(platform):
    return services.publication_create(
        actor=None,
        platform=platform,
        kind="brochure",
        title_en="Civic space in 2014",
        published_on=datetime.date(2014, 1, 1),
    )


def email_url(platform, publication):
    return reverse("publications:office-distribution-email", args=[platform.slug, publication.pk])


def test_the_button_opens_a_mailing_draft_with_the_publication(office, platform, other):
    publication = paper(platform)
    response = office.get(email_url(platform, publication))
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("outreach:office-mailing-create", args=[platform.slug])
        + f"?publication={publication.pk}"
    )
    theirs = paper(other[0])
    assert office.get(email_url(platform, theirs)).status_code == 404
    assert office.get(email_url(other[0], theirs)).status_code == 404


def test_the_publication_page_links_the_email_button(office, platform):
    publication = paper(platform)
    page = office.get(
        reverse("publications:office-publication-edit", args=[platform.slug, publication.pk])
    ).content.decode()
    assert email_url(platform, publication) in page


@pytest.mark.django_db
def test_an_email_distribution_records_what_was_sent(platform, other, secretariat):
    publication = paper(platform)
    mine = [
        Stakeholder.objects.create(
            platform=platform, kind="organisation", name=f"S{i}", email=f"s{i}@example.org"
        )
        for i in range(3)
    ]
    theirs = Stakeholder.objects.create(
        platform=other[0], kind="organisation", name="T", email="t@example.org"
    )
    distribution = services.distribution_email(
        actor=None,
        actor_label="mailing 1",
        publication=publication,
        stakeholder_ids=[s.pk for s in mine] + [theirs.pk],
        total=5,  # two representatives besides the stakeholders
        sent_on=datetime.date(2026, 12, 1),
        note="The paper",
    )
    assert (distribution.channel, distribution.mode, distribution.total) == (
        "email",
        "individual",
        5,
    )
    assert (distribution.year, distribution.note) == (2026, "The paper")
    assert set(distribution.recipients.values_list("stakeholder_id", flat=True)) == {
        s.pk for s in mine
    }
    entry = AuditEntry.objects.get(action="publications.distribution.emailed")
    assert entry.data["sent"] == 5
    assert entry.actor_label == "mailing 1"
    with pytest.raises(PermissionDenied):
        services.distribution_email(
            actor=other[1],
            publication=publication,
            stakeholder_ids=[],
            total=1,
            sent_on=datetime.date(2026, 12, 1),
        )
    with pytest.raises(ValidationError):
        services.distribution_email(
            actor=secretariat,
            publication=publication,
            stakeholder_ids=[],
            total=0,
            sent_on=datetime.date(2026, 12, 1),
        )
