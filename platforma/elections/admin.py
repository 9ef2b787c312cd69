"""Elections in Django's admin: for inspection only (see core.admin_base).

Ballots and voter records are not registered at all: nobody sees a ballot before the vote is
closed, and nobody ever sees who voted beside what was voted. Turnout is on the election's office
page; the published bulletin board shows the ballots once counted.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import Election, ElectionProxy, Nomination


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
