"""Login throttling (django-axes) on both login pages, its page, and unlocking."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.testing.factories import PlatformFactory

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed attempts"


def fail(client, url, username, times, **extra):
    responses = [
        client.post(url, {"username": username, "password": "wrong-guess"}, **extra)
        for _ in range(times)
    ]
    return responses


def logged_in(client):
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_user_name_on_the_login_page(
    client, armenia, make_representative
):
    make_representative(armenia)
    answers = fail(client, reverse("login"), "rep", 5)
    assert [a.status_code for a in answers[:4]] == [200] * 4
    assert answers[4].status_code == 429
    page = answers[4].content.decode()
    assert LOCKED in page
    assert "Try again after" in page
    assert "ask the secretariat" in page

    # The right password is refused while locked, from this address and from another one.
    assert log_in(client, "rep").status_code == 429
    assert not logged_in(client)
    assert log_in(client, "rep", REMOTE_ADDR="198.51.100.7").status_code == 429
    assert not logged_in(client)


def test_the_address_is_locked_separately(client, armenia, make_representative):
    make_representative(armenia, "rep")
    for name in ["a", "b", "c", "d", "e"]:
        fail(client, reverse("login"), name, 1)
    # Five failures from this address, each for another name: the address is locked.
    assert log_in(client, "rep").status_code == 429
    # The same account from elsewhere logs in.
    assert log_in(client, "rep", REMOTE_ADDR="198.51.100.7").status_code == 302
    assert logged_in(client)


def test_the_admin_login_is_throttled_too(client, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    url = reverse("admin:login")
    answers = fail(client, url, "root", 5)
    assert answers[4].status_code == 429
    assert LOCKED in answers[4].content.decode()
    right = client.post(url, {"username": "root", "password": PASSWORD})
    assert right.status_code == 429
    assert not logged_in(client)


def test_the_lockout_page_is_translated(client, armenia, make_representative):
    make_representative(armenia)
    fail(client, reverse("login"), "rep", 5)
    page = client.post("/ru/accounts/login/", {"username": "rep", "password": "x"})
    assert page.status_code == 429
    assert 'lang="ru"' in page.content.decode()


def test_the_lockout_ends_after_the_cool_off(client, armenia, make_representative, settings):
    make_representative(armenia)
    fail(client, reverse("login"), "rep", 5)
    assert log_in(client, "rep").status_code == 429
    # Time passes: the failures are now older than the cool-off.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(minutes=1)
    )
    assert log_in(client, "rep").status_code == 302
    assert logged_in(client)


def test_the_limit_and_cool_off_are_settings(client, armenia, make_representative, settings):
    settings.AXES_FAILURE_LIMIT = 2
    make_representative(armenia)
    answers = fail(client, reverse("login"), "rep", 2)
    assert answers[1].status_code == 429


def test_the_secretariat_unlocks_its_people_only(
    client, armenia, make_secretariat, make_representative
):
    georgia = PlatformFactory(slug="georgia")
    make_representative(armenia, "rep")
    make_representative(georgia, "other")
    stranger = reverse("login")
    fail(client, stranger, "rep", 5, REMOTE_ADDR="203.0.113.1")
    fail(client, stranger, "other", 5, REMOTE_ADDR="203.0.113.2")
    fail(client, stranger, "nobody-at-all", 5, REMOTE_ADDR="203.0.113.3")

    sec = make_secretariat(armenia)
    office = reverse("accounts:office-lockout-list", args=["armenia"])
    client.force_login(sec)
    page = client.get(office).content.decode()
    assert "Locked accounts" in page
    assert ">rep<" in page
    assert ">other<" not in page
    assert "nobody-at-all" not in page

    # Another platform's user name is not theirs to unlock.
    release = reverse("accounts:office-lockout-release", args=["armenia"])
    client.post(release, {"username": "other"})
    assert AccessAttempt.objects.filter(username="other").exists()

    response = client.post(release, {"username": "rep"}, follow=True)
    assert "“rep” may log in again." in response.content.decode()
    assert not AccessAttempt.objects.filter(username="rep").exists()
    entry = AuditEntry.objects.get(action="accounts.lockout.released")
    assert entry.platform == armenia
    assert entry.actor_id == sec.pk
    assert entry.data["username"] == "rep"

    client.logout()
    assert log_in(client, "rep", REMOTE_ADDR="203.0.113.1").status_code == 302


def test_the_forum_secretariat_sees_every_lockout(client, armenia, forum_secretariat):
    fail(client, reverse("login"), "nobody-at-all", 5)
    client.force_login(forum_secretariat)
    page = client.get(reverse("accounts:office-lockout-list", args=["armenia"])).content.decode()
    assert "nobody-at-all" in page
    client.post(
        reverse("accounts:office-lockout-release", args=["armenia"]),
        {"username": "nobody-at-all"},
    )
    entry = AuditEntry.objects.get(action="accounts.lockout.released")
    assert entry.forum
    assert entry.platform is None


def test_the_lockout_page_is_not_for_representatives(client, armenia, make_representative):
    client.force_login(make_representative(armenia))
    response = client.get(reverse("accounts:office-lockout-list", args=["armenia"]))
    assert response.status_code == 404


def test_password_reset_requests_are_limited_per_e_mail(client, django_user_model):
    django_user_model.objects.create_user("sec", "sec@example.org", PASSWORD)
    url = reverse("password_reset")
    answers = [client.post(url, {"email": "sec@example.org"}) for _ in range(6)]
    assert [a.status_code for a in answers] == [302] * 5 + [429]
    assert LOCKED in answers[5].content.decode()
    assert len(mail.outbox) == 5
    # Sent through the outbox and the task queue, like every e-mail.
    from platforma.core.models import OutgoingMail

    assert OutgoingMail.objects.filter(purpose="password reset").count() == 5
    # Another address from elsewhere is not held up.
    other = client.post(url, {"email": "x@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302
    # The same address from elsewhere is.
    again = client.post(url, {"email": "SEC@example.org"}, REMOTE_ADDR="198.51.100.8")
    assert again.status_code == 429


def test_password_reset_requests_are_limited_per_address(client):
    url = reverse("password_reset")
    answers = [client.post(url, {"email": f"who{i}@example.org"}) for i in range(6)]
    assert answers[4].status_code == 302
    assert answers[5].status_code == 429


def test_invitation_links_are_limited(client, django_user_model):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = django_user_model.objects.create_user("new", "new@example.org")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    answers = [client.get(reverse("invitation-accept", args=[uid, f"guess-{i}"])) for i in range(6)]
    assert [a.status_code for a in answers[:5]] == [200] * 5
    assert "no longer valid" in answers[0].content.decode()
    assert answers[5].status_code == 429
    assert LOCKED in answers[5].content.decode()


def test_a_wrong_code_counts_as_a_failed_login(client, armenia, make_secretariat):
    make_secretariat(armenia)
    for _ in range(5):
        response = log_in(client, "sec", code="000000")
    assert response.status_code == 429
    assert not logged_in(client)
    assert log_in(client, "sec").status_code == 429


def test_the_lockout_list_has_a_query_budget(client, armenia, forum_secretariat, settings):
    """As many queries for 3 locked user names as for 9 (6 measured): one grouped read."""
    from platforma.testing.budget import assert_page_budget

    made = iter(range(1000))

    def lock_out(n):
        for _ in range(n):
            AccessAttempt.objects.create(
                username=f"locked-{next(made)}",
                ip_address="203.0.113.9",
                user_agent="test",
                failures_since_start=settings.AXES_FAILURE_LIMIT,
            )

    client.force_login(forum_secretariat)
    url = reverse("accounts:office-lockout-list", args=["armenia"])
    response = assert_page_budget(client, url, lock_out, ceiling=6)
    assert response.content.decode().count("locked-") >= 9
