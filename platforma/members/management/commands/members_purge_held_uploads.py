"""``manage.py members_purge_held_uploads``: delete join-form files held for over a day.

The join form keeps an applicant's documents across a validation error (see
``platforma.members.held_uploads``); an applicant who never sends the form again leaves them
behind. Run it daily (cron or the scheduler, next to the other clean-ups).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from platforma.members.held_uploads import MAX_AGE, purge_expired


class Command(BaseCommand):
    help = "Delete the join form's held documents older than a day."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = purge_expired()
        hours = int(MAX_AGE.total_seconds() // 3600)
        self.stdout.write(f"{removed} held upload folder(s) older than {hours} h deleted")
