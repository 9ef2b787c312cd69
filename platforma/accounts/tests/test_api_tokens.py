"""The account's "API tokens" page, through HTTP: make a token (its secret shown once), call the
API with it, revoke it; what is refused; the second factor first where the account needs it."""

import datetime
import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_otp import DEVICE_ID_SESSION_KEY

from platforma.accounts.models import ApiToken
from platforma.accounts.services import API_TOKEN_MAX_LIVE, api_token_create
from platforma.core.models import AuditEntry

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

PAGE = "/en/accounts/api-tokens/"
SECRET = re.compile(r"pfm_[0-9a-f]{8}_[A-Za-z0-9_-]{20,}")
WRITES = ("post", "put", "patch", "delete")


def revoke_url(pk):
    return reverse("accounts:api-token-revoke", args=[pk])


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def make_token(user, scope="read", days=30, name="script"):
    return api_token_create(actor=user, name=name, scope=scope, expires_on=in_days(days))


def shown(when):
    """A time as the page shows it (the site's time zone, the language's format)."""
    return date_format(timezone.localtime(when), "DATETIME_FORMAT")


def test_a_token_from_making_to_revoking(client, django_user_model):
    user = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    client.force_login(user)

    page = client.get(PAGE)
    html = page.content.decode()
    assert page.status_code == 200
    assert "You have no token yet." in html
    assert f'value="{in_days(90).isoformat()}"' in html  # the default expiry: 90 days
    assert f'max="{in_days(366).isoformat()}"' in html
    assert 'style="' not in html
    assert "<script" not in html.split("</header>")[-1]

    made = client.post(PAGE, {"name": "Spreadsheet", "scope": "read", "expires_on": in_days(30)})
    html = made.content.decode()
    assert made.status_code == 200  # the secret is in this answer, not behind a redirect
    assert "no-store" in made["Cache-Control"]
    secret = SECRET.search(html).group(0)
    assert "Copy it now: it will not be shown again." in html
    assert f'curl -H "Authorization: Bearer {secret}" http://testserver/api/v1/me' in html
    assert 'value="Spreadsheet"' not in html  # a blank form under the secret
    token = ApiToken.objects.get(user=user)
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert not any(
        secret in str(value)
        for value in ApiToken.objects.filter(pk=token.pk).values().get().values()
    )
    assert (token.name, token.scope, token.last_used_at, token.revoked_at) == (
        "Spreadsheet",
        "read",
        None,
        None,
    )
    end = datetime.datetime.combine(in_days(31), datetime.time.min)
    assert token.expires_at == timezone.make_aware(end)

    again = client.get(PAGE).content.decode()
    assert secret not in again
    assert secret[:20] not in again
    assert f"pfm_{token.prefix}…" in again
    assert "Spreadsheet" in again
    assert "read only" in again
    assert ">live<" in again
    assert ">never<" in again
    assert "no-store" in client.get(PAGE)["Cache-Control"]

    # The token calls the API as its user; the page then shows when it was last used.
    answer = client.get("/api/v1/platforms", **bearer(secret))
    assert answer.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    html = client.get(PAGE).content.decode()
    assert shown(token.last_used_at) in html
    assert ">never<" not in html

    # Revoked on the page: the very next call with it is refused.
    revoked = client.post(revoke_url(token.pk), follow=True)
    html = revoked.content.decode()
    assert revoked.redirect_chain == [(reverse("accounts:api-tokens"), 302)]
    assert "The token “Spreadsheet” is revoked" in html
    assert ">revoked<" in html
    assert revoke_url(token.pk) not in html  # no Revoke button for a revoked token
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = client.get("/api/v1/platforms", **bearer(secret))
    assert refused.status_code == 401
    assert refused.json()["message"]
    twice = client.post(revoke_url(token.pk), follow=True)
    assert "That token is already revoked." in twice.content.decode()

    # One audit entry for each act, and never the secret in it.
    entries = AuditEntry.objects.filter(action__startswith="accounts.api_token.")
    assert sorted(entries.values_list("action", flat=True)) == [
        "accounts.api_token.created",
        "accounts.api_token.revoked",
    ]
    for entry in entries:
        assert entry.actor == user
        assert entry.data["token"] == token.prefix
        assert secret not in str(entry.data)
        assert token.secret_hash not in str(entry.data)


