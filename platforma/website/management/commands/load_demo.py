"""Lives in website, the top layer: it loads every app's demo data, and core imports no app."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from platforma.core.models import Platform
from platforma.demo.loader import SLUG, load_demo
from platforma.members.selectors import members_in_good_standing


class Command(BaseCommand):
    help = "Load the seed's Azerbaijan National Platform as demo data (safe to run again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the installation has no platform at all.",
        )

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        if if_empty and Platform.objects.exists():
            self.stdout.write("Platforms already exist; demo data not loaded.")
            return
        platform = load_demo()
        if platform is None:
            self.stdout.write(f"The demo platform “{SLUG}” is already loaded; nothing changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {platform.name}: {members_in_good_standing(platform).count()} member "
                "organisations, "
                f"{platform.working_groups.count()} working groups."
            )
        )
