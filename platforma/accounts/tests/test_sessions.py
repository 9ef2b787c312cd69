"""Sessions: 12 hours at most, 30 minutes idle for back-office roles, log out everywhere."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from platforma.accounts import session as keys
from platforma.core.models import AuditEntry

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db


def office():
    return reverse("members:office-home", args=["armenia"])


def age(client, key, seconds):
    session = client.session
    session[key] = time.time() - seconds
    session.save()


def test_sessions_last_twelve_hours_at_most(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_a_secretariat_is_logged_out_after_30_minutes_idle(client, armenia, make_secretariat):
    assert log_in(client, make_secretariat(armenia).username).status_code == 302
    age(client, keys.SEEN_AT, 29 * 60)
    assert client.get(office()).status_code == 200  # 29 minutes: still there (and seen now)
    age(client, keys.SEEN_AT, 31 * 60)
    response = client.get(office(), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "logged out after 30 minutes without activity" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_representative_is_not_held_to_the_idle_limit(client, armenia, make_representative):
    make_representative(armenia)
    assert log_in(client, "rep").status_code == 302
    age(client, keys.SEEN_AT, 3 * 3600)
    my_org = reverse("members:my-organisation", args=["armenia"])
    assert client.get(my_org).status_code == 200
    assert "_auth_user_id" in client.session


def test_any_session_ends_twelve_hours_after_its_login(client, armenia, make_representative):
    make_representative(armenia)
    assert log_in(client, "rep").status_code == 302
    age(client, keys.LOGIN_AT, 12 * 3600 + 60)
    response = client.get(reverse("members:my-organisation", args=["armenia"]), follow=True)
    assert "after 12 hours" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_log_out_everywhere(client, armenia, make_secretariat):
    user = make_secretariat(armenia)
    elsewhere = Client()
    assert log_in(elsewhere, "sec").status_code == 302
    assert log_in(client, "sec").status_code == 302
    assert elsewhere.get(office()).status_code == 200

    wrong = client.post(reverse("accounts:security"), {"action": "everywhere", "password": "x"})
    assert "That is not your password." in wrong.content.decode()
    assert elsewhere.get(office()).status_code == 200

    response = client.post(
        reverse("accounts:security"), {"action": "everywhere", "password": PASSWORD}, follow=True
    )
    assert "Every other session of your account has ended." in response.content.decode()
    assert client.get(office()).status_code == 200  # this one goes on
    assert elsewhere.get(office())["Location"].startswith(reverse("login"))
    entry = AuditEntry.objects.get(action="accounts.sessions.ended_elsewhere")
    assert entry.actor_id == user.pk
    assert entry.platform == armenia
    assert PASSWORD not in str(entry.data)
    # The password itself is unchanged.
    client.logout()
    assert log_in(client, "sec").status_code == 302
