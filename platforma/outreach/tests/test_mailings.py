"""Mailings from the office: who is written to (consent, opt-outs), in which language, with
the unsubscribe link and headers and the publications attached; unsubscribing without login."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from platforma.core.models import AuditEntry
from platforma.outreach import services
from platforma.outreach.models import Mailing, MailingRecipient, MailLanguage, MailPreference
from platforma.outreach.services.audience import resolve
from platforma.publications import services as publication_services
from platforma.publications.models import Distribution, PublicationVersion, Stakeholder

from .conftest import member, registrant, stakeholder

pytestmark = pytest.mark.django_db


def paper(platform):
    publication = publication_services.publication_create(
        actor=None,
        platform=platform,
        kind="brochure",
        title_en="Civic space in 2014",
        published_on=datetime.date(2014, 1, 1),
    )
    PublicationVersion.objects.create(
        publication=publication,
        language="en",
        file=ContentFile(b"%PDF-1.4 english", name="civic-space-en.pdf"),
        size=16,
    )
    PublicationVersion.objects.create(
        publication=publication,
        language="ru",
        file=ContentFile(b"%PDF-1.4 russian", name="civic-space-ru.pdf"),
        size=16,
    )
    return publication


def draft(platform, actor=None, **kwargs):
    values = {
        "name": "News",
        "audience": "stakeholders",
        "language": "en",
        "texts": {
            "en": ("Our news", "Dear friends,\nnews."),
            "ru": ("Новости", "Друзья,\nновости."),
        },
    }
    values.update(kwargs)
    return services.mailing_create(actor=actor, platform=platform, **values)


def url(name, mailing, *args):
    return reverse(f"outreach:{name}", args=[mailing.platform.slug, mailing.pk, *args])


def unsubscribe_path(message):
    match = re.search(
        r"https://platforma\.example\.org(/\S*/mailings/unsubscribe/[\w-]+/)", message.body
    )
    assert match, message.body
    return match.group(1)


def test_stakeholders_only_with_consent_an_address_and_no_opt_out(platform):
    stakeholder(platform, 1)
    stakeholder(platform, 2, consent=False)
    stakeholder(platform, 3, email="")
    stakeholder(platform, 4, email="S1@example.org")  # the same address as 1
    stakeholder(platform, 5, category="university")
    stakeholder(platform, 6)
    MailPreference.objects.create(
        platform=platform, email="s6@example.org", topic="all", source="link"
    )
    resolved = resolve(draft(platform))
    assert sorted(c.email for c in resolved.recipients) == ["s1@example.org", "s5@example.org"]
    assert dict(resolved.excluded) == {
        "no_consent": 1,
        "no_address": 1,
        "duplicate": 1,
        "opted_out": 1,
    }
    only_media = resolve(draft(platform, categories=["media"]))
    assert [c.email for c in only_media.recipients] == ["s1@example.org"]


def test_members_groups_and_registrants(platform, group, event):
    member(platform, email="a@example.org", group=group)
    member(platform, email="b@example.org")
    suspended = member(platform, email="c@example.org")
    suspended.status = "suspended"
    suspended.save()
    registrant(event, email="r1@example.org")
    registrant(event, email="r2@example.org", status="waitlisted")
    registrant(event, email="r3@example.org", status="cancelled")
    # Opting out of members' notices does not stop an event's mail, and conversely.
    MailPreference.objects.create(
        platform=platform, email="b@example.org", topic="members", source="link"
    )

    def emails(**kwargs):
        return sorted(c.email for c in resolve(draft(platform, **kwargs)).recipients)

    assert emails(audience="members") == ["a@example.org"]
    assert emails(audience="working_group", working_group=group) == ["a@example.org"]
    assert emails(audience="event", event=event) == ["r1@example.org", "r2@example.org"]


def test_another_platforms_objects_and_missing_texts_are_refused(platform, group, other_group):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="another platform"):
        draft(platform, audience="working_group", working_group=other_group)
    with pytest.raises(ValidationError, match="main language"):
        draft(platform, language="az")
    with pytest.raises(ValidationError, match="both the subject"):
        draft(platform, texts={"en": ("S", "B"), "az": ("Only a subject", "")})


@pytest.fixture
def other_group(db):
    from platforma.testing.factories import PlatformFactory, WorkingGroupFactory

    return WorkingGroupFactory(platform=PlatformFactory(slug="otherland"))


def test_from_draft_to_sent_through_the_office(office, platform, secretariat):
    publication = paper(platform)
    for i in range(3):
        stakeholder(platform, i)
    stakeholder(platform, 9, consent=False)
    MailLanguage.objects.create(platform=platform, email="s1@example.org", language="ru")
    MailLanguage.objects.create(platform=platform, email="s2@example.org", language="az")

    # "E-mail it to stakeholders" on the publication: a draft form with it attached.
    response = office.get(
        reverse("publications:office-distribution-email", args=[platform.slug, publication.pk])
    )
    assert response.status_code == 302
    form = office.get(response["Location"]).content.decode()
    assert f'value="{publication.pk}" selected' in form

    response = office.post(
        reverse("outreach:office-mailing-create", args=[platform.slug]),
        {
            "name": "The paper",
            "audience": "stakeholders",
            "language": "en",
            "publications": [publication.pk],
            "subject_en": "Our new paper",
            "body_en": "Dear friends,\nplease find our paper attached.",
            "subject_ru": "Наша новая работа",
            "body_ru": "Дорогие друзья,\nприлагаем нашу работу.",
        },
    )
    mailing = Mailing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("office-mailing-detail", mailing)
    page = office.get(url("office-mailing-detail", mailing)).content.decode()
    assert "3 recipients now" in page
    assert "1 did not consent to be contacted" in page

    preview = office.get(url("office-mailing-preview", mailing)).content.decode()
    assert "Our new paper" in preview
    assert "Наша новая работа" in preview
    assert "civic-space-ru.pdf" in preview
    assert "List-Unsubscribe=One-Click" in preview

    office.post(url("office-mailing-test", mailing))
    assert sorted(m.subject for m in mail.outbox) == [
        "[Test] Our new paper",
        "[Test] Наша новая работа",
    ]
    assert {tuple(m.to) for m in mail.outbox} == {("sec@example.org",)}
    mail.outbox.clear()

    confirm = office.get(url("office-mailing-send", mailing)).content.decode()
    assert "sent to 3 recipient(s)" in confirm
    office.post(url("office-mailing-send", mailing))  # the box not ticked: nothing
    assert not mail.outbox
    office.post(url("office-mailing-send", mailing), {"confirm": "on"})

    assert sorted(m.to[0] for m in mail.outbox) == [
        "s0@example.org",
        "s1@example.org",
        "s2@example.org",
    ]
    by_address = {m.to[0]: m for m in mail.outbox}
    russian, azerbaijani = by_address["s1@example.org"], by_address["s2@example.org"]
    assert russian.subject == "Наша новая работа"
    assert [a[0] for a in russian.attachments] == ["civic-space-ru.pdf"]
    assert russian.attachments[0][1] == b"%PDF-1.4 russian"
    # No Azerbaijani text: the main language's, with the main language's file.
    assert azerbaijani.subject == "Our new paper"
    assert [a[0] for a in azerbaijani.attachments] == ["civic-space-en.pdf"]
    for message in mail.outbox:
        link = "https://platforma.example.org" + unsubscribe_path(message)
        assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        raw = message.message().as_string()
        assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
        assert message.reply_to == ["office@testland.example.org"]

    mailing.refresh_from_db()
    assert mailing.status == "sent"
    page = office.get(url("office-mailing-detail", mailing)).content.decode()
    assert 'value="100"' in page
    assert "http-equiv" not in page
    # The publication's e-mail distribution: what was sent, to which stakeholders.
    distribution = Distribution.objects.get(publication=publication)
    assert (distribution.channel, distribution.mode, distribution.total) == (
        "email",
        "individual",
        3,
    )
    assert distribution.recipients.count() == 3
    assert list(mailing.distributions.all()) == [distribution]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "outreach.mailing.created",
        "outreach.mailing.tested",
        "outreach.mailing.sent",
        "outreach.mailing.finished",
        "publications.distribution.emailed",
    } <= actions


def test_an_unsubscribed_address_never_receives_the_next_mailing(platform):
    for i in range(3):
        stakeholder(platform, i)
    first = draft(platform)
    services.mailing_send(actor=None, mailing=first)
    messages = {m.to[0]: m for m in mail.outbox}
    anonymous = Client(enforce_csrf_checks=True)

    # The page: a GET (a mail scanner following the link) unsubscribes nobody.
    path0 = unsubscribe_path(messages["s0@example.org"])
    page = anonymous.get(path0)
    assert page.status_code == 200
    assert b"Unsubscribe" in page.content
    assert not MailPreference.objects.exists()
    response = anonymous.post(path0, {"scope": "topic"})
    assert response.status_code == 200
    assert b"gets no more of this kind" in response.content

    # One-click from the mail program (RFC 8058): no cookie, no CSRF token.
    path1 = unsubscribe_path(messages["s1@example.org"])
    response = anonymous.post(path1, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert set(MailPreference.objects.values_list("email", "topic", "source")) == {
        ("s0@example.org", "stakeholders", "link"),
        ("s1@example.org", "stakeholders", "one_click"),
    }
    # The stakeholder's own record shows the withdrawal too (where the stakeholders' office
    # keeps consent with its source).
    assert not Stakeholder.objects.get(email="s0@example.org").consent_to_contact

    mail.outbox.clear()
    second = draft(platform)
    services.mailing_send(actor=None, mailing=second)
    assert [m.to[0] for m in mail.outbox] == ["s2@example.org"]
    assert anonymous.get(path0.replace("testland", "otherland")).status_code == 404
    assert anonymous.get(path0.replace(path0.split("/")[-2], "x" * 32)).status_code == 404


def test_unsubscribing_in_the_middle_of_a_mailing_skips_the_address(
    platform, settings, db_task_queue
):
    from platforma.core.models import OutgoingMail
    from platforma.outreach.services import sending
    from platforma.outreach.services.preferences import record_preference

    settings.PLATFORMA_MAILING_BATCH = 2
    for i in range(4):
        stakeholder(platform, i)
    mailing = draft(platform)
    # The snapshot is taken (the batches wait for a worker); then s3 unsubscribes from
    # everything before its batch is written.
    services.mailing_send(actor=None, mailing=mailing)
    assert sending.send_batch(mailing.pk) == (2, True)
    record_preference(platform=platform, email="S3@example.org", topic="all", source="link")
    assert sending.send_batch(mailing.pk) == (1, False)
    written = OutgoingMail.objects.filter(purpose=f"mailing {mailing.pk}")
    assert sorted(m.to[0] for m in written) == [f"s{i}@example.org" for i in range(3)]
    assert MailingRecipient.objects.get(email="s3@example.org").status == "skipped"
    assert not sending.finish(mailing.pk)  # three messages still in the outbox


def test_a_bounce_stops_further_mail_to_the_address(office, platform):
    stakeholder(platform, 0)
    stakeholder(platform, 1)
    mailing = draft(platform)
    services.mailing_send(actor=None, mailing=mailing)
    recipient = MailingRecipient.objects.get(email="s0@example.org")
    bounce = reverse("outreach:office-recipient-bounce", args=[platform.slug, recipient.pk])
    assert office.get(bounce).status_code == 200
    office.post(bounce, {"error": "550 5.1.1 user unknown"})
    recipient.refresh_from_db()
    assert (recipient.status, recipient.error) == ("bounced", "550 5.1.1 user unknown")
    assert [c.email for c in resolve(draft(platform)).recipients] == ["s1@example.org"]
    page = office.get(url("office-mailing-detail", mailing)).content.decode()
    assert "Bounced" in page


def test_coordinators_write_only_to_their_groups(client, platform, group, django_user_model):
    from django.core.exceptions import PermissionDenied

    from platforma.testing.factories import WorkingGroupFactory, coordinator_of

    user = django_user_model.objects.create_user("coord", "coord@example.org", "pw-12345678")
    coordinator_of(group, user)
    other_group = WorkingGroupFactory(platform=platform)
    member(platform, email="a@example.org", group=group)
    member(platform, email="b@example.org", group=other_group)
    stakeholder(platform, 1)
    theirs = draft(platform)  # the secretariat's, to stakeholders
    with pytest.raises(PermissionDenied):
        draft(platform, actor=user)
    with pytest.raises(PermissionDenied):
        draft(platform, actor=user, audience="working_group", working_group=other_group)
    with pytest.raises(PermissionDenied):
        services.mailing_send(actor=user, mailing=theirs)

    client.force_login(user)
    create = reverse("outreach:office-mailing-create", args=[platform.slug])
    form = client.get(create).content.decode()
    assert 'value="working_group"' in form
    assert 'value="stakeholders"' not in form
    assert f'<option value="{other_group.pk}"' not in form
    response = client.post(
        create,
        {
            "name": "Workshop",
            "audience": "working_group",
            "working_group": group.pk,
            "language": "en",
            "subject_en": "Our workshop",
            "body_en": "Come.",
        },
    )
    mine = Mailing.objects.get(name="Workshop")
    assert response.status_code == 302
    assert mine.created_by == user
    assert client.get(url("office-mailing-detail", theirs)).status_code == 404
    listing = client.get(reverse("outreach:office-mailing-list", args=[platform.slug]))
    assert "Workshop" in listing.content.decode()
    assert "News" not in listing.content.decode()
    client.post(url("office-mailing-send", mine), {"confirm": "on"})
    assert [m.to[0] for m in mail.outbox] == ["a@example.org"]


@pytest.mark.parametrize("n", [3, 30])
def test_the_pages_queries_do_not_grow_with_the_recipients(
    office, platform, n, django_assert_max_num_queries
):
    for i in range(n):
        stakeholder(platform, i)
    for _ in range(3):
        services.mailing_send(actor=None, mailing=draft(platform))
    mailing = Mailing.objects.first()
    with django_assert_max_num_queries(20):
        page = office.get(url("office-mailing-detail", mailing))
    assert page.content.decode().count("@example.org</td>") == n
    with django_assert_max_num_queries(15):
        listing = office.get(reverse("outreach:office-mailing-list", args=[platform.slug]))
    assert listing.content.decode().count(">News</a>") == 3


def test_the_bounce_command_marks_messages_and_addresses(platform):
    from django.core.management import call_command

    stakeholder(platform, 0)
    stakeholder(platform, 1)
    services.mailing_send(actor=None, mailing=draft(platform))
    call_command(
        "outreach_bounce", "testland", "S0@example.org", "never@example.org", "--error", "550"
    )
    assert MailingRecipient.objects.get(email="s0@example.org").status == "bounced"
    assert set(MailPreference.objects.values_list("email", "topic", "source", "subscribed")) == {
        ("s0@example.org", "all", "bounce", False),
        ("never@example.org", "all", "bounce", False),
    }
    assert [c.email for c in resolve(draft(platform)).recipients] == ["s1@example.org"]
