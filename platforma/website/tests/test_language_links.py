"""The language switcher links to the same page in each language, under a script prefix too."""

import pytest
from django.test import RequestFactory
from django.urls import clear_script_prefix, resolve, set_script_prefix

from platforma.website.context_processors import languages

pytestmark = pytest.mark.django_db


def links_for(path: str, *, prefix: str = "", resolved: bool = True) -> dict[str, str]:
    request = RequestFactory().get(prefix + path, SCRIPT_NAME=prefix)
    request.path_info = path
    request.resolver_match = resolve(path) if resolved else None
    if prefix:
        set_script_prefix(prefix + "/")
    try:
        return {link["code"]: link["url"] for link in languages(request)["language_links"]}
    finally:
        clear_script_prefix()


def test_each_language_links_to_the_same_page(demo_platform):
    links = links_for("/en/azerbaijan/activities/")
    assert links == {
        "en": "/en/azerbaijan/activities/",
        "az": "/az/azerbaijan/activities/",
        "ru": "/ru/azerbaijan/activities/",
    }


def test_under_a_script_prefix_the_links_keep_it_and_switch_language(demo_platform):
    links = links_for("/en/azerbaijan/activities/", prefix="/sub")
    assert links["ru"] == "/sub/ru/azerbaijan/activities/"
    assert links["en"] == "/sub/en/azerbaijan/activities/"


def test_an_address_that_resolves_to_nothing_links_to_itself_and_is_not_kept():
    from platforma.website.context_processors import _translated_path

    before = _translated_path.cache_info().currsize
    links = links_for("/en/no/such/page/here/at/all/", resolved=False)
    assert set(links.values()) == {"/en/no/such/page/here/at/all/"}
    assert _translated_path.cache_info().currsize == before
