"""Two tabs on a person's edit page: the second save does not silently undo the first."""

import pytest
from django.urls import reverse

from platforma.core.models import AuditEntry, Person, PlatformRole
from platforma.core.services import platform_role_grant
from platforma.testing.stale import assert_refused, edit_form, two_tabs

from .test_representatives import member, representative  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(demo_platform, django_user_model):
    user = django_user_model.objects.create_user("sec-az-2", "sec2@example.org", "pw-sec-223456")
    platform_role_grant(
        actor=None, user=user, platform=demo_platform, role=PlatformRole.Role.SECRETARIAT
    )
    return user


def test_a_persons_second_tab_is_refused_then_saved_deliberately(
    client, secretariat, colleague, demo_platform
):
    person = (
        Person.objects.filter(representations__organisation__memberships__platform=demo_platform)
        .order_by("pk")
        .first()
    )
    url = reverse("members:office-person-edit", args=[demo_platform.slug, person.pk])
    client.force_login(secretariat)
    first, second = two_tabs(client, url)

    other = client.__class__()
    other.force_login(colleague)
    assert other.post(url, {**first, "phone": "+994 12 111"}).status_code == 302

    entries = AuditEntry.objects.count()
    refused = client.post(url, {**second, "phone": "+994 12 222", "email": "new@example.org"})
    assert refused.status_code == 400
    assert_refused(refused, who="sec-az-2", typed="+994 12 222", saved="+994 12 111")
    assert "new@example.org" in refused.content.decode()  # what was typed stays in the form
    person.refresh_from_db()
    assert person.phone == "+994 12 111"
    assert person.email != "new@example.org"
    assert AuditEntry.objects.count() == entries  # nothing written

    again = edit_form(refused)
    assert again["phone"] == "+994 12 222"
    assert client.post(url, again).status_code == 302
    person.refresh_from_db()
    assert (person.phone, person.email) == ("+994 12 222", "new@example.org")


def test_an_organisations_profile_in_two_tabs(client, request):
    """The representative's own page (views/account.py) keeps its profile the same way."""
    organisation = request.getfixturevalue("representative")  # logged in as its representative
    url = reverse("members:my-organisation", args=["azerbaijan"])
    first, second = two_tabs(client, url)
    assert client.post(url, {**first, "phone": "+994 12 555 00 00"}).status_code == 302

    refused = client.post(url, {**second, "website": "https://hrpu.example.org/new"})
    assert_refused(
        refused,
        who="rauf.aliyev@hrpu.example.org",
        typed=second["phone"] or "—",
        saved="+994 12 555 00 00",
    )
    organisation.refresh_from_db()
    assert organisation.phone == "+994 12 555 00 00"
    assert organisation.website != "https://hrpu.example.org/new"

    assert client.post(url, edit_form(refused)).status_code == 302
    organisation.refresh_from_db()
    assert organisation.website == "https://hrpu.example.org/new"
    assert organisation.phone == second["phone"]


def test_what_the_directory_shows_in_two_tabs(client, request):
    organisation = request.getfixturevalue("representative")
    url = reverse("members:my-organisation", args=["azerbaijan"])
    consent = {"action": "consent"}
    first, second = (edit_form(client.get(url), consent) for _tab in range(2))
    assert "public_email" not in first  # nothing shown yet

    assert client.post(url, {**first, "public_email": "on"}).status_code == 302
    refused = client.post(url, {**second, "public_phone": "on"})
    assert_refused(refused, who="rauf.aliyev@hrpu.example.org", typed="no", saved="yes")
    organisation.refresh_from_db()
    assert (organisation.public_email, organisation.public_phone) == (True, False)

    again = edit_form(refused, consent)
    assert "public_email" not in again  # as typed in the second tab
    assert client.post(url, {**again, "public_email": "on"}).status_code == 302
    organisation.refresh_from_db()
    assert (organisation.public_email, organisation.public_phone) == (True, True)
