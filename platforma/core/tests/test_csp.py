"""The Content-Security-Policy is on every response, nothing inline is left for it to refuse, its
report-only mode is a setting; HSTS preload and sub-domains are off unless asked for (issue 13).

The pages walked are the permission matrix's (every named page of the project, merged from the
apps' tables) as the visitor, the secretariat and the superuser, plus the admin's pages. That
the browser then runs every script under the header is ``e2e/test_browser_csp.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import override_settings
from django.urls import reverse

from platforma.core.models import AuditEntry

from .test_permission_matrix import MATRIX, as_role

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"


class InlineFinder(HTMLParser):
    """What a strict policy refuses: inline scripts, style elements and attributes, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            kind = dict(attrs).get("type") or ""
            if kind not in ("application/json", "application/ld+json"):  # data, not code
                self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        if "style" in names:
            self.found.append(f"<{tag} style=...>")
        self.found += [f"<{tag} {name}=...>" for name in names if name.startswith("on")]
        for name, value in attrs:
            if name in ("href", "src", "action") and (value or "").strip().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}=javascript:...>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def test_the_finder_finds_what_the_policy_refuses():
    assert inline_code(
        '<script>x()</script><script src="/s.js"></script><style>p{}</style>'
        '<p style="color:red" onclick="x()"><a href="javascript:x()">x</a>'
        '<script type="application/json">{}</script><p>style="not an attribute"</p>'
    ) == [
        "<script> without src",
        "<style>",
        "<p style=...>",
        "<p onclick=...>",
        "<a href=javascript:...>",
    ]


def admin_urls() -> list[str]:
    """The admin's index, every changelist, an audit entry and a membership as the admin shows
    them (the pages the Forum's secretariat inspects)."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    entry = AuditEntry.objects.order_by("pk").first()
    assert entry is not None
    urls.append(reverse("admin:core_auditentry_change", args=[entry.pk]))
    membership = apps.get_model("members", "Membership").objects.order_by("pk").first()
    urls.append(reverse("admin:members_membership_change", args=[membership.pk]))
    return urls


def _policy(response) -> str:
    return response.get(HEADER, "")


def test_every_page_carries_the_policy_and_holds_nothing_inline(client, world):
    users, data = world
    pages = [reverse(name, args=build(data)) for name, (build, _) in sorted(MATRIX.items())]
    pages += ["/en/accounts/login/", "/en/accounts/password-reset/", "/en/no-such-page/"]
    missing, inline, seen = [], [], 0
    for role in ("anonymous", "secretariat", "forum"):
        as_role(client, users, role)
        for url in pages + (admin_urls() if role == "forum" else []):
            response = client.get(url)
            seen += 1
            policy = _policy(response)
            # Uploaded files keep their own, stricter policy (core.uploads.attachment_response).
            strict = "script-src 'self'" in policy or policy == "sandbox; default-src 'none'"
            if not strict or "unsafe-inline" in policy:
                missing.append((role, url, response.status_code, policy))
            if response.get("Content-Type", "").startswith("text/html"):
                html = response.content.decode()
                if found := inline_code(html):
                    inline.append((role, url, sorted(set(found))))
    assert missing == []
    assert inline == []
    assert seen > 150  # the walk really walked


def test_the_policy_is_strict(client):
    policy = dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in _policy(client.get("/healthz")).split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"


def test_the_election_chart_is_inline_svg_without_styles(client, world):
    """matplotlib's SVG comes with <style> and style=""; the page's copy has neither, and keeps
    its colours as presentation attributes."""
    _, data = world
    html = client.get(
        reverse("elections:election-detail", args=["azerbaijan", data["election"].pk])
    )
    text = html.content.decode()
    assert "<svg" in text
    chart = text[text.index("<svg") : text.index("</svg>")]
    assert "style" not in chart
    assert 'fill="#' in chart
    assert 'stroke-linejoin="round"' in chart[: chart.index(">")]


def test_report_only_mode_sends_the_other_header(client):
    policy = settings.CONTENT_SECURITY_POLICY
    with override_settings(
        CONTENT_SECURITY_POLICY=None, CONTENT_SECURITY_POLICY_REPORT_ONLY=policy
    ):
        response = client.get(reverse("website:platform-list"))
    assert HEADER not in response
    assert "script-src 'self'" in response[REPORT_ONLY]


# --- Settings as production reads them (a fresh interpreter: settings are read at import) -------

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/healthz", secure=True, headers={"host": "platform.example.org"})
print(json.dumps({
    "hsts_seconds": settings.SECURE_HSTS_SECONDS,
    "preload": settings.SECURE_HSTS_PRELOAD,
    "subdomains": settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "hsts": response.get("Strict-Transport-Security"),
    "csp": response.get("Content-Security-Policy"),
    "csp_report_only": response.get("Content-Security-Policy-Report-Only"),
}))
"""


def probe(tmp_path, **env: str) -> dict:
    environment = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "PLATFORMA_CSP", "DATABASE_URL"))
        },
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-" + "y" * 20,
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "platform.example.org",
        "PLATFORMA_VAR_DIR": str(tmp_path),
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_hsts_preload_and_subdomains_only_when_asked(tmp_path):
    plain = probe(tmp_path, DJANGO_SECURE="1")
    assert (plain["preload"], plain["subdomains"], plain["hsts_seconds"]) == (
        False,
        False,
        31536000,
    )
    assert plain["hsts"] == "max-age=31536000"

    asked = probe(
        tmp_path, DJANGO_SECURE="1", DJANGO_HSTS_PRELOAD="1", DJANGO_HSTS_INCLUDE_SUBDOMAINS="1"
    )
    assert (asked["preload"], asked["subdomains"]) == (True, True)
    assert asked["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_the_report_only_setting_switches_the_header(tmp_path):
    enforced = probe(tmp_path)
    assert "script-src 'self'" in enforced["csp"]
    assert enforced["csp_report_only"] is None

    trial = probe(tmp_path, PLATFORMA_CSP_REPORT_ONLY="1", PLATFORMA_CSP_REPORT_URI="/csp-report")
    assert trial["csp"] is None
    assert "script-src 'self'" in trial["csp_report_only"]
    assert "report-uri /csp-report" in trial["csp_report_only"]
