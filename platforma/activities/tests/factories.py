"""Factories for events (rows built directly; tests of services call the services)."""

from __future__ import annotations

import datetime
import re

import factory
from django.utils import timezone

from platforma.activities.models import Event
from platforma.testing.factories import PlatformFactory


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def confirmation_path(message) -> str:
    """The path of the confirmation link in an e-mail (links start with PLATFORMA_BASE_URL)."""
    match = re.search(r"https?://[^/\s]+(/\S*/confirm/[\w-]+/)", message.body)
    assert match, message.body
    return match.group(1)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    platform = factory.SubFactory(PlatformFactory)
    kind = Event.Kind.WORKSHOP
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    description_en = "A workshop."
    city_en = "Baku"
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))
    time_zone = "Asia/Baku"
    registration_enabled = True
    capacity = 2
