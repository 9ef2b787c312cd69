"""``manage.py verify_audit [--platform SLUG | --forum] [--expect N:HASH]``: check the chains."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from platforma.core.audit_verify import ChainReport, entries_without_chain, verify_chain
from platforma.core.models import Platform


def _expectation(text: str) -> tuple[int, str]:
    number, _, digest = text.partition(":")
    if not number.isdigit() or len(digest) != 64:
        raise CommandError(
            f"--expect takes N:HASH (an entry's number and its 64 hex digits): {text}"
        )
    return int(number), digest.lower()


class Command(BaseCommand):
    help = (
        "Recompute the audit log's hash chains (one per platform, one for the Forum) and say "
        "'ok: N entries, head <hash>' for each, or name the first broken entry and exit 1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--platform", metavar="SLUG", help="only this platform's chain")
        which.add_argument("--forum", action="store_true", help="only the Forum's chain")
        parser.add_argument(
            "--expect",
            metavar="N:HASH",
            action="append",
            default=[],
            help="a head published earlier (transparency page, annual report): entry N of the "
            "chain must still have this hash; with --platform or --forum; repeatable",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        expect = dict(_expectation(e) for e in options["expect"])
        chains: list[Platform | None]
        if options["platform"]:
            platform = Platform.objects.filter(slug=options["platform"]).first()
            if platform is None:
                raise CommandError(f"No platform “{options['platform']}”.")
            chains = [None if platform.is_forum else platform]
        elif options["forum"]:
            chains = [None]
        else:
            if expect:
                raise CommandError("--expect needs --platform SLUG or --forum.")
            chains = [None, *Platform.objects.national().order_by("slug")]
        broken = 0
        for platform in chains:
            report = verify_chain(platform, expect=expect)
            broken += not report.ok
            self._say(report, several=len(chains) > 1)
        for row in entries_without_chain().values("id", "action")[:1]:
            broken += 1
            self.stderr.write(
                f"FAILED: no chain: entry id {row['id']} ({row['action']}): it belongs "
                "to neither a platform nor the Forum, or to both"
            )
        if broken:
            raise CommandError(f"The audit log does not verify: {broken} problem(s).", returncode=1)

    def _say(self, report: ChainReport, *, several: bool) -> None:
        if report.problem is None:
            prefix = f"{report.label}: " if several else ""
            self.stdout.write(f"{prefix}ok: {report.length} entries, head {report.head}")
            return
        p = report.problem
        who = f"id {p.pk}, {p.action}" if p.pk is not None else "no such entry"
        self.stderr.write(f"FAILED: {report.label}: entry #{p.seq} ({who}): {p.what}")
