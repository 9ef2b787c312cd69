"""The event page is rendered once for anonymous visitors and stays true to the records."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from platforma.activities import services
from platforma.activities.models import Registration
from platforma.core.pagecache import CSRF_SLOT

pytestmark = pytest.mark.django_db


def page_url(event, language="en"):
    with translation.override(language):
        return reverse("activities:event-detail", args=[event.platform.slug, event.pk])


def form_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match is not None, "the page has no CSRF token"
    return match.group(1)


def test_second_anonymous_visit_is_served_from_the_cache_with_its_own_token(
    event, django_assert_max_num_queries
):
    first_visitor, second_visitor = (
        Client(enforce_csrf_checks=True),
        Client(enforce_csrf_checks=True),
    )
    first = first_visitor.get(page_url(event)).content.decode()
    with django_assert_max_num_queries(1):  # what the page depends on, platform and event
        response = second_visitor.get(page_url(event))
    second = response.content.decode()
    assert response.status_code == 200
    assert CSRF_SLOT not in second
    assert event.title in second
    # Each visitor gets a token of their own, set with its cookie, and it works.
    assert form_token(first) != form_token(second)
    assert "csrftoken" in response.cookies
    register = reverse("activities:event-register", args=[event.platform.slug, event.pk])
    posted = second_visitor.post(
        register,
        {"name": "Aysel", "email": "aysel@example.org", "csrfmiddlewaretoken": form_token(second)},
    )
    assert posted.status_code == 302
    assert Registration.objects.filter(email="aysel@example.org").exists()


def test_a_registration_shows_on_the_next_visit(client, event):
    event.capacity = 5
    event.save()
    assert "5 seats free" in client.get(page_url(event)).content.decode()
    services.registration_create(
        actor=None, event=event, name="Rauf", email="rauf@example.org", consent_public=True
    )
    html = client.get(page_url(event)).content.decode()
    assert "4 seats free" in html
    assert "Rauf" in html  # listed: he consented


def test_a_cancellation_and_a_consent_change_show_too(client, event):
    registration = services.registration_create(
        actor=None, event=event, name="Rauf", email="rauf@example.org", consent_public=True
    )
    assert "Rauf" in client.get(page_url(event)).content.decode()
    services.registration_set_consent(actor=None, registration=registration, consent_public=False)
    assert "Rauf" not in client.get(page_url(event)).content.decode()
    services.registration_cancel(actor=None, registration=registration)
    assert "2 seats free" in client.get(page_url(event)).content.decode()


def test_languages_are_cached_apart(client, event):
    english = client.get(page_url(event, "en")).content.decode()
    russian = client.get(page_url(event, "ru")).content.decode()
    with translation.override("ru"):
        register = translation.gettext("Register")
    assert 'lang="ru"' in russian
    assert register in russian
    assert 'lang="en"' in english
    assert "Register" in english


def test_logged_in_visitors_and_flash_messages_are_never_served_the_shared_page(
    client, event, secretariat
):
    client.get(page_url(event))  # fills the cache for anonymous visitors
    client.force_login(secretariat)
    html = client.get(page_url(event)).content.decode()
    assert "Check-in list" in html  # the organiser's own page
    assert "Log out" in html


def test_unpublished_events_stay_hidden_from_the_cache_path(client, event):
    event.is_public = False
    event.save()
    assert client.get(page_url(event)).status_code == 404


def test_a_registration_cancelled_in_the_office_leaves_the_page_at_once(client, event, secretariat):
    registration = services.registration_create(
        actor=None, event=event, name="Rauf", email="rauf@example.org", consent_public=True
    )
    assert "Rauf" in client.get(page_url(event)).content.decode()
    office = Client()
    office.force_login(secretariat)
    cancel = reverse(
        "activities:office-registration-cancel",
        args=[event.platform.slug, event.pk, registration.pk],
    )
    assert office.post(cancel, {"confirm": "on"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert "Rauf" not in client.get(page_url(event)).content.decode()
