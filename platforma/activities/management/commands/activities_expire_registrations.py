"""Mark public registrations whose confirmation time has passed as expired (for cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from platforma.activities import services


class Command(BaseCommand):
    help = (
        "Mark the public registrations not confirmed in time as expired (one audit entry each). "
        "They hold nothing already; this frees their address to register again and tidies the "
        "organisers' lists. Run it hourly from cron or a systemd timer."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.registrations_expire(actor_label="activities_expire_registrations")
        self.stdout.write(f"{count} registration(s) expired.")
