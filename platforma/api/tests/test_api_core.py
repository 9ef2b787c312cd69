"""What every operation shares: JSON errors, pages, the language, who calls (token, session,
nobody) and the rate per caller."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from platforma.accounts.models import ApiToken
from platforma.core.models import Platform

from .conftest import auth

pytestmark = pytest.mark.django_db


def test_errors_are_json_with_a_message_and_the_fields(client, demo_platform):
    response = client.get("/api/v1/platforms?page=0&page_size=500")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["message"]
    assert set(body["fields"]) == {"page", "page_size"}

    response = client.get("/api/v1/platforms/no-such-platform")
    assert (response.status_code, response.json()) == (404, {"message": "Not found.", "fields": {}})
    # A slug that is not one (spaces, NUL) is bad input, not a server error.
    assert client.get("/api/v1/platforms/a%20b").status_code == 400
    assert client.get("/api/v1/platforms/a%00b").status_code == 400


def test_pages_are_stable_and_bounded(client, world):
    everything = client.get("/api/v1/platforms?page_size=100").json()
    assert everything["count"] == Platform.objects.count() >= 2
    slugs = [p["slug"] for p in everything["results"]]
    one_by_one = [
        client.get(f"/api/v1/platforms?page={n}&page_size=1").json()["results"][0]["slug"]
        for n in range(1, everything["count"] + 1)
    ]
    assert one_by_one == slugs
    past = client.get(f"/api/v1/platforms?page={everything['count'] + 1}&page_size=1").json()
    assert past["results"] == []
    assert past["count"] == everything["count"]
    assert everything["results"][0]["is_forum"] is (slugs[0] == "forum")


def test_the_language_by_query_or_header(client, demo_platform):
    by_header = client.get("/api/v1/platforms/nowhere", HTTP_ACCEPT_LANGUAGE="ru")
    assert by_header["Content-Language"] == "ru"
    assert by_header.json()["message"] == "Не найдено."
    by_query = client.get("/api/v1/platforms/nowhere?lang=az", HTTP_ACCEPT_LANGUAGE="ru")
    assert by_query["Content-Language"] == "az"
    assert by_query.json()["message"] != "Not found."
    platform = client.get("/api/v1/platforms/azerbaijan?lang=ru").json()
    assert platform["name"] == Platform.objects.get(slug="azerbaijan").name_ru
    unknown = client.get("/api/v1/platforms?lang=xx")
    assert unknown.status_code == 400
    assert "lang" in unknown.json()["fields"]


def test_the_spec_and_the_docs(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "Platforma API"
    assert set(spec["components"]["securitySchemes"]) == {"BearerToken", "Session"}
    public = spec["paths"]["/api/v1/platforms"]["get"]
    assert {} in public["security"]  # no credentials needed
    assert {"400", "401", "403", "404", "429"} <= set(public["responses"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"/static/ninja/swagger-ui-bundle.js" in docs.content  # served here, no CDN
    for root in ("/api/", "/api/v1/"):
        assert client.get(root)["Location"] == "/api/v1/docs"


def test_tokens_are_checked_before_anything(client, world, tokens):
    users, _data = world
    good = tokens["secretariat"]["read"]
    assert client.get("/api/v1/platforms", **auth(good)).status_code == 200

    for header in ("Bearer nonsense", "Bearer pfm_0000_x", f"Bearer {good}x", "Token abc"):
        response = client.get("/api/v1/platforms", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header
        assert response["WWW-Authenticate"] == "Bearer"
        assert response.json()["message"]

    token = ApiToken.objects.get(user=users["secretariat"], scope="read")
    token.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    token.save()
    assert client.get("/api/v1/platforms", **auth(good)).status_code == 401
    writer = tokens["secretariat"]["write"]
    users["secretariat"].is_active = False
    users["secretariat"].save()
    assert client.get("/api/v1/platforms", **auth(writer)).status_code == 401


def test_the_rate_per_caller(client, world, tokens, settings):
    settings.PLATFORMA_API_RATE = "3/min"
    settings.PLATFORMA_API_ANONYMOUS_RATE = "2/min"
    assert [client.get("/api/v1/platforms").status_code for _ in range(3)] == [200, 200, 429]
    limited = client.get("/api/v1/platforms")
    assert limited.json()["message"]
    assert int(limited["Retry-After"]) >= 1
    # A token's calls are its user's: counted apart from the anonymous address.
    secret = tokens["representative"]["read"]
    answers = [client.get("/api/v1/platforms", **auth(secret)).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    other = tokens["secretariat"]["read"]
    assert client.get("/api/v1/platforms", **auth(other)).status_code == 200


def test_the_sites_own_session(world):
    """The site's scripts call with the session: reads as the logged-in person; writes need the
    CSRF token; a back-office account counts only once it has given its second factor."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    users, data = world
    organisation = data["membership"].organisation
    path = f"/api/v1/me/organisations/{organisation.pk}"
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["representative"])
    assert browser.get("/api/v1/me").json()["username"] == "rep"

    refused = browser.patch(path, {"fields_of_work": "by script"}, content_type="application/json")
    assert refused.status_code == 403
    organisation.refresh_from_db()
    assert organisation.fields_of_work != "by script"

    browser.get("/en/accounts/api-tokens/")  # any page that renders a form sets the cookie
    csrf = browser.cookies["csrftoken"].value
    accepted = browser.patch(
        path,
        {"fields_of_work": "by script"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert accepted.status_code == 200, accepted.content
    organisation.refresh_from_db()
    assert organisation.fields_of_work == "by script"

    # A secretariat's session without the second factor is nobody to the API.
    office = Client()
    office.force_login(users["secretariat"])
    assert office.get("/api/v1/platforms/azerbaijan/memberships").status_code == 200
    session = office.session
    del session[DEVICE_ID_SESSION_KEY]
    session.save()
    assert office.get("/api/v1/platforms/azerbaijan/memberships").status_code == 401
    assert office.get("/api/v1/platforms/azerbaijan").status_code == 200  # public stays public


def test_a_read_only_token_never_writes(world, call):
    _users, data = world
    organisation = data["membership"].organisation
    path = f"/api/v1/me/organisations/{organisation.pk}"
    refused = call("patch", path, role="representative", scope="read", data={"acronym": "RO"})
    assert refused.status_code == 403
    assert "only read" in refused.json()["message"]
    organisation.refresh_from_db()
    assert organisation.acronym != "RO"


def test_no_two_schemas_share_a_name():
    """The spec names each schema by its class name: two classes of one name would be one
    component, and one of them described by the other's fields."""
    import importlib
    import inspect

    from ninja import Schema

    from platforma.api.routers import ROUTERS

    assert ROUTERS
    seen: dict[str, type] = {}
    clashes = []
    package = importlib.import_module("platforma.api.routers")
    for name in sorted(n for n in dir(package) if not n.startswith("_")):
        module = getattr(package, name)
        if not inspect.ismodule(module):
            continue
        for _attr, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Schema) and value.__module__ == module.__name__:
                if value.__name__ in seen and seen[value.__name__] is not value:
                    clashes.append(value.__name__)
                seen[value.__name__] = value
    assert clashes == []


def test_moments_of_any_offset_and_year(world, call):
    path = "/api/v1/platforms/azerbaijan/memberships?updated_since="
    odd = call("get", path + "0032-09-02T20:55:20-18:16", role="secretariat")
    assert odd.status_code == 200  # sent on in UTC: PostgreSQL refused this offset
    assert odd.json()["count"] > 0
    assert call("get", path + "2999-01-01T00:00:00Z", role="secretariat").json()["count"] == 0
    overflow = call("get", path + "0001-01-01T00:00:00%2B05:00", role="secretariat")
    assert overflow.status_code == 400
    assert "updated_since" in overflow.json()["fields"]
