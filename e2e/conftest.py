"""Fixtures shared by the browser tests."""

import pytest


@pytest.fixture
def demo_site(live_server, transactional_db, settings):
    """The live server with the seed's Azerbaijan National Platform loaded (as ``make demo``).

    Links in e-mails point at the live server, so a test can follow them.
    """
    from platforma.demo.loader import load_demo

    settings.PLATFORMA_BASE_URL = live_server.url
    load_demo()
    return live_server
