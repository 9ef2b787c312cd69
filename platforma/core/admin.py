"""Platforms, statutes, people, roles and the audit log in Django's admin: inspection only.

Only the superuser (the Forum's secretariat) reaches the admin; Django's own tables (users,
groups) stay writable there. Everything of the project's is changed in the office.
"""

from collections.abc import Callable

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django_tasks_db.models import DBTaskResult
from modeltranslation.admin import TranslationAdmin

from .admin_base import ReadOnlyAdmin, make_read_only
from .models import AuditEntry, Person, Platform, PlatformRole, Statute


def superuser_only(request: HttpRequest) -> bool:
    return bool(request.user.is_active and request.user.is_superuser)


# A platform's secretariat works in the office: the admin is the Forum secretariat's alone.
admin.site.has_permission = superuser_only  # type: ignore[method-assign]  # on purpose


@admin.register(Platform)
class PlatformAdmin(ReadOnlyAdmin, TranslationAdmin[Platform]):
    platform_path = "pk"
    list_display = ("name", "slug", "country", "founded_on", "is_demo")
    search_fields = ("name", "slug", "country")


@admin.register(Statute)
class StatuteAdmin(ReadOnlyAdmin, TranslationAdmin[Statute]):
    list_display = ("title", "platform", "version", "effective_from", "adopted_by")
    list_filter = ("platform",)


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin, TranslationAdmin[Person]):
    platform_path = None  # shared across platforms
    list_display = ("last_name", "first_name", "email", "is_demo")
    search_fields = ("last_name", "first_name", "email")


@admin.register(PlatformRole)
class PlatformRoleAdmin(ReadOnlyAdmin):
    list_display = ("user", "platform", "role")
    list_filter = ("platform", "role")


# Apps hide here what the log must keep but nobody may read yet: e.g. elections, the order in
# which organisations vote while the vote is open. Each takes and returns a queryset.
HIDDEN_FOR_NOW: list[Callable[[QuerySet[AuditEntry]], QuerySet[AuditEntry]]] = []


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "action", "actor_label", "platform", "seq", "target_repr")
    list_filter = ("forum", "platform", "action")
    search_fields = ("action", "target_repr", "actor_label")
    date_hierarchy = "at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEntry]:
        entries = super().get_queryset(request)
        for hide in HIDDEN_FOR_NOW:
            entries = hide(entries)
        return entries


# The task queue's rows (e-mail deliveries, PDF builds) are the worker's: a queued e-mail is
# retried from the office's "Outgoing mail" page, never re-run or dropped here.
make_read_only(DBTaskResult)
