"""``manage.py privacy_retention``: pseudonymise the registrations of events that ended more than
``PLATFORMA_REGISTRATION_RETENTION_DAYS`` ago (run it daily from cron; running it again does
nothing more). Prints how many per platform."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from platforma.privacy.services import registrations_retention, retention_cutoff


class Command(BaseCommand):
    help = "Pseudonymise the registrations of events older than the retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = retention_cutoff()
        done = registrations_retention(actor=None)
        for slug, count in done.items():
            self.stdout.write(f"{slug}: {count} registrations pseudonymised")
        self.stdout.write(
            f"retention: {sum(done.values())} registrations of events ended before "
            f"{cutoff:%Y-%m-%d} pseudonymised"
        )
