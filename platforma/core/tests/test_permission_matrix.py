"""Every page with every role: who gets the page, who is sent to log in, who finds nothing.

Adding a URL to any namespace without a row here (or in an app's ``tests/matrix.py``, whose
tables are merged into these) fails ``test_every_url_is_in_the_matrix``, so no page escapes the
permission review. Every address with an object id is also tried as another platform's
secretariat, with its own platform in the address and our object's id: that is a 404.

The coordinator of WG1 walks every page too (a row that does not name them expects what it
expects of the representative); the pages of their group open to them, another group's
objects and the membership's pages are a 404, and forged ids posted to their own pages change
nothing.
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
    ROLES,
    expected_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(world):
    """The conftest's world, with the coordinator of WG1: the person whose WG coordinator
    mandate is in force today gets a user account; and the objects of WG1 and of another
    group that the coordinator's rows need."""
    from django.contrib.auth import get_user_model

    from platforma.activities.models import Event, Registration
    from platforma.core.models import today_in
    from platforma.governance.models import Office
    from platforma.governance.selectors import mandates_in_force
    from platforma.publications.models import Publication
    from platforma.workinggroups.models import Enrolment

    users, data = world
    platform = data["platform"]
    mandate = (
        mandates_in_force(platform, today_in(platform))
        .filter(office__kind=Office.Kind.WG_COORDINATOR, office__working_group__slug="wg1")
        .first()
    )
    user = get_user_model().objects.create_user("coord", password="pw-1234567")
    person = mandate.person
    person.user = user
    person.save(update_fields=["user"])
    users["coordinator"] = user
    group = mandate.office.working_group
    other = platform.working_groups.exclude(pk=group.pk).filter(parent__isnull=True).first()
    data["group"] = group
    data["other_group"] = other
    data["group_event"] = Event.objects.filter(working_groups=group).first()
    data["other_event"] = Event.objects.filter(platform=platform).exclude(working_groups=group)[0]
    data["group_registration"] = Registration.objects.filter(event=data["group_event"]).first()
    data["other_registration"] = Registration.objects.filter(event=data["other_event"]).first()
    data["group_publication"] = Publication.objects.filter(working_group=group).first()
    data["other_publication"] = (
        Publication.objects.filter(platform=platform).exclude(working_group=group).first()
    )
    data["other_enrolment"] = Enrolment.objects.filter(working_group=other).first()
    return users, data


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


# Doors of an organisation's primary representative (the walk's representative is an alternate;
# its coordinator, the primary representative of their organisation, gets past them).
PRIMARY_REPRESENTATIVE_DOORS = {"elections:nomination-second", "elections:proxy-give"}

# POST-only actions that a working group's coordinator reaches (merged from apps' tables).
COORDINATED_POST: set[str] = set()


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
        COORDINATED_POST.update(getattr(module, "COORDINATED_POST", set()))


_merge_app_tables()


def all_url_names():
    """Every named address of the project's own apps (Django's admin and auth pages aside)."""
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            namespace = getattr(sub, "namespace", None)
            # The API walks its own matrix, by operation: platforma/api/tests/test_api_matrix.py
            if namespace and namespace not in ("admin", "api"):
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
        for role in ROLES:
            want = expected_of(expected, role)
            if want is None or (role == "coordinator" and name in COORDINATOR_PAGES):
                continue  # the coordinator's own group's pages: test_coordinator_pages
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
            ("coordinator", NOT_FOUND),
            ("other_secretariat", NOT_FOUND),
        ):
            if role == "coordinator" and (name in COORDINATED_POST or name in COORDINATOR_PAGES):
                continue  # theirs to reach: test_coordinator_pages
            if role == "coordinator" and name in PRIMARY_REPRESENTATIVE_DOORS:
                as_role(client, users, role)  # a primary representative: let in
                got = outcome(client.post(url, {}))
                if got in (NOT_FOUND, LOGIN):
                    wrong.append((name, role, "reached", got))
                continue
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
        for role in ("anonymous", "representative", "coordinator", "other_secretariat"):
            if role == "coordinator" and name in COORDINATOR_PAGES:
                continue
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


# --- A working group's coordinator ------------------------------------------------------------
# The pages the coordinator of WG1 opens with WG1's objects (GET: the page; POST: an empty form
# reaches the view, which refuses it with 400 or sends back with a message, never 404).


def _group_event(d):
    return ["azerbaijan", d["group_event"].pk]


