"""Lives in website, the top layer: it loads every app's demo data, and core imports no app."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from platforma.core.models import Platform
from platforma.demo.loader import SLUG, load_demo
from platforma.forum.models import DelegateCall
from platforma.members.selectors import members_in_good_standing


class Command(BaseCommand):
    help = (
        "Load the demo data (safe to run again): the seed's Azerbaijan National Platform, the "
        "five other national platforms and the Forum with an open call for delegates."
    )

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
        platform = load_demo(forum=True)
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
        others = Platform.objects.national().exclude(pk=platform.pk).order_by("slug")
        self.stdout.write(f"Also loaded: {', '.join(str(p) for p in others)} (demonstration data).")
        forum = Platform.objects.forum()
        call = DelegateCall.objects.filter(assembly__platform=forum).first()
        if forum is not None and call is not None:
            self.stdout.write(
                f"{forum}: {members_in_good_standing(forum).count()} EU-side members; "
                f"{call.assembly}: call for delegates {call.get_state_display()}, "
                f"{call.applications.count()} applications."
            )
