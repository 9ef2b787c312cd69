"""Elections in the Django admin: read-mostly. Elections run through the secretariat's pages
(``elections:office-*``), whose services keep the state machine; ballots and voter records are
read-only here, and who voted is never shown next to what was voted."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import PlatformScopedAdmin

from .models import Ballot, Election, ElectionProxy, Nomination, PaperBallotEntry, VoterRecord


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Election)
class ElectionAdmin(ReadOnlyMixin, PlatformScopedAdmin, TranslationAdmin):
    list_display = ("title", "platform", "method", "seats", "state", "voting_opens_at")
    list_filter = ("platform", "state", "method")
    exclude = ("board",)


@admin.register(Nomination)
class NominationAdmin(ReadOnlyMixin, PlatformScopedAdmin):
    platform_path = "election__platform"
    list_display = ("person", "organisation", "election", "acceptance", "on_ballot")
    list_filter = ("acceptance", "on_ballot")


@admin.register(ElectionProxy)
class ElectionProxyAdmin(ReadOnlyMixin, PlatformScopedAdmin):
    platform_path = "election__platform"
    list_display = ("election", "grantor", "holder")


@admin.register(VoterRecord)
class VoterRecordAdmin(ReadOnlyMixin, PlatformScopedAdmin):
    platform_path = "election__platform"
    list_display = ("organisation", "election", "channel", "by_proxy")
    list_filter = ("channel",)


@admin.register(Ballot)
class BallotAdmin(ReadOnlyMixin, PlatformScopedAdmin):
    platform_path = "election__platform"
    list_display = ("tracker", "election", "content_hash")
    ordering = ("election", "tracker")


@admin.register(PaperBallotEntry)
class PaperBallotEntryAdmin(ReadOnlyMixin, PlatformScopedAdmin):
    platform_path = "election__platform"
    list_display = ("election", "batch", "sequence", "teller_label", "entered_at")