def _group_publication(d):
    return ["azerbaijan", d["group_publication"].pk]


COORDINATOR_PAGES = {
    "activities:office-event-list": (lambda d: ["azerbaijan"], "get"),
    "activities:office-event-create": (lambda d: ["azerbaijan"], "get"),
    "activities:office-event-edit": (_group_event, "get"),
    "activities:office-event-cancel": (_group_event, "get"),
    "activities:office-event-files": (_group_event, "get"),
    "activities:office-event-registrations": (_group_event, "get"),
    "activities:office-event-message": (_group_event, "get"),
    "activities:office-registration-export": (lambda d: [*_group_event(d), "csv"], "get"),
    "activities:event-checkin": (_group_event, "get"),
    "activities:office-registration-add": (_group_event, "post"),
    "publications:office-publication-list": (lambda d: ["azerbaijan"], "get"),
    "publications:office-publication-create": (lambda d: ["azerbaijan"], "get"),
    "publications:office-publication-edit": (_group_publication, "get"),
    "publications:office-version-add": (_group_publication, "post"),
    "publications:office-signature-add": (_group_publication, "post"),
}

# The same pages with another group's objects (and the group pages of another group): 404.
COORDINATOR_ELSEWHERE = {
    "workinggroups:office-group-detail": (lambda d: ["azerbaijan", d["other_group"].pk], "get"),
    "workinggroups:office-group-edit": (lambda d: ["azerbaijan", d["other_group"].pk], "get"),
    "workinggroups:office-enrolment-add": (lambda d: ["azerbaijan", d["other_group"].pk], "post"),
    "workinggroups:office-enrolment-end": (
        lambda d: ["azerbaijan", d["other_enrolment"].pk],
        "get",
    ),
    **{
        f"activities:{name}": (lambda d: ["azerbaijan", d["other_event"].pk], method)
        for name, method in (
            ("office-event-edit", "get"),
            ("office-event-cancel", "get"),
            ("office-event-files", "get"),
            ("office-event-registrations", "get"),
            ("office-event-message", "get"),
            ("event-checkin", "get"),
            ("office-registration-add", "post"),
        )
    },
    "activities:office-registration-export": (
        lambda d: ["azerbaijan", d["other_event"].pk, "csv"],
        "get",
    ),
    "activities:office-registration-cancel": (
        lambda d: ["azerbaijan", d["other_event"].pk, d["other_registration"].pk],
        "post",
    ),
    **{
        f"publications:{name}": (lambda d: ["azerbaijan", d["other_publication"].pk], method)
        for name, method in (
            ("office-publication-edit", "get"),
            ("office-version-add", "post"),
            ("office-signature-add", "post"),
        )
    },
}


def test_coordinator_pages(client, world):
    """The coordinator of WG1 opens their group's pages; the secretariat still does."""
    users, data = world
    wrong = []
    for role in ("coordinator", "secretariat"):
        as_role(client, users, role)
        for name, (build, method) in sorted(COORDINATOR_PAGES.items()):
            url = reverse(name, args=build(data))
            if method == "get":
                got = outcome(client.get(url))
                if got != OK:
                    wrong.append((role, name, got))
            else:
                got = outcome(client.post(url, {}))
                if got in (NOT_FOUND, LOGIN, 403):
                    wrong.append((role, name, got))
        for name in sorted(COORDINATED_POST):  # apps' POST-only actions open to coordinators
            got = outcome(client.post(reverse(name, args=POST_ONLY[name](data)), {}))
            if got in (NOT_FOUND, LOGIN, 403):
                wrong.append((role, name, got))
    assert wrong == []


def test_coordinator_finds_nothing_of_another_group(client, world):
    users, data = world
    as_role(client, users, "coordinator")
    wrong = []
    for name, (build, method) in sorted(COORDINATOR_ELSEWHERE.items()):
        url = reverse(name, args=build(data))
        got = outcome(client.get(url) if method == "get" else client.post(url, {}))
        if got != NOT_FOUND:
            wrong.append((name, got))
    assert wrong == []


def test_every_page_a_coordinator_opens_is_walked():
    """Each coordinator page of the table has its row in the matrix (no stale names)."""
    listed = (MATRIX, POST_ONLY, POST_HIDDEN)
    stale = [n for n in COORDINATOR_PAGES if not any(n in table for table in listed)]
    assert stale == []
