"""Remind the representatives whose organisation has not voted, a day before voting closes.

Meant for cron every ~15 minutes (docs/operations.md); running it again reminds nobody twice.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from platforma.notifications.services import reminders_send


class Command(BaseCommand):
    help = "Remind representatives who have not voted, a day before voting closes (idempotent)."

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        total = sum(sent.values())
        for election_id, count in sent.items():
            self.stdout.write(f"election {election_id}: {count} reminded")
        self.stdout.write(self.style.SUCCESS(f"{total} reminded in {len(sent)} open votes"))