def test_what_a_token_may_not_do(client, django_user_model, armenia, make_representative):
    ada = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    bob = django_user_model.objects.create_user("bob", "bob@example.org", PASSWORD)

    # Expired (the ORM sets the end in the past), or of an inactive user: 401, not anonymous.
    expired, expired_secret = make_token(ada)
    ApiToken.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get("/api/v1/platforms", **bearer(expired_secret)).status_code == 401
    _, bob_secret = make_token(bob)
    assert client.get("/api/v1/platforms", **bearer(bob_secret)).status_code == 200
    django_user_model.objects.filter(pk=bob.pk).update(is_active=False)
    assert client.get("/api/v1/platforms", **bearer(bob_secret)).status_code == 401

    # The page lists one's own tokens only; someone else's token cannot be revoked: 404.
    carol = django_user_model.objects.create_user("carol", "c@example.org", PASSWORD)
    theirs, _ = make_token(carol, name="Carol robot")
    client.force_login(ada)
    html = client.get(PAGE).content.decode()
    assert ">expired<" in html
    assert revoke_url(expired.pk) not in html
    assert "Carol robot" not in html
    assert theirs.prefix not in html
    assert client.post(revoke_url(theirs.pk)).status_code == 404
    assert client.post(revoke_url(2**70)).status_code == 404
    assert client.get(revoke_url(theirs.pk)).status_code == 405
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    assert not AuditEntry.objects.filter(action="accounts.api_token.revoked").exists()

    # Logged out: the page and the revocation send to the login page first.
    client.logout()
    for response in (client.get(PAGE), client.post(revoke_url(theirs.pk))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    # A representative's token answers as the representative: the same public list here.
    rep = make_representative(armenia)
    _, rep_secret = make_token(rep)
    anonymous = client.get("/api/v1/platforms").json()
    assert client.get("/api/v1/platforms", **bearer(rep_secret)).json() == anonymous
    one = client.get("/api/v1/platforms/armenia", **bearer(rep_secret))
    assert one.status_code == 200
    assert one.json()["slug"] == "armenia"


def _a_write_operation():
    """The method and address of a write operation of the API (path parameters "1"), if any."""
    from platforma.api.main import api

    for bound in api._get_bound_routers():
        for route, path_view in sorted(bound.path_operations.items()):
            for operation in path_view.operations:
                for method in operation.methods:
                    if method.lower() in WRITES:
                        return method, "/api/v1" + re.sub(r"\{[^}]+\}", "1", route)
    return None


def test_a_read_only_token_may_not_write(client, django_user_model):
    """A read-only token is refused (403) on any write, before the operation looks at the call.
    (Ninja answers 405 before the auth where a path has no write at all, so a real write
    operation of the spec is used; none yet: skipped.)"""
    found = _a_write_operation()
    if found is None:
        pytest.skip("the API has no write operation yet")
    method, path = found
    user = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    _, reader = make_token(user, scope="read")
    _, writer = make_token(user, scope="write")
    refused = client.generic(method, path, "{}", content_type="application/json", **bearer(reader))
    assert refused.status_code == 403, (method, path)
    assert "may only read" in refused.json()["message"]
    passed = client.generic(method, path, "{}", content_type="application/json", **bearer(writer))
    assert passed.status_code != 401
    assert "may only read" not in passed.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "scope": "read", "expires_on": 30}, "name", "This field is required."),
        ({"name": "   ", "scope": "read", "expires_on": 30}, "name", "This field is required."),
        ({"name": "x" * 101, "scope": "read", "expires_on": 30}, "name", "at most 100"),
        ({"name": "n", "scope": "admin", "expires_on": 30}, "scope", "Select a valid choice"),
        ({"name": "n", "scope": "read", "expires_on": 0}, "expires_on", "a day after today"),
        ({"name": "n", "scope": "read", "expires_on": -5}, "expires_on", "a day after today"),
        ({"name": "n", "scope": "read", "expires_on": 367}, "expires_on", "at most 366 days"),
        ({"name": "n", "scope": "read", "expires_on": "31/02/2027"}, "expires_on", "valid date"),
        ({"name": "n", "scope": "read", "expires_on": "9999-12-31"}, "expires_on", "366 days"),
        ({"name": "n\x00", "scope": "read", "expires_on": 30}, "name", "Null characters"),
    ],
)
def test_bad_input_makes_nothing(client, django_user_model, data, field, message):
    user = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    client.force_login(user)
    if isinstance(data["expires_on"], int):
        data = {**data, "expires_on": in_days(data["expires_on"])}
    response = client.post(PAGE, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field, [])), errors
    assert SECRET.search(response.content.decode()) is None
    assert not ApiToken.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="accounts.api_token.").exists()


