"""The public registration form against a script: nothing is held until an address is
confirmed by its link, limits per client and per address, a honeypot, and one organisation
under many spellings. Everything through the public pages (Django's test client)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from platforma.activities.models import Registration
from platforma.core.models import AuditEntry
from platforma.testing.factories import MembershipFactory, OrganisationFactory

from .factories import EventFactory, confirmation_path

pytestmark = pytest.mark.django_db
R = Registration.Status


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST to the event's form from a client address, mail sent as the commit happens."""

    def send(event, data, ip="198.51.100.1", **extra):
        url = reverse("activities:event-register", args=[event.platform.slug, event.pk])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, REMOTE_ADDR=ip, **extra)

    return send


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def press(path):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path)

    return press


def person(n, **extra):
    return {"name": f"Bot {n}", "email": f"bot{n}@example.org", **extra}


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def seats_held(event):
    return Registration.objects.filter(event=event, status__in=[R.CONFIRMED, R.WAITLISTED])


def test_the_reported_flood_from_one_client_holds_nothing_and_stops_at_the_limit(
    platform, post, client
):
    """The issue: 25 POSTs in a few seconds took 20 seats and 8 waitlist places, 25 e-mails."""
    event = EventFactory(platform=platform, capacity=20)
    answers = [post(event, person(n)) for n in range(25)]
    statuses = [a.status_code for a in answers]
    assert statuses == [302] * 10 + [429] * 15
    refused = answers[-1].content.decode()
    assert "Too many registrations from your connection" in refused
    assert Registration.objects.filter(event=event).count() == 10
    assert set(Registration.objects.values_list("status", flat=True)) == {R.PENDING}
    assert not seats_held(event).exists()
    confirmation_mails = [m for m in mail.outbox if "Please confirm" in m.subject]
    assert len(mail.outbox) == len(confirmation_mails) == 10
    # The public page still shows every seat free.
    page = reverse("activities:event-detail", args=[platform.slug, event.pk])
    assert "20 seats free" in client.get(page).content.decode()


def test_a_flood_from_many_clients_holds_no_seat_until_addresses_confirm(
    platform, post, confirm, client
):
    event = EventFactory(platform=platform, capacity=20)
    for n in range(25):
        assert post(event, person(n), ip=f"203.0.113.{n}").status_code == 302
    assert Registration.objects.filter(event=event, status=R.PENDING).count() == 25
    assert not seats_held(event).exists()
    page = client.get(reverse("activities:event-detail", args=[platform.slug, event.pk]))
    assert "20 seats free" in page.content.decode()
    assert len(mail.outbox) == 25  # one each, to the address typed, and no more

    # Seats go to those who confirm, in the order they confirm (not of request): the 23rd to
    # ask confirms first; 21 confirm for 20 seats.
    links = {n: confirmation_path(mails_to(f"bot{n}@example.org")[0]) for n in range(25)}
    for n in [22, *range(20)]:
        assert confirm(links[n]).status_code == 302
    statuses = {r.email: r.status for r in Registration.objects.filter(event=event)}
    assert statuses["bot22@example.org"] == R.CONFIRMED
    assert statuses["bot18@example.org"] == R.CONFIRMED
    assert statuses["bot19@example.org"] == R.WAITLISTED  # the 21st to confirm
    assert seats_held(event).filter(status=R.CONFIRMED).count() == 20
    assert Registration.objects.filter(event=event, status=R.PENDING).count() == 4


def test_one_address_many_clients_at_most_three_awaiting_and_one_mail_per_few_minutes(
    platform, post
):
    events = [EventFactory(platform=platform, capacity=20) for _ in range(5)]
    victim = {"name": "Victim", "email": "Victim@Example.org"}
    answers = [post(e, victim, ip=f"203.0.113.{i}") for i, e in enumerate(events)]
    assert [a.status_code for a in answers] == [302, 302, 302, 429, 429]
    assert "already has 3 registrations awaiting confirmation" in answers[3].content.decode()
    assert Registration.objects.filter(email="victim@example.org").count() == 3
    assert len(mails_to("victim@example.org")) == 3

    # The same address again and again for the same event, from 20 clients: one request, and
    # no more e-mail within the re-send interval.
    for i in range(20):
        assert post(events[0], victim, ip=f"192.0.2.{i}").status_code == 302
    assert Registration.objects.filter(email="victim@example.org").count() == 3
    assert len(mails_to("victim@example.org")) == 3


