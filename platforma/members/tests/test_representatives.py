"""Representatives: invited by the secretariat, they keep their organisation's profile."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from platforma.members.models import Membership, Organisation, ProfileChangeRequest
from platforma.testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(demo_platform):
    return Membership.objects.get(platform=demo_platform, organisation__acronym="HRPU")


@pytest.fixture
def representative(client, member, secretariat, django_capture_on_commit_callbacks):
    """Invite a representative as the secretariat, then accept the invitation as they would."""
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:office-membership-invite", args=["azerbaijan", member.pk]),
            {
                "first_name": "Rauf",
                "last_name": "Aliyev",
                "email": "Rauf.Aliyev@hrpu.example.org",
                "role": "alternate",
            },
        )
    assert response.status_code == 302
    client.logout()
    invitation = mail.outbox[-1]
    assert invitation.to == ["rauf.aliyev@hrpu.example.org"]
    link = re.search(r"https?://\S+", invitation.body).group(0).split("8000", 1)[1]
    response = client.get(link)  # Django swaps the token for a session and redirects
    assert response.status_code == 302
    response = client.post(
        response["Location"],
        {"new_password1": "a-long-pass-phrase-42", "new_password2": "a-long-pass-phrase-42"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("login"),
        {"username": "rauf.aliyev@hrpu.example.org", "password": "a-long-pass-phrase-42"},
    )
    assert response.status_code == 302  # logged in: a representative needs no second factor
    assert client.session["_auth_user_id"]
    return member.organisation


def my_org():
    return reverse("members:my-organisation", args=["azerbaijan"])


def test_invited_representative_sees_their_organisation(client, representative):
    html = client.get(my_org()).content.decode()
    assert "Humanitarian Research Public Union" in html
    assert "Save the profile" in html


def test_the_invitation_link_works_once(client, representative):
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0).split("8000", 1)[1]
    client.logout()
    response = client.get(link, follow=True)
    assert "This link is no longer valid" in response.content.decode()


def profile(organisation, **changes):
    data = {
        "action": "profile",
        "organisation": organisation.pk,
        "short_name": organisation.short_name_en,
        "acronym": organisation.acronym,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "address": organisation.address_en or "",
        "fields_of_work": organisation.fields_of_work_en,
        "description": organisation.description_en,
        "legal_name": organisation.legal_name_en,
        "registration_number": organisation.registration_number,
        "registration_date": organisation.registration_date.isoformat(),
    }
    data.update(changes)
    return data


def test_profile_changes_apply_and_legal_changes_wait(client, representative, secretariat):
    client.post(
        my_org(),
        profile(representative, phone="+994 12 555 00 00", legal_name="HRPU Renamed Union"),
    )
    representative.refresh_from_db()
    assert representative.phone == "+994 12 555 00 00"
    assert representative.legal_name_en == "Humanitarian Research Public Union"
    change = ProfileChangeRequest.objects.get()
    assert change.changes == {"legal_name_en": "HRPU Renamed Union"}
    client.force_login(secretariat)
    assert (
        "HRPU Renamed Union"
        in client.get(reverse("members:office-home", args=["azerbaijan"])).content.decode()
    )
    client.post(
        reverse("members:office-change-decide", args=["azerbaijan", change.pk]), {"approve": "1"}
    )
    representative.refresh_from_db()
    assert representative.legal_name_en == "HRPU Renamed Union"


def test_consent_decides_what_the_directory_shows(client, representative):
    directory = reverse("website:member-list", args=["azerbaijan"])
    assert "info@hrpu.example.org" not in client.get(directory).content.decode()
    client.post(
        my_org(),
        {"action": "consent", "organisation": representative.pk, "public_email": "on"},
    )
    html = client.get(directory, {"q": "Humanitarian"}).content.decode()
    assert "info@hrpu.example.org" in html
    assert representative.phone not in html  # phone stays private


def test_working_groups_joined_and_left_by_the_representative(client, representative, member):
    wg2 = member.platform.working_groups.get(slug="wg2")
    client.post(my_org(), {"action": "join", "organisation": representative.pk, "group": wg2.pk})
    current = member.enrolments.filter(until__isnull=True)
    assert set(current.values_list("working_group__slug", flat=True)) == {"wg1", "wg2"}
    enrolment = current.get(working_group=wg2)
    client.post(
        my_org(), {"action": "leave", "organisation": representative.pk, "enrolment": enrolment.pk}
    )
    assert not member.enrolments.filter(until__isnull=True, working_group=wg2).exists()


def test_a_representative_cannot_change_another_organisation(client, representative):
    other = Organisation.objects.get(acronym="CCO")
    before = (other.phone, other.public_email)
    client.post(my_org(), profile(other, phone="+000"))
    client.post(my_org(), {"action": "consent", "organisation": other.pk, "public_email": "on"})
    other.refresh_from_db()
    assert (other.phone, other.public_email) == before
    # The office is not theirs either.
    url = reverse("members:office-membership-detail", args=["azerbaijan", 1])
    assert client.get(url).status_code == 404


def test_someone_without_an_organisation_is_told_so(client, django_user_model):
    from platforma.demo.loader import load_demo

    load_demo()
    user = django_user_model.objects.create_user("nobody", password="pw-nobody-1234")
    PersonFactory(user=user)
    client.force_login(user)
    assert "does not represent a member organisation" in client.get(my_org()).content.decode()


def test_my_organisation_needs_a_login(client, demo_platform):
    response = client.get(my_org())
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
