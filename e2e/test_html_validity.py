"""The W3C HTML checker (the Nu Html Checker, vnu.jar) finds no error in the site's pages.

The pages of e2e/test_accessibility.py (every kind of public page, the Forum's too, and the main
office pages as the secretariat sees them) are rendered in English, Azerbaijani and Russian with
Django's test client, written to a folder, and checked by one run of vnu.jar (it is slow to
start). Each error is reported with its page, line and the checker's words.

vnu.jar comes from the npm package vnu-jar, pinned in package-lock.json, and Java from Debian:
``scripts/system-deps.sh --test`` (run by ``make test``) installs both. Without them the test is
skipped with the reason, except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from e2e.test_accessibility import LANGUAGES, OFFICE_PAGES, PUBLIC_PAGES, addresses, load_site

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get("PLATFORMA_VNU_JAR")
    or django_settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
INSTALL = "bash scripts/system-deps.sh --test (as `make test` does)"


def _checker() -> list[str]:
    """The command that runs vnu.jar; fails in CI, skips elsewhere, when it cannot run."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("java (Debian: default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} (npm package vnu-jar)")
    if missing:
        reason = f"The W3C HTML checker cannot run: no {' and no '.join(missing)}; run {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    assert java is not None
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def _file_name(path: str) -> str:
    return path.strip("/").replace("/", "_").replace("?", "_").replace("=", "_") + ".html"


def test_pages_are_valid_html(client, django_user_model, tmp_path, settings):
    command = _checker()
    settings.PLATFORMA_BASE_URL = "http://testserver"
    secretariat = load_site(django_user_model)
    pages: dict[str, str] = {}  # file name: address

    def render(paths: list[str]) -> None:
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
            assert response["Content-Type"].startswith("text/html"), path
            name = _file_name(path)
            (tmp_path / name).write_bytes(response.content)
            pages[name] = path

    for lang in LANGUAGES:
        render(addresses(client, PUBLIC_PAGES, lang))
    client.force_login(secretariat)  # with a verified second factor (conftest.py)
    for lang in LANGUAGES:
        render(addresses(client, OFFICE_PAGES, lang))
    assert len(pages) == len(LANGUAGES) * (len(PUBLIC_PAGES) + len(OFFICE_PAGES))

    files = sorted(str(tmp_path / name) for name in pages)
    run = subprocess.run(command + files, capture_output=True, text=True, timeout=600)
    # The JSON report goes to stderr; the exit status is 1 when there are errors.
    try:
        report = json.loads(run.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar did not answer in JSON (exit {run.returncode}): {run.stderr[:2000]}")
    errors = []
    for message in report["messages"]:
        page = pages.get(Path(message.get("url", "")).name, message.get("url", "?"))
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())
        errors.append(f"{page} line {line}: {message['message']} [{extract}]")
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert run.returncode == 0, run.stderr[:2000]
