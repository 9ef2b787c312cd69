"""The public record page: where each audit chain ends, in each language, for anyone."""

import pytest
from django.urls import reverse
from django.utils import translation

from platforma.core import audit
from platforma.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def page(client, lang, slug):
    with translation.override(lang):
        url = reverse("website:transparency", args=[slug])
    response = client.get(url)
    return response, response.content.decode()


def last(**chain):
    return AuditEntry.objects.filter(**chain).order_by("-seq").first()


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_a_platform_shows_its_head_and_the_forums(client, demo_platform, lang):
    response, html = page(client, lang, "azerbaijan")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    mine, forums = last(platform=demo_platform), last(forum=True)
    assert f'<code class="head">{mine.hash}</code>' in html
    assert f"<dd>{mine.seq}</dd>" in html
    assert f"--platform azerbaijan --expect {mine.seq}:{mine.hash}" in html
    assert f'<code class="head">{forums.hash}</code>' in html
    assert reverse("website:transparency", args=["forum"]) in html


def test_the_page_follows_the_chain(client, demo_platform):
    entry = audit.record("test.later", actor_label="test", platform=demo_platform)
    _response, html = page(client, "en", "azerbaijan")
    assert entry.hash in html
    assert f"Head: the hash of entry {entry.seq}" in html


def test_the_forums_page(client, demo_platform):
    response, html = page(client, "en", "forum")
    assert response.status_code == 200
    forums = last(forum=True)
    assert f'<code class="head">{forums.hash}</code>' in html
    assert "verify_audit --forum" in html
    assert last(platform=demo_platform).hash not in html


def test_an_empty_record_says_so(client):
    response, html = page(client, "en", "forum")
    assert response.status_code == 200
    assert "The record has no entry yet." in html


def test_an_unknown_platform_is_not_found(client, demo_platform):
    assert page(client, "en", "atlantis")[0].status_code == 404


def test_the_footer_links_to_it(client, demo_platform):
    response = client.get(reverse("website:platform-home", args=["azerbaijan"]))
    assert reverse("website:transparency", args=["azerbaijan"]) in response.content.decode()
    response = client.get(reverse("website:platform-list"))
    assert reverse("website:transparency", args=["forum"]) in response.content.decode()
