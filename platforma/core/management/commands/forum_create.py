"""Set up the Forum's own row: ``manage.py forum_create --name "..." [--time-zone ...]``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.core import services


class Command(BaseCommand):
    help = (
        "Set up the Forum the platforms form (its own row, slug “forum”): its statute, bodies, "
        "offices and members are then added in its office (/<lang>/forum/office/)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="the Forum's name in English")
        parser.add_argument("--country", default="Eastern Partnership", help="its area")
        parser.add_argument("--country-code", default="EU")
        parser.add_argument("--time-zone", default="Europe/Brussels")
        parser.add_argument("--website", default="")
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            forum = services.forum_create(
                actor=None,
                actor_label="system: forum_create",
                name_en=options["name"],
                country_en=options["country"],
                country_code=options["country_code"],
                time_zone=options["time_zone"],
                website=options["website"],
                email=options["email"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"Set up {forum.name} (/forum/).")
