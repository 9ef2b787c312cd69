"""Shared by the office tests: addresses, a logged-in office, the audit entries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from platforma.core.models import AuditEntry


def office_url(name, platform, *args):
    return reverse(f"activities:{name}", args=[platform.slug, *args])


def event_url(name, event, *args):
    return reverse(f"activities:{name}", args=[event.platform.slug, event.pk, *args])


def actions(prefix="activities.") -> list[str]:
    return list(
        AuditEntry.objects.filter(action__startswith=prefix)
        .order_by("id")
        .values_list("action", flat=True)
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def office(secretariat) -> Client:
    client = Client()
    client.force_login(secretariat)
    return client
