"""Build a Forum-scale synthetic data set for the speed benchmarks (platforma.website.scale)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.website.scale import COUNTS, ScaleError, generate


class Command(BaseCommand):
    help = (
        "Generate synthetic benchmark data at the Forum's scale (factor 1: 6 platforms, "
        "1,200 organisations, 10,000 activities, 200,000 registrations, 1,000,000 distribution "
        "recipients...), in bulk and marked as demo. Refuses a database with real platforms "
        "unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="Multiplies every count (0.01 for tests, 10 for ten times the Forum).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Run even though the database has platforms this command did not generate, "
                "or a generated set already (another set is added beside them)."
            ),
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        factor: float = options["factor"]
        try:
            result = generate(
                factor=factor,
                force=options["force"],
                progress=not options["no_progress"] and options["verbosity"] > 0,
            )
        except ScaleError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] == 0:
            return
        if result.nothing_to_do:
            slugs = ", ".join(p.slug for p in result.platforms)
            self.stdout.write(
                f"A generated data set is already here ({slugs}); nothing changed. "
                "Pass --force to add another set."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated at factor {factor:g} (factor 1: {COUNTS['activities']:,} activities) "
                f"for {', '.join(p.slug for p in result.platforms)} in "
                f"{result.seconds:.1f} s."
            )
        )
        for label, n in sorted(result.counts.items()):
            self.stdout.write(f"  {label:<40}{n:>12,}")
