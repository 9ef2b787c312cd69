"""Two tabs on a publication's and a stakeholder's edit pages: the second save does not
silently undo the first; a deliberate second save from the refusal goes through."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.core.services import platform_role_grant
from platforma.publications import services
from platforma.testing.factories import MembershipFactory
from platforma.testing.stale import assert_refused, edit_form, two_tabs

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def colleague(platform, django_user_model):
    user = django_user_model.objects.create_user("sec-2", "sec2@example.org", "pw-sec-22345")
    platform_role_grant(
        actor=None, actor_label="test", user=user, platform=platform, role="secretariat"
    )
    client = Client()
    client.force_login(user)
    return client


def test_a_publications_second_tab_is_refused_then_saved_deliberately(office, colleague, platform):
    publication = services.publication_create(
        actor=None,
        actor_label="test",
        platform=platform,
        kind="research_paper",
        title_en="Paper",
        published_on=datetime.date(2014, 6, 1),
    )
    url = reverse("publications:office-publication-edit", args=[platform.slug, publication.pk])
    first, second = two_tabs(office, url)
    assert colleague.post(url, {**first, "title_en": "Budget paper"}).status_code == 302

    entries = AuditEntry.objects.count()
    refused = office.post(url, {**second, "doi": "10.1000/182"})
    assert refused.status_code == 200
    assert_refused(refused, who="sec-2", typed="Paper", saved="Budget paper")
    publication.refresh_from_db()
    assert (publication.title_en, publication.doi) == ("Budget paper", "")
    assert AuditEntry.objects.count() == entries

    again = edit_form(refused)
    assert again["doi"] == "10.1000/182"
    assert office.post(url, again).status_code == 302
    publication.refresh_from_db()
    assert (publication.title_en, publication.doi) == ("Paper", "10.1000/182")


def test_an_author_added_meanwhile_is_a_change_too(office, colleague, platform):
    """The version covers the authors (a many-to-many field), not only the row's columns."""
    publication = services.publication_create(
        actor=None,
        actor_label="test",
        platform=platform,
        kind="statement",
        title_en="Paper",
        published_on=datetime.date(2014, 6, 1),
    )
    url = reverse("publications:office-publication-edit", args=[platform.slug, publication.pk])
    form = edit_form(office.get(url))
    author = MembershipFactory(platform=platform).organisation
    services.publication_update(
        actor=None, actor_label="test", publication=publication, author_organisations=[author]
    )
    refused = office.post(url, {**form, "title_en": "Statement"})
    assert "since you opened it" in refused.content.decode()
    assert list(publication.author_organisations.all()) == [author]


def test_a_stakeholders_second_tab_is_refused_then_saved_deliberately(office, colleague, platform):
    stakeholder = services.stakeholder_create(
        actor=None, actor_label="test", platform=platform, name="Ministry", category="university"
    )
    url = reverse("publications:office-stakeholder-edit", args=[platform.slug, stakeholder.pk])
    first, second = two_tabs(office, url)
    assert colleague.post(url, {**first, "email": "press@example.org"}).status_code == 302

    refused = office.post(url, {**second, "name": "Ministry of Finance"})
    assert_refused(refused, who="sec-2", typed="—", saved="press@example.org")
    stakeholder.refresh_from_db()
    assert (stakeholder.name, stakeholder.email) == ("Ministry", "press@example.org")

    assert office.post(url, edit_form(refused)).status_code == 302
    stakeholder.refresh_from_db()
    assert (stakeholder.name, stakeholder.email) == ("Ministry of Finance", "")
