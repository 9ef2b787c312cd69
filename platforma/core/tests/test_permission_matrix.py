"""Every page with every role: who gets the page, who is sent to log in, who finds nothing.

Adding a URL to a namespace listed in COVERED without a row here fails
``test_every_url_is_in_the_matrix``, so no page escapes the permission review.
"""

import pytest
from django.urls import get_resolver, reverse

from platforma.core.services import platform_role_grant
from platforma.members.models import Application, Membership
from platforma.members.services import representative_assign
from platforma.testing.factories import PersonFactory, PlatformFactory

pytestmark = pytest.mark.django_db

COVERED = ("website", "members")
OK, LOGIN, NOT_FOUND = 200, "login", 404
ROLES = ("anonymous", "representative", "other_secretariat", "secretariat", "forum")
PUBLIC = dict.fromkeys(ROLES, OK)
OFFICE = {
    "anonymous": LOGIN,
    "representative": NOT_FOUND,
    "other_secretariat": NOT_FOUND,
    "secretariat": OK,
    "forum": OK,
}
REPRESENTATIVES = {**OFFICE, "representative": OK, "other_secretariat": OK}  # page says "none"

# name -> (args builder, expectations)
MATRIX = {
    "website:platform-list": (lambda d: [], PUBLIC),
    "website:platform-home": (lambda d: ["azerbaijan"], PUBLIC),
    "website:member-list": (lambda d: ["azerbaijan"], PUBLIC),
    "website:workinggroup-list": (lambda d: ["azerbaijan"], PUBLIC),
    "website:workinggroup-detail": (lambda d: ["azerbaijan", "wg1"], PUBLIC),
    "website:governance": (lambda d: ["azerbaijan"], PUBLIC),
    "members:join": (lambda d: ["azerbaijan"], PUBLIC),
    "members:application-status": (lambda d: ["azerbaijan", d["application"].token], PUBLIC),
    "members:recommendation-respond": (
        lambda d: ["azerbaijan", d["application"].recommendations.first().token],
        PUBLIC,
    ),
    "members:my-organisation": (lambda d: ["azerbaijan"], REPRESENTATIVES),
    "members:office-home": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-application-list": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-application-detail": (lambda d: ["azerbaijan", d["application"].pk], OFFICE),
    "members:office-document": (
        lambda d: ["azerbaijan", d["application"].documents.first().pk],
        OFFICE,
    ),
    "members:office-member-list": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-member-export": (lambda d: ["azerbaijan", "csv"], OFFICE),
    "members:office-member-import": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-membership-detail": (lambda d: ["azerbaijan", d["membership"].pk], OFFICE),
}
# POST-only actions: anonymous visitors log in first, everyone but the secretariat finds nothing.
POST_ONLY = {
    "members:office-application-review": lambda d: ["azerbaijan", d["application"].pk],
    "members:office-application-opinion": lambda d: ["azerbaijan", d["application"].pk],
    "members:office-application-decide": lambda d: ["azerbaijan", d["application"].pk],
    "members:office-appeal-decide": lambda d: ["azerbaijan", 999999],
    "members:office-membership-transition": lambda d: ["azerbaijan", d["membership"].pk],
    "members:office-membership-invite": lambda d: ["azerbaijan", d["membership"].pk],
    "members:office-change-decide": lambda d: ["azerbaijan", 999999],
}


@pytest.fixture
def world(demo_platform, django_user_model):
    users = {"anonymous": None}
    users["forum"] = django_user_model.objects.create_superuser(
        "forum", "f@example.org", "pw-1234567"
    )
    sec = django_user_model.objects.create_user("sec", password="pw-1234567")
    platform_role_grant(actor=None, user=sec, platform=demo_platform, role="secretariat")
    users["secretariat"] = sec
    other = django_user_model.objects.create_user("other", password="pw-1234567")
    platform_role_grant(
        actor=None, user=other, platform=PlatformFactory(slug="armenia"), role="secretariat"
    )
    users["other_secretariat"] = other
    rep = django_user_model.objects.create_user("rep", password="pw-1234567")
    membership = Membership.objects.get(platform=demo_platform, organisation__acronym="CCO")
    representative_assign(
        actor=None,
        organisation=membership.organisation,
        person=PersonFactory(user=rep),
        role="alternate",
    )
    users["representative"] = rep
    data = {
        "application": Application.objects.get(platform=demo_platform),
        "membership": membership,
    }
    return users, data


def all_url_names(namespace):
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            if getattr(sub, "namespace", None) == namespace:
                for p in sub.url_patterns:
                    yield f"{namespace}:{p.name}"


def test_every_url_is_in_the_matrix():
    for namespace in COVERED:
        for name in all_url_names(namespace):
            assert name in MATRIX or name in POST_ONLY, f"{name} is not in the permission matrix"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_pages_by_role(client, world, name):
    users, data = world
    build, expected = MATRIX[name]
    url = reverse(name, args=build(data))
    for role, outcome in expected.items():
        client.logout()
        if users[role]:
            client.force_login(users[role])
        response = client.get(url)
        if outcome == LOGIN:
            assert response.status_code == 302, (role, url)
            assert "/accounts/login/" in response["Location"], (role, url)
        else:
            assert response.status_code == outcome, (role, url, response.status_code)


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_actions_by_role(client, world, name):
    users, data = world
    url = reverse(name, args=POST_ONLY[name](data))
    for role in ("anonymous", "representative", "other_secretariat"):
        client.logout()
        if users[role]:
            client.force_login(users[role])
        response = client.post(url, {})
        if role == "anonymous":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 404, (role, url, response.status_code)
        assert client.get(url).status_code in (302, 404, 405)
