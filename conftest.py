"""Fixtures shared by every test package."""

import os

import pytest

# Playwright's sync API runs an event loop in the test's thread, so Django refuses ORM calls
# made there (SynchronousOnlyOperation) unless this is set; the browser tests' fixtures and
# assertions read the database from that thread. Django's "Async safety":
# https://docs.djangoproject.com/en/5.2/topics/async/#async-safety
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English: a request activates its language in the test's thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages (core.pagecache) live in the process; no test sees another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads made by a test go to its own folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(monkeypatch):
    """``client.force_login(user)`` logs in as if the user had also typed their code.

    Back-office pages require a second factor (platforma/accounts/middleware.py); the tests that
    log a secretariat straight in with ``force_login`` are about those pages, not the login, so
    force_login also gives the user a confirmed authenticator (platforma.testing.second_factor)
    and marks the session verified by it, with the session clocks started now. Tests of the login
    itself go through the login page and type the code (``totp_code``).
    """
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        from platforma.testing.second_factor import verify_session

        original(self, user, backend)
        verify_session(self.session, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def demo_platform(db):
    """The seed's Azerbaijan National Platform, loaded through the services."""
    from platforma.demo.loader import load_demo

    return load_demo()


@pytest.fixture
def forum_secretariat(django_user_model):
    return django_user_model.objects.create_superuser("forum", "forum@example.org", "pw-forum-1")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium: Playwright cannot download a browser on these machines."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("PLATFORMA_CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
