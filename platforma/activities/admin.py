"""Activities in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import Attendance, Event, EventFile, EventKind, Registration


@admin.register(EventKind)
class EventKindAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("name", "slug", "platform")
    list_filter = ("platform",)


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("title", "kind", "starts_at", "city", "platform", "is_public", "is_demo")
    list_filter = ("platform", "kind", "is_public", "is_demo")
    search_fields = ("title", "city")
    date_hierarchy = "starts_at"


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    platform_path = "event__platform"
    list_display = ("name", "email", "event", "status", "consent_public", "registered_at")
    list_filter = ("status", "event__platform")
    search_fields = ("name", "email")
    exclude = ("token",)


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    platform_path = "event__platform"
    list_display = ("name", "event", "organisation", "consent_public", "checked_in_at")
    list_filter = ("event__platform",)


@admin.register(EventFile)
class EventFileAdmin(ReadOnlyAdmin, TranslationAdmin):
    platform_path = "event__platform"
    list_display = ("__str__", "event", "kind", "is_public")
