"""Two tabs on an election's settings: the second save does not silently undo the first."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from platforma.core.models import AuditEntry, PlatformRole
from platforma.testing.stale import assert_refused, edit_form, two_tabs

from .factories import make_election

pytestmark = pytest.mark.django_db


def test_an_elections_second_tab_is_refused_then_saved_deliberately(
    client, world, django_user_model
):
    opens = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=60)
    election = make_election(
        world,
        office=False,
        voting_opens_at=opens,
        voting_closes_at=opens + datetime.timedelta(hours=6),
    )
    url = reverse("elections:office-election-edit", args=[world.platform.slug, election.pk])
    client.force_login(world.secretariat)
    first, second = two_tabs(client, url)

    colleague = django_user_model.objects.create_user("office-2", password="pw-office-22345")
    PlatformRole.objects.create(user=colleague, platform=world.platform, role="secretariat")
    other = Client()
    other.force_login(colleague)
    assert other.post(url, {**first, "title_en": "Election of the auditors"}).status_code == 302

    entries = AuditEntry.objects.count()
    refused = client.post(url, {**second, "seats": "2"})
    assert refused.status_code == 400
    assert_refused(
        refused,
        who="office-2",
        typed="Election of the platform coordinator",
        saved="Election of the auditors",
    )
    election.refresh_from_db()
    assert (election.title_en, election.seats) == ("Election of the auditors", 1)
    assert AuditEntry.objects.count() == entries

    again = edit_form(refused)
    assert again["seats"] == "2"
    assert client.post(url, again).status_code == 302
    election.refresh_from_db()
    assert (election.title_en, election.seats) == ("Election of the platform coordinator", 2)