def test_the_link_is_sent_again_after_the_interval_and_only_the_newest_works(
    platform, post, confirm, client
):
    event = EventFactory(platform=platform)
    post(event, person(1))
    first = confirmation_path(mails_to("bot1@example.org")[0])
    post(event, person(1))
    assert len(mails_to("bot1@example.org")) == 1
    cache.clear()  # the re-send interval has passed
    post(event, person(1), ip="198.51.100.2")
    second = confirmation_path(mails_to("bot1@example.org")[1])
    assert first != second
    assert client.get(first).status_code == 404
    assert "used already, a newer one was sent" in client.get(first).content.decode()
    assert confirm(second).status_code == 302
    assert Registration.objects.get(email="bot1@example.org").status == R.CONFIRMED
    assert AuditEntry.objects.filter(action="activities.registration.confirmation_resent").exists()


def test_the_link_shows_a_button_and_only_post_confirms_once(platform, post, confirm, client):
    event = EventFactory(platform=platform, capacity=5)
    post(event, person(1, organisation_name="Civic Hub", consent_public="on"))
    link = confirmation_path(mails_to("bot1@example.org")[0])
    page = client.get(link)  # what a mail scanner does
    assert page.status_code == 200
    assert "Confirm my registration" in page.content.decode()
    registration = Registration.objects.get(email="bot1@example.org")
    assert registration.status == R.PENDING
    mail.outbox.clear()

    answer = confirm(link)
    registration.refresh_from_db()
    assert registration.status == R.CONFIRMED
    assert registration.address_confirmed_at is not None
    assert registration.confirmation_hash == ""
    assert answer["Location"].endswith(f"/registration/{registration.token}/")
    (told,) = mails_to("bot1@example.org")
    assert "is confirmed" in told.subject
    assert registration.token in told.body
    # Single use.
    again = confirm(link)
    assert again.status_code == 404
    assert Registration.objects.filter(event=event, status=R.CONFIRMED).count() == 1
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "activities.registration.requested" in actions
    assert "activities.registration.confirmed" in actions


