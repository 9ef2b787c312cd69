"""Logging in lands on one's own office; passwords can be reset; e-mails say what was typed."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from platforma.core import services
from platforma.core.mail import render_text
from platforma.core.models import PlatformRole
from platforma.members.services import representative_assign
from platforma.testing.factories import MembershipFactory, PersonFactory, PlatformFactory
from platforma.testing.second_factor import totp_code, totp_device

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-42"


def login(client, username, password=PASSWORD):
    """Through the login page, and the code page when the account has a second factor."""
    from django.contrib.auth.models import User

    response = client.post(
        reverse("login"), {"username": username, "password": password}, follow=True
    )
    if response.redirect_chain and response.redirect_chain[-1][0] == reverse(
        "accounts:second-factor"
    ):
        device = totp_device(User.objects.get(username=username))
        response = client.post(
            reverse("accounts:second-factor"), {"code": totp_code(device)}, follow=True
        )
    return response


def secretariat(django_user_model, *platforms, name="sec"):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
    for platform in platforms:
        services.platform_role_grant(
            actor=None, user=user, platform=platform, role=PlatformRole.Role.SECRETARIAT
        )
    totp_device(user)  # a secretariat must have a second factor
    return user


def test_a_secretariat_lands_on_its_office(client, django_user_model):
    armenia = PlatformFactory(slug="armenia")
    secretariat(django_user_model, armenia)
    response = login(client, "sec")
    assert response.redirect_chain[-1][0] == reverse("members:office-home", args=["armenia"])
    assert response.status_code == 200


def test_a_secretariat_of_two_platforms_chooses(client, django_user_model):
    secretariat(django_user_model, PlatformFactory(slug="armenia"), PlatformFactory(slug="georgia"))
    page = login(client, "sec").content.decode()
    assert reverse("members:office-home", args=["armenia"]) in page
    assert reverse("members:office-home", args=["georgia"]) in page


def test_a_representative_lands_on_their_organisation(client, django_user_model):
    membership = MembershipFactory(platform=PlatformFactory(slug="armenia"))
    user = django_user_model.objects.create_user("rep", "rep@example.org", PASSWORD)
    representative_assign(
        actor=None, organisation=membership.organisation, person=PersonFactory(user=user)
    )
    response = login(client, "rep")
    assert response.redirect_chain[-1][0] == reverse("members:my-organisation", args=["armenia"])


def test_anyone_else_lands_on_the_front_page(client, django_user_model):
    django_user_model.objects.create_user("nobody", "n@example.org", PASSWORD)
    response = login(client, "nobody")
    assert response.redirect_chain[-1][0] == reverse("website:platform-list")


def test_the_office_link_in_the_header_is_for_managers_only(client, django_user_model):
    armenia = PlatformFactory(slug="armenia")
    office = reverse("members:office-home", args=["armenia"])
    home = reverse("website:platform-home", args=["armenia"])
    django_user_model.objects.create_user("nobody", "n@example.org", PASSWORD)
    login(client, "nobody")
    assert office not in client.get(home).content.decode()
    secretariat(django_user_model, armenia)
    client.logout()
    login(client, "sec")
    assert office in client.get(home).content.decode()


def test_password_reset_by_e_mail(client, django_user_model, settings):
    settings.PLATFORMA_BASE_URL = "https://platforma.example.org"
    django_user_model.objects.create_user("sec", "sec@example.org", "old-pass-phrase-1")
    response = client.post(reverse("password_reset"), {"email": "sec@example.org"}, follow=True)
    assert "Check your e-mail" in response.content.decode()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = re.search(r"https://platforma\.example\.org(/\S+)", body).group(1)
    assert "&amp;" not in body

    page = client.get(link, follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    response = client.post(
        form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD}, follow=True
    )
    assert "Your password is changed" in response.content.decode()
    login(client, "sec")
    assert client.session["_auth_user_id"] == str(django_user_model.objects.get(username="sec").pk)


def test_password_reset_says_the_same_for_an_unknown_address(client):
    response = client.post(reverse("password_reset"), {"email": "who@example.org"}, follow=True)
    assert "Check your e-mail" in response.content.decode()
    assert mail.outbox == []


def test_plain_text_e_mails_are_not_html_escaped():
    text = render_text(
        "activities/email/confirmed.txt",
        {
            "registration": {"name": "Seán O'Brien & Co <i>"},
            "event": {
                "title": 'Rights & "Wrongs"',
                "time_zone": "Asia/Baku",
                "starts_at": datetime.datetime(2026, 5, 1, 6, tzinfo=datetime.UTC),
                "city": "Gəncə & Şəki",
            },
            "link": "https://x.example/?a=1&b=2",
        },
    )
    assert "Seán O'Brien & Co <i>" in text
    assert "&amp;" not in text
    assert "&#x27;" not in text
    assert "https://x.example/?a=1&b=2" in text
    assert 'Rights & "Wrongs"' in text
    assert "Gəncə & Şəki" in text


def test_an_oversized_body_is_refused_before_it_is_read(client, settings):
    settings.PLATFORMA_MAX_REQUEST_BYTES = 1000
    response = client.post(
        reverse("members:join", args=["armenia"]),
        data=b"x" * 2000,
        content_type="application/octet-stream",
    )
    assert response.status_code == 413


def test_an_invitation_says_what_happens_next(client, settings, django_capture_on_commit_callbacks):
    from platforma.members.services import representative_invite

    settings.PLATFORMA_BASE_URL = "https://platforma.example.org"
    armenia = PlatformFactory(slug="armenia")
    membership = MembershipFactory(platform=armenia)
    with django_capture_on_commit_callbacks(execute=True):
        representative_invite(
            actor=None,
            platform=armenia,
            organisation=membership.organisation,
            first_name="Seán",
            last_name="O'Brien",
            email="sean@example.org",
        )
    body = mail.outbox[-1].body
    assert "O'Brien" in body
    assert "&#x27;" not in body
    link = re.search(r"https://platforma\.example\.org(/\S+)", body).group(1)
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    response = client.post(
        form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Your password is set" in response.content.decode()
    assert "sean@example.org" in response.content.decode()
    assert login(client, "sean@example.org").redirect_chain[-1][0] == reverse(
        "members:my-organisation", args=["armenia"]
    )