def test_at_most_so_many_live_tokens(client, django_user_model):
    user = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    for n in range(API_TOKEN_MAX_LIVE):
        make_token(user, name=f"t{n}")
    client.force_login(user)
    response = client.post(PAGE, {"name": "one more", "scope": "write", "expires_on": in_days(9)})
    assert "revoke one you no longer use first" in response.content.decode()
    assert ApiToken.objects.filter(user=user).count() == API_TOKEN_MAX_LIVE


def test_the_page_lists_tokens_in_a_fixed_number_of_queries(
    client, django_user_model, django_assert_max_num_queries
):
    user = django_user_model.objects.create_user("ada", "ada@example.org", PASSWORD)
    client.force_login(user)
    make_token(user)
    with django_assert_max_num_queries(12) as few:
        client.get(PAGE)
    for n in range(10):
        make_token(user, name=f"t{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(PAGE).content.decode().count(">live<") == 11


def _unverified(client, user):
    """A session logged in without giving the second factor."""
    client.force_login(user)
    session = client.session
    del session[DEVICE_ID_SESSION_KEY]
    session.save()


def test_the_second_factor_first(client, armenia, make_secretariat, make_representative):
    # A secretariat must hold a second factor: a session without it is sent to give the code.
    secretariat = make_secretariat(armenia)
    theirs, _ = make_token(secretariat)
    _unverified(client, secretariat)
    code_page = reverse("accounts:second-factor")
    for response in (client.get(PAGE), client.post(revoke_url(theirs.pk))):
        assert response.status_code == 302
        assert response["Location"].startswith(code_page)
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    # Having given it (through the login page), the page opens.
    client.logout()
    assert log_in(client, secretariat.username).status_code == 302
    assert client.get(PAGE).status_code == 200

    # A representative needs none: without a second factor, the page opens at once...
    client.logout()
    rep = make_representative(armenia)
    assert log_in(client, rep.username).status_code == 302
    assert client.get(PAGE).status_code == 200
    # ...but one who holds a second factor gives it first, as on the security page.
    _unverified(client, rep)
    response = client.get(PAGE)
    assert response["Location"] == f"{code_page}?next={PAGE}"


def test_the_account_pages_link_to_it(client, armenia, make_representative):
    from platforma.core import services
    from platforma.core.models import PlatformRole
    from platforma.testing.factories import PlatformFactory

    rep = make_representative(armenia)
    client.force_login(rep)
    assert f'href="{PAGE}"' in client.get(reverse("accounts:security")).content.decode()
    # The account home lists one's pages when there is more than one to choose from.
    services.platform_role_grant(
        actor=None,
        user=rep,
        platform=PlatformFactory(slug="georgia"),
        role=PlatformRole.Role.SECRETARIAT,
    )
    services.platform_role_grant(
        actor=None,
        user=rep,
        platform=PlatformFactory(slug="moldova"),
        role=PlatformRole.Role.SECRETARIAT,
    )
    client.force_login(rep)
    home = client.get(reverse("account-home"))
    assert home.status_code == 200
    assert f'href="{PAGE}"' in home.content.decode()
