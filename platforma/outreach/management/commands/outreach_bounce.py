"""Record hard bounces reported by the mail server: ``outreach_bounce <platform> <address>...``.

Each address is marked bounced on the platform's mailings that wrote to it and gets none of the
platform's mailings any more (docs/mailings.md, "Bounces")."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.core.models import Platform
from platforma.core.personal_data import normalise
from platforma.outreach import services
from platforma.outreach.models import MailingRecipient
from platforma.outreach.services.preferences import address_mark_bounced


class Command(BaseCommand):
    help = "Record hard bounces: the addresses get no more of the platform's mailings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("platform", help="the platform's slug")
        parser.add_argument("addresses", nargs="+")
        parser.add_argument("--error", default="", help="what the mail server answered")

    def handle(self, *args: Any, platform: str, addresses: list[str], **options: Any) -> None:
        found = Platform.objects.filter(slug=platform).first()
        if found is None:
            raise CommandError(f"No platform {platform!r}")
        for address in addresses:
            email = normalise(address)
            recipients = MailingRecipient.objects.filter(
                mailing__platform=found, email=email, status=MailingRecipient.Status.QUEUED
            ).select_related("mailing__platform")
            marked = 0
            for recipient in recipients:
                services.recipient_mark_bounced(
                    actor=None,
                    actor_label="outreach_bounce",
                    recipient=recipient,
                    error=options["error"],
                )
                marked += 1
            if not marked:
                address_mark_bounced(
                    actor=None, actor_label="outreach_bounce", platform=found, email=email
                )
            self.stdout.write(f"{email}: bounced ({marked} message(s) marked)")
