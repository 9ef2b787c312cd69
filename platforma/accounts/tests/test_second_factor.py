"""Two factors: enrolment, the code page, recovery codes, and the office closed until then."""

import base64
import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from platforma.core.models import AuditEntry
from platforma.testing.second_factor import totp_code, totp_device

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db


def office(slug="armenia"):
    return reverse("members:office-home", args=[slug])


def code_for_secret(secret_text):
    key = base64.b32decode(secret_text.replace(" ", ""))
    return str(totp(key)).zfill(6)


def enrol_page_secret(html):
    assert "<svg" in html  # the QR code, drawn on the server
    return re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', html).group(1)


def test_a_secretariat_without_a_device_must_enrol(client, armenia, make_secretariat):
    user = make_secretariat(armenia, device=False)
    response = client.post(
        reverse("login") + f"?next={office()}", {"username": "sec", "password": PASSWORD}
    )
    assert response["Location"] == reverse("accounts:second-factor")
    assert "_auth_user_id" not in client.session  # not logged in before the second factor
    page = client.get(reverse("accounts:second-factor"), follow=True)
    assert page.redirect_chain[-1][0] == reverse("accounts:enrol")
    html = page.content.decode()
    assert "requires a second factor" in html
    secret = enrol_page_secret(html)
    assert 'style="' not in html
    assert "<script" not in html.split("</header>")[-1]

    wrong = client.post(reverse("accounts:enrol"), {"code": "000000"})
    assert "not the one your app shows" in wrong.content.decode()

    done = client.post(reverse("accounts:enrol"), {"code": code_for_secret(secret)})
    html = done.content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert "shown only this once" in html
    assert f'href="{office()}"' in html
    assert client.get(office()).status_code == 200

    entry = AuditEntry.objects.get(action="accounts.second_factor.enrolled")
    assert entry.platform == armenia
    text = str(entry.data)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    assert device.key not in text
    assert secret.replace(" ", "") not in text
    assert not any(code in text for code in codes)