def test_an_expired_request_frees_nothing_cannot_be_confirmed_and_may_register_again(
    platform, post, confirm, client
):
    event = EventFactory(platform=platform, capacity=1)
    post(event, person(1))
    link = confirmation_path(mails_to("bot1@example.org")[0])
    Registration.objects.filter(email="bot1@example.org").update(
        confirmation_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    refused = confirm(link)
    assert refused.status_code == 404
    assert "has expired" in refused.content.decode()
    assert not seats_held(event).exists()
    # Expired requests do not count against the address's limit either.
    assert post(event, person(1), ip="198.51.100.9").status_code == 302
    old, new = Registration.objects.filter(email="bot1@example.org").order_by("pk")
    assert (old.status, new.status) == (R.EXPIRED, R.PENDING)
    assert AuditEntry.objects.filter(
        action="activities.registration.expired", target_id=str(old.pk)
    ).exists()
    new_link = confirmation_path(mails_to("bot1@example.org")[-1])
    assert confirm(new_link).status_code == 302
    new.refresh_from_db()
    assert new.status == R.CONFIRMED


def test_the_expiry_command_marks_lapsed_requests(platform, post):
    event = EventFactory(platform=platform)
    post(event, person(1))
    post(event, person(2))
    Registration.objects.filter(email="bot1@example.org").update(
        confirmation_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("activities_expire_registrations")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"bot1@example.org": R.EXPIRED, "bot2@example.org": R.PENDING}
    assert AuditEntry.objects.filter(action="activities.registration.expired").count() == 1


def test_the_honeypot_answers_like_a_success_and_writes_nothing(platform, post, client):
    event = EventFactory(platform=platform)
    form = client.get(reverse("activities:event-detail", args=[platform.slug, event.pk]))
    html = form.content.decode()
    assert 'class="field hp-field" aria-hidden="true"' in html
    assert 'name="fax" id="id_fax" tabindex="-1"' in html
    assert "Please leave this field empty" in html
    assert "style=" not in html.split('id="register-h"')[1]
    answer = post(event, person(1, fax="+994 12 000 00 00"))
    human = post(event, person(2), ip="198.51.100.7")
    assert answer.status_code == human.status_code == 302
    assert answer["Location"] == human["Location"]
    assert list(Registration.objects.values_list("email", flat=True)) == ["bot2@example.org"]
    assert not mails_to("bot1@example.org")


def test_the_stylesheet_hides_the_honeypot(client):
    from django.contrib.staticfiles import finders

    with open(finders.find("activities/activities.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert ".hp-field {" in css
    assert "left: -10000px" in css


def test_renamed_variants_of_one_organisation_share_its_seats(platform, post, confirm):
    member = MembershipFactory(
        platform=platform,
        organisation=OrganisationFactory(
            legal_name_en="Green Ganja Public Union",
            short_name_en="Green Ganja",
            legal_name_ru="Грин Ганджа",
            acronym="GGPU",
        ),
    ).organisation
    event = EventFactory(platform=platform, capacity=20, seats_per_organisation=2)
    variants = [
        {"organisation": member.pk},
        {"organisation_name": "«GREEN-GANJA» NGO"},
        {"organisation_name": "green  ganja ictimai birliyi"},
        {"organisation_name": "Грин Ганджа"},
        {"organisation_name": "G.G.P.U."},
        {"organisation_name": "'Green Ganja'"},
    ]
    answers = [post(event, person(n, **v), ip=f"203.0.113.{n}") for n, v in enumerate(variants)]
    # Two requests awaiting confirmation already fill the organisation's seats.
    assert [a.status_code for a in answers] == [302, 302, 400, 400, 400, 400]
    assert "already has all the seats it may take (2)" in answers[2].content.decode()
    assert Registration.objects.filter(event=event).count() == 2
    # Another organisation is not affected.
    assert post(event, person(9, organisation_name="Ganja Greens")).status_code == 302


def test_a_free_text_organisation_under_other_spellings_is_one_organisation(platform, post):
    event = EventFactory(platform=platform, capacity=20, seats_per_organisation=1)
    assert post(event, person(1, organisation_name="Şəki İB"), ip="203.0.113.1").status_code == 302
    refused = post(event, person(2, organisation_name="Шеки"), ip="203.0.113.2")
    assert refused.status_code == 400
    assert Registration.objects.filter(event=event).count() == 1


def test_a_logged_in_person_with_their_own_address_needs_no_link(
    platform, post, client, django_user_model
):
    user = django_user_model.objects.create_user("rep", "rep@example.org", "pw-rep-123456")
    client.force_login(user)
    event = EventFactory(platform=platform)
    answer = post(event, {"name": "Rep", "email": "REP@example.org"})
    registration = Registration.objects.get(email="rep@example.org")
    assert registration.status == R.CONFIRMED
    assert answer["Location"].endswith(f"/registration/{registration.token}/")
    assert [m.subject for m in mails_to("rep@example.org")] == [
        f"Your place at “{event.title}” is confirmed"
    ]
    # Another address typed by the same person still needs its link.
    post(event, {"name": "Colleague", "email": "colleague@example.org"})
    assert Registration.objects.get(email="colleague@example.org").status == R.PENDING


def test_cancelling_the_event_does_not_write_to_unconfirmed_addresses(
    platform, post, confirm, secretariat
):
    from platforma.activities import services

    event = EventFactory(platform=platform)
    post(event, person(1))
    post(event, person(2), ip="198.51.100.3")
    confirm(confirmation_path(mails_to("bot1@example.org")[0]))
    mail.outbox.clear()
    services.event_cancel(actor=secretariat, event=event, reason="The venue is closed.")
    assert mails_to("bot1@example.org")
    assert not mails_to("bot2@example.org")
    assert set(Registration.objects.values_list("status", flat=True)) == {R.CANCELLED}


def test_the_limits_are_settings(platform, post, settings):
    settings.PLATFORMA_REGISTRATION_PER_CLIENT_HOUR = 2
    settings.PLATFORMA_REGISTRATION_PENDING_PER_ADDRESS = 1
    event, other = EventFactory(platform=platform), EventFactory(platform=platform)
    assert [post(event, person(n)).status_code for n in range(3)] == [302, 302, 429]
    assert post(other, person(0), ip="192.0.2.50").status_code == 429  # one awaiting already
    assert Registration.objects.count() == 2
