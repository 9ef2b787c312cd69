"""Content falls back to the platform's main language, then to any filled one, and says so.

modeltranslation reads ``MODELTRANSLATION_FALLBACK_LANGUAGES`` (core.fallbacks.PlatformFallbacks)
at each lookup: the first tests fail if a new modeltranslation stops doing so.
"""

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from platforma.core import content
from platforma.core.fallbacks import PlatformFallbacks, platform_fallback
from platforma.core.models import Platform
from platforma.core.services import platform_update
from platforma.testing.factories import BodyFactory, PlatformFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def test_modeltranslation_reads_the_platform_fallbacks():
    from modeltranslation import settings as mt_settings
    from modeltranslation.utils import resolution_order

    assert isinstance(settings.MODELTRANSLATION_FALLBACK_LANGUAGES, PlatformFallbacks)
    assert mt_settings.FALLBACK_LANGUAGES is settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    assert resolution_order("az") == ("az", "en", "ru")
    with platform_fallback(Platform(slug="x", main_language="ru")):
        assert resolution_order("az") == ("az", "ru", "en")
    assert resolution_order("az") == ("az", "en", "ru")


def test_an_empty_translation_falls_back_to_the_main_language_then_to_any():
    platform = PlatformFactory(slug="testland", main_language="ru")
    group = WorkingGroupFactory(
        platform=platform, description_en="In English", description_ru="По-русски"
    )
    with translation.override("az"), platform_fallback(platform):
        assert group.description == "По-русски"
        assert content.shown_language(group, "description") == "ru"
    only_az = WorkingGroupFactory(platform=platform, name_en="", name_az="Yalnız", description="")
    with translation.override("en"):
        assert only_az.name == "Yalnız"  # no English, no Russian: any language filled
        assert content.shown_language(only_az, "name") == "az"
    with translation.override("ru"), platform_fallback(platform):
        assert group.description == "По-русски"
        assert content.shown_language(group, "description") is None  # the page's own language


def test_a_platform_page_shows_the_fallback_with_its_language_and_a_note(client):
    platform = PlatformFactory(slug="testland", main_language="ru")
    group = WorkingGroupFactory(
        platform=platform, slug="wg1", description_en="In English", description_ru="По-русски"
    )
    url = reverse("website:workinggroup-detail", args=[platform.slug, group.slug])
    with translation.override("az"):
        page = client.get(reverse("website:workinggroup-detail", args=["testland", "wg1"]))
    html = page.content.decode()
    assert page.status_code == 200, url
    assert '<p class="lead" lang="ru">По-русски</p>' in html
    assert 'class="note translation-note"' in html
    assert "In English" not in html

    # The secretariat changes the main language (through the service): the page follows at once.
    platform_update(actor=None, platform=Platform.objects.get(pk=platform.pk), main_language="en")
    with translation.override("az"):
        html = client.get(reverse("website:workinggroup-detail", args=["testland", "wg1"])).content
    assert b'<p class="lead" lang="en">In English</p>' in html

    # In the text's own language: no note, no lang attribute.
    with translation.override("ru"):
        html = client.get(reverse("website:workinggroup-detail", args=["testland", "wg1"])).content
    assert '<p class="lead">По-русски</p>'.encode() in html
    assert b"translation-note" not in html


def test_the_note_names_both_languages():
    with translation.override("en"):
        assert content.fallback_note("ru") == "Not yet translated into English; shown in Russian."


def test_a_bad_main_language_is_refused():
    from django.core.exceptions import ValidationError

    platform = PlatformFactory(slug="testland")
    with pytest.raises(ValidationError):
        platform_update(actor=None, platform=platform, main_language="xx")
    assert Platform.objects.get(pk=platform.pk).main_language == "en"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Azerbaijani, English, Tbilisi"),
        ("az", "Azərbaycan dili, İngilis dili, Tbilisi"),
        ("ru", "Азербайджанский, Английский, Tbilisi"),
    ],
)
def test_language_codes_read_as_names(lang, expected):
    template = Template("{% load content_language %}{{ codes|language_names }}")
    with translation.override(lang):
        assert template.render(Context({"codes": "az, en, Tbilisi"})) == expected


def test_who_decided_reads_in_the_pages_language():
    platform = PlatformFactory(slug="testland")
    BodyFactory(
        platform=platform,
        kind="board",
        name_en="Board of Governance",
        name_az="İdarə Heyəti",
        name_ru="Правление",
    )
    template = Template("{% load content_language %}{% decider written %}")
    with translation.override("ru"):
        assert template.render(Context({"written": "İdarə Heyəti", "platform": platform})) == (
            "Правление"
        )
        secretariat = template.render(Context({"written": "Secretariat", "platform": platform}))
        assert secretariat == translation.gettext("Secretariat") != "Secretariat"
        assert template.render(Context({"written": "Ad hoc panel", "platform": platform})) == (
            "Ad hoc panel"
        )


def test_an_events_languages_read_as_names_on_its_page(client, demo_platform):
    from platforma.activities.models import Event

    event = Event.objects.filter(platform=demo_platform, is_public=True).first()
    Event.objects.filter(pk=event.pk).update(languages="az, en")
    with translation.override("ru"):
        url = reverse("activities:event-detail", args=[demo_platform.slug, event.pk])
    html = client.get(url).content.decode()
    assert "<dd>Азербайджанский, Английский</dd>" in html
    assert "az, en" not in html


def test_a_fallback_name_inside_a_sentence_is_marked_and_escaped():
    platform = PlatformFactory(slug="testland")
    group = WorkingGroupFactory(platform=platform, name_en="<b>Youth</b> & co", name_ru="")
    template = Template(
        '{% load content_language i18n %}{% lang_span group "name" as name %}'
        "{% blocktranslate with title=name %}Edit {{ title }}{% endblocktranslate %}"
    )
    with translation.override("ru"):
        html = template.render(Context({"group": group}))
    assert '<span lang="en">&lt;b&gt;Youth&lt;/b&gt; &amp; co</span>' in html
    with translation.override("en"):
        html = template.render(Context({"group": group}))
    assert html == "Edit &lt;b&gt;Youth&lt;/b&gt; &amp; co"


def test_office_forms_name_each_language_instead_of_its_code(client, demo_platform):
    from django.contrib.auth import get_user_model

    from platforma.activities.models import Event
    from platforma.core.services import platform_role_grant

    user = get_user_model().objects.create_user("sec", password="pw-1234567")
    platform_role_grant(actor=None, user=user, platform=demo_platform, role="secretariat")
    client.force_login(user)
    event = Event.objects.filter(platform=demo_platform).first()
    with translation.override("ru"):
        url = reverse("activities:office-event-edit", args=[demo_platform.slug, event.pk])
    html = client.get(url).content.decode()
    assert "(Английский)</label>" in html
    assert "[en]" not in html