def test_login_with_a_code(client, armenia, make_secretariat):
    user = make_secretariat(armenia)
    client.post(reverse("login") + f"?next={office()}", {"username": "sec", "password": PASSWORD})
    wrong = client.post(reverse("accounts:second-factor"), {"code": "123456"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    # django-otp pauses after a wrong code (one second, then two, four...).
    code = totp_code(totp_device(user))
    paused = client.post(reverse("accounts:second-factor"), {"code": code})
    assert "Wait a few seconds" in paused.content.decode()
    time.sleep(1.1)
    right = client.post(reverse("accounts:second-factor"), {"code": totp_code(totp_device(user))})
    assert right["Location"] == office()
    assert client.get(office()).status_code == 200


def test_login_with_a_recovery_code_once(client, armenia, make_secretariat):
    from platforma.accounts import services

    user = make_secretariat(armenia)
    codes = services.recovery_codes_regenerate(actor=user, password=PASSWORD)
    assert log_in(client, "sec", code=codes[3].upper()).status_code == 302
    assert client.get(office()).status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9
    assert AuditEntry.objects.filter(action="accounts.recovery_code.used").count() == 1
    client.logout()
    again = log_in(client, "sec", code=codes[3])
    assert again.status_code == 200
    assert "_auth_user_id" not in client.session


def test_no_code_page_without_a_password_first(client):
    assert client.get(reverse("accounts:second-factor"))["Location"] == reverse("login")
    assert client.get(reverse("accounts:enrol"))["Location"] == reverse("login")


def test_a_pending_login_cannot_enrol_over_an_existing_device(client, armenia, make_secretariat):
    make_secretariat(armenia)
    client.post(reverse("login"), {"username": "sec", "password": PASSWORD})
    response = client.get(reverse("accounts:enrol"))
    assert response["Location"].startswith(reverse("accounts:second-factor"))


def test_the_office_and_admin_are_closed_before_the_second_factor(client, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    # The admin's own login page takes the password only...
    response = client.post(reverse("admin:login"), {"username": "root", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    # ...and nothing of the admin or the office opens until the code is given.
    for url in [reverse("admin:index"), office("forum"), reverse("admin:auth_user_changelist")]:
        refused = client.get(url)
        assert refused.status_code == 302, url
        assert refused["Location"].startswith(reverse("accounts:second-factor"))
    page = client.get(refused["Location"], follow=True)
    assert page.redirect_chain[-1][0].startswith(reverse("accounts:enrol"))


def test_a_secretariat_role_given_mid_session_closes_the_office(
    client, armenia, make_representative
):
    from platforma.core import services
    from platforma.core.models import PlatformRole

    user = make_representative(armenia)
    assert log_in(client, "rep").status_code == 302  # a representative needs no second factor
    services.platform_role_grant(
        actor=None, user=user, platform=armenia, role=PlatformRole.Role.SECRETARIAT
    )
    refused = client.get(office())
    assert refused["Location"].startswith(reverse("accounts:second-factor"))


def test_a_teller_of_an_open_election_needs_the_second_factor(client):
    from django.contrib.auth import get_user_model

    from platforma.elections.models import Election, Teller
    from platforma.elections.tests.factories import make_election, make_world

    world = make_world("tellerland", members=2)
    election = make_election(world)
    user = get_user_model().objects.create_user("teller", "t@example.org", PASSWORD)
    # Logged in before being named teller: the session has no second factor.
    assert log_in(client, "teller").status_code == 302
    Teller.objects.create(election=election, user=user, number=1, share_digest="0" * 64)
    share = reverse("elections:teller-share", args=["tellerland", election.pk])
    refused = client.get(share)
    assert refused["Location"].startswith(reverse("accounts:second-factor"))
    # At the next login the second factor is asked for at once.
    client.logout()
    response = client.post(reverse("login"), {"username": "teller", "password": PASSWORD})
    assert response["Location"] == reverse("accounts:second-factor")
    # Once the election is closed, no longer.
    Election.objects.filter(pk=election.pk).update(state=Election.State.CLOSED)
    client.logout()
    client.cookies.clear()
    response = client.post(reverse("login"), {"username": "teller", "password": PASSWORD})
    assert response["Location"] != reverse("accounts:second-factor")


def test_representatives_may_add_and_remove_a_second_factor(client, armenia, make_representative):
    user = make_representative(armenia)
    assert log_in(client, "rep").status_code == 302
    security = client.get(reverse("accounts:security")).content.decode()
    assert "Set up a second factor" in security
    html = client.get(reverse("accounts:enrol")).content.decode()
    secret = enrol_page_secret(html)
    # A logged-in account gives its password again.
    refused = client.post(
        reverse("accounts:enrol"), {"code": code_for_secret(secret), "password": "nope"}
    )
    assert "That is not your password." in refused.content.decode()
    done = client.post(
        reverse("accounts:enrol"), {"code": code_for_secret(secret), "password": PASSWORD}
    )
    assert len(re.findall(r"<li><code>", done.content.decode())) == 10
    client.logout()
    # The next login asks for the code.
    response = client.post(reverse("login"), {"username": "rep", "password": PASSWORD})
    assert response["Location"] == reverse("accounts:second-factor")
    assert log_in(client, "rep").status_code == 302

    response = client.post(
        reverse("accounts:security"), {"action": "remove", "password": PASSWORD}, follow=True
    )
    assert "The second factor is removed." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEntry.objects.filter(action="accounts.second_factor.removed").count() == 1


def test_a_secretariat_cannot_remove_its_second_factor(client, armenia, make_secretariat):
    user = make_secretariat(armenia)
    assert log_in(client, "sec").status_code == 302
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Remove the second factor" not in page
    response = client.post(reverse("accounts:security"), {"action": "remove", "password": PASSWORD})
    assert "requires a second factor" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old(client, armenia, make_secretariat):
    from platforma.accounts import services

    user = make_secretariat(armenia)
    old = services.recovery_codes_regenerate(actor=user, password=PASSWORD)
    assert log_in(client, "sec").status_code == 302
    wrong = client.post(reverse("accounts:security"), {"action": "codes", "password": "x"})
    assert "That is not your password." in wrong.content.decode()
    response = client.post(reverse("accounts:security"), {"action": "codes", "password": PASSWORD})
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new) == 10
    tokens = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert tokens == set(new)
    assert not tokens & set(old)


def test_the_security_page_gives_each_password_field_its_own_id(
    client, armenia, make_representative
):
    make_representative(armenia)
    assert log_in(client, "rep").status_code == 302
    secret = enrol_page_secret(client.get(reverse("accounts:enrol")).content.decode())
    client.post(reverse("accounts:enrol"), {"code": code_for_secret(secret), "password": PASSWORD})
    page = client.get(reverse("accounts:security")).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert [i for i in set(ids) if ids.count(i) > 1] == []
    for action in ("codes", "remove", "everywhere"):
        assert f'<label for="id_{action}_password">' in page
    # A wrong password is said once, and changes nothing.
    refused = client.post(
        reverse("accounts:security"), {"action": "everywhere", "password": "nope"}
    ).content.decode()
    assert refused.count("That is not your password.") >= 1
    assert 'id="id_everywhere_password"' in refused
    assert not AuditEntry.objects.filter(action__startswith="accounts.sessions").exists()
