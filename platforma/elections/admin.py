"""Elections in Django's admin: for inspection only (see core.admin_base).

Ballots and voter records are not registered at all: nobody sees a ballot before the vote is
closed, and nobody ever sees who voted beside what was voted. Turnout is on the election's office
page; the published bulletin board shows the ballots once counted.
"""

from django.contrib import admin
from django.db.models import QuerySet
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin import HIDDEN_FOR_NOW
from platforma.core.admin_base import ReadOnlyAdmin
from platforma.core.models import AuditEntry

from .models import Election, ElectionProxy, Nomination, VoterRecord


def _order_of_voting_while_open(entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
    """While a vote is open, its casts' entries stay in the log but out of the admin's sight:
    their order is the order in which organisations voted (issue 12)."""
    voting = VoterRecord.objects.filter(election__state=Election.State.VOTING)
    return entries.exclude(
        target_type=VoterRecord._meta.label_lower,
        target_id__in=[str(pk) for pk in voting.values_list("pk", flat=True)],
    )


HIDDEN_FOR_NOW.append(_order_of_voting_while_open)


@admin.register(Election)
class ElectionAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("title", "platform", "method", "seats", "state", "voting_opens_at")
    list_filter = ("platform", "state", "method")
    exclude = ("board",)


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    platform_path = "election__platform"
    list_display = ("person", "organisation", "election", "acceptance", "on_ballot")
    list_filter = ("acceptance", "on_ballot")


@admin.register(ElectionProxy)
class ElectionProxyAdmin(ReadOnlyAdmin):
    platform_path = "election__platform"
    list_display = ("election", "grantor", "holder")
