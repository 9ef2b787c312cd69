"""Every page with every role: who gets the page, who is sent to log in, who finds nothing.

Adding a URL to any namespace without a row here (or in an app's ``tests/matrix.py``, whose
tables are merged into these) fails ``test_every_url_is_in_the_matrix``, so no page escapes the
permission review. Every address with an object id is also tried as another platform's
secretariat, with its own platform in the address and our object's id: that is a 404.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import get_resolver, reverse

from platforma.testing.matrix import (
    HIDDEN,
    LOGIN,
    NOT_FOUND,
    NOWHERE,
    OFFICE,
    OK,
    PUBLIC,
    REPRESENTATIVES,
)

pytestmark = pytest.mark.django_db


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
    "activities:event-list": (lambda d: ["azerbaijan"], PUBLIC),
    "activities:feed-ics": (lambda d: ["azerbaijan"], PUBLIC),
    "activities:feed-wg-ics": (lambda d: ["azerbaijan", "wg1"], PUBLIC),
    "activities:event-detail": (lambda d: ["azerbaijan", d["event"].pk], PUBLIC),
    "activities:event-ics": (lambda d: ["azerbaijan", d["event"].pk], PUBLIC),
    "activities:event-checkin": (lambda d: ["azerbaijan", d["event"].pk], HIDDEN),
    # A registration is reached by its secret link alone: whoever holds the link is its owner.
    "activities:registration-detail": (lambda d: ["azerbaijan", d["registration"].token], PUBLIC),
    "activities:registration-ics": (lambda d: ["azerbaijan", d["registration"].token], PUBLIC),
    "publications:publication-list": (lambda d: ["azerbaijan"], PUBLIC),
    "publications:feed-atom": (lambda d: ["azerbaijan"], PUBLIC),
    "publications:search": (lambda d: ["azerbaijan"], PUBLIC),
    "publications:publication-detail": (lambda d: ["azerbaijan", d["publication"].pk], PUBLIC),
    "meetings:meeting-list": (lambda d: ["azerbaijan"], OFFICE),
    "meetings:decision-list": (lambda d: ["azerbaijan"], PUBLIC),
    "meetings:mandate-dashboard": (lambda d: ["azerbaijan"], OFFICE),
    **{
        f"meetings:{name}": (lambda d: ["azerbaijan", d["meeting"].pk], OFFICE)
        for name in (
            "meeting-detail",
            "attendance",
            "proxies",
            "quorum",
            "quorum-json",
            "motion-list",
            "minutes",
            "minutes-pdf",
        )
    },
    "meetings:motion-votes": (
        lambda d: ["azerbaijan", d["motion"].meeting_id, d["motion"].pk],
        OFFICE,
    ),
    "elections:election-list": (lambda d: ["azerbaijan"], PUBLIC),
    "elections:election-detail": (lambda d: ["azerbaijan", d["election"].pk], PUBLIC),
    "elections:election-vote": (
        lambda d: ["azerbaijan", d["election"].pk],
        {**NOWHERE, "anonymous": LOGIN},  # the demo election is closed
    ),
    "elections:election-check": (lambda d: ["azerbaijan", d["election"].pk], PUBLIC),
    "elections:election-board": (lambda d: ["azerbaijan", d["election"].pk], PUBLIC),
    "elections:election-board-json": (lambda d: ["azerbaijan", d["election"].pk], PUBLIC),
    "elections:election-result-pdf": (lambda d: ["azerbaijan", d["election"].pk], PUBLIC),
    "elections:office-list": (lambda d: ["azerbaijan"], OFFICE),
    "elections:office-detail": (lambda d: ["azerbaijan", d["election"].pk], OFFICE),
    "elections:office-paper": (lambda d: ["azerbaijan", d["election"].pk], OFFICE),
    "reports:report-list": (lambda d: ["azerbaijan"], PUBLIC),
    "reports:report-detail": (lambda d: ["azerbaijan", 2014], PUBLIC),  # published
    "reports:report-pdf": (lambda d: ["azerbaijan", 2014], PUBLIC),
    "reports:report-edit": (lambda d: ["azerbaijan", 2015], HIDDEN),  # a draft
}
# Pages of drafts: nobody but the secretariat knows they exist.
DRAFTS = {
    "reports:report-detail": lambda d: ["azerbaijan", 2015],
    "reports:report-pdf": lambda d: ["azerbaijan", 2015],
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
    "meetings:meeting-convene": lambda d: ["azerbaijan", d["meeting"].pk],
    "elections:nomination-answer": lambda d: ["azerbaijan", d["election"].pk, d["nomination"].pk],
    "elections:office-transition": lambda d: ["azerbaijan", d["election"].pk],
    "elections:office-nomination-add": lambda d: ["azerbaijan", d["election"].pk],
    "elections:office-nomination-answer": lambda d: [
        "azerbaijan",
        d["election"].pk,
        d["nomination"].pk,
    ],
    "elections:office-proxy-add": lambda d: ["azerbaijan", d["election"].pk],
    "elections:office-second-round": lambda d: ["azerbaijan", d["election"].pk],
    # A representative's doors: only an organisation's primary representative gets past them
    # (the matrix's representative is an alternate, so finds nothing, like everyone else).
    "elections:nomination-second": lambda d: ["azerbaijan", d["election"].pk, d["nomination"].pk],
    "elections:proxy-give": lambda d: ["azerbaijan", d["election"].pk],
}
# POST-only doors open to the public by design, or answering 404 to everyone but the editors.
POST_PUBLIC = {
    "activities:event-register",  # the public registration form (a bad form gets 400)
    "activities:registration-cancel",  # by the registration's secret link
    "activities:registration-consent",  # idem
}
POST_HIDDEN = {
    "activities:event-file": lambda d: ["azerbaijan", d["event"].pk, 999999],
    "publications:version-download": lambda d: ["azerbaijan", 999999],
    "publications:version-cover": lambda d: ["azerbaijan", 999999],
    "reports:report-action": lambda d: ["azerbaijan", 2014, "approve"],
    "reports:report-draft": lambda d: ["azerbaijan"],
}


def _merge_app_tables() -> None:
    """Each app may keep the rows of its own pages in ``platforma/<app>/tests/matrix.py``."""
    for config in apps.get_app_configs():
        if not config.name.startswith("platforma."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        MATRIX.update(getattr(module, "MATRIX", {}))
        DRAFTS.update(getattr(module, "DRAFTS", {}))
        POST_ONLY.update(getattr(module, "POST_ONLY", {}))
        POST_PUBLIC.update(getattr(module, "POST_PUBLIC", set()))
        POST_HIDDEN.update(getattr(module, "POST_HIDDEN", {}))


_merge_app_tables()


def all_url_names():
    """Every named address of the project's own apps (Django's admin and auth pages aside)."""
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            namespace = getattr(sub, "namespace", None)
            if namespace and namespace != "admin":
                for p in sub.url_patterns:
                    yield f"{namespace}:{p.name}"


def test_every_url_is_in_the_matrix():
    listed = (MATRIX, POST_ONLY, POST_PUBLIC, POST_HIDDEN)
    missing = [name for name in all_url_names() if not any(name in table for table in listed)]
    assert missing == [], f"not in the permission matrix: {missing}"


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response.get("Location", ""):
        return LOGIN
    return response.status_code


def as_role(client, users, role):
    client.logout()
    if users[role]:
        client.force_login(users[role])


# One test per table, walking every URL in it: loading the demo once per table keeps the walk
# fast, and the assertion lists every URL and role that answered otherwise.


def test_pages_by_role(client, world):
    users, data = world
    wrong = []
    for name, (build, expected) in sorted(MATRIX.items()):
        url = reverse(name, args=build(data))
        for role, want in expected.items():
            as_role(client, users, role)
            got = outcome(client.get(url))
            if got != want:
                wrong.append((name, role, want, got))
    assert wrong == []


def test_drafts_are_hidden(client, world):
    users, data = world
    wrong = []
    for name, build in sorted(DRAFTS.items()):
        url = reverse(name, args=build(data))
        for role, want in {**NOWHERE, "secretariat": OK, "forum": OK}.items():
            as_role(client, users, role)
            got = outcome(client.get(url))
            if got != want:
                wrong.append((name, role, want, got))
    assert wrong == []


def test_actions_by_role(client, world):
    """POST-only actions: anonymous visitors log in first; other users find nothing."""
    users, data = world
    wrong = []
    for name, build in sorted(POST_ONLY.items()):
        url = reverse(name, args=build(data))
        for role, want in (
            ("anonymous", LOGIN),
            ("representative", NOT_FOUND),
            ("other_secretariat", NOT_FOUND),
        ):
            as_role(client, users, role)
            got = outcome(client.post(url, {}))
            if got != want:
                wrong.append((name, role, want, got))
            if outcome(client.get(url)) not in (LOGIN, NOT_FOUND, 405):
                wrong.append((name, role, "GET refused", outcome(client.get(url))))
    assert wrong == []


def test_hidden_actions_by_role(client, world):
    users, data = world
    wrong = []
    for name, build in sorted(POST_HIDDEN.items()):
        url = reverse(name, args=build(data))
        for role in ("anonymous", "representative", "other_secretariat"):
            as_role(client, users, role)
            for got in (outcome(client.post(url, {})), outcome(client.get(url))):
                if got not in (NOT_FOUND, 405):
                    wrong.append((name, role, got))
    assert wrong == []


def _office_rows():
    """Office addresses with an object id: (name, args), for the cross-platform walk."""
    for name, (build, expected) in MATRIX.items():
        if expected.get("secretariat") == OK and expected.get("other_secretariat") == NOT_FOUND:
            yield name, build, "get"
    for name, build in POST_ONLY.items():
        yield name, build, "post"
    for name, build in POST_HIDDEN.items():
        yield name, build, "post"


def test_own_platform_address_with_another_platforms_id_is_not_found(client, world):
    """Another platform's secretariat puts its own platform in the address and our ids: 404."""
    users, data = world
    as_role(client, users, "other_secretariat")
    other_slug = data["other_platform"].slug
    wrong = []
    for name, build, method in sorted(_office_rows()):
        args = build(data)
        if args[:1] != ["azerbaijan"] or not any(isinstance(a, int) for a in args[1:]):
            continue  # no object id in the address
        url = reverse(name, args=[other_slug, *args[1:]])
        got = outcome(client.get(url) if method == "get" else client.post(url, {}))
        if got not in (NOT_FOUND, 405):
            wrong.append((name, got))
    assert wrong == []
