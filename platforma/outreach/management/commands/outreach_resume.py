"""Carry on the mailings left "being sent" whose task was lost (a worker restarted): run from
cron every few minutes, or by hand. Harmless when their next batch is already waiting."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from platforma.outreach import services
from platforma.outreach.models import Mailing


class Command(BaseCommand):
    help = "Enqueue the next batch of every mailing being sent (after a worker restart)."

    def handle(self, *args: Any, **options: Any) -> None:
        resumed = 0
        for mailing in Mailing.objects.filter(status=Mailing.Status.SENDING):
            if services.mailing_resume(actor=None, mailing=mailing):
                resumed += 1
        self.stdout.write(f"{resumed} mailing(s) resumed")
