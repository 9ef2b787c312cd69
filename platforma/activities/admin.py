from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import PlatformScopedAdmin

from .models import Attendance, Event, EventFile, EventKind, Registration
from .services import event_mark_changed
from .uploads import validate_image, validate_pdf


class EventPartAdmin(PlatformScopedAdmin):
    """Registrations, attendance and files show on the event's public page, which is cached
    on the event's ``updated_at`` (core.pagecache): an edit here marks the event changed, as
    the services do."""

    platform_path = "event__platform"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        event_mark_changed(obj.event_id)

    def delete_model(self, request, obj):
        event = obj.event_id
        super().delete_model(request, obj)
        event_mark_changed(event)

    def delete_queryset(self, request, queryset):
        events = set(queryset.values_list("event_id", flat=True))
        super().delete_queryset(request, queryset)
        for event in events:
            event_mark_changed(event)


@admin.register(EventKind)
class EventKindAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("name", "slug", "platform")
    list_filter = ("platform",)


@admin.register(Event)
class EventAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("title", "kind", "starts_at", "city", "platform", "is_public", "is_demo")
    list_filter = ("platform", "kind", "is_public", "is_demo")
    search_fields = ("title", "city")
    date_hierarchy = "starts_at"
    filter_horizontal = ("working_groups",)


@admin.register(Registration)
class RegistrationAdmin(EventPartAdmin):
    # Status changes go through the services (waitlist promotion), not through this form.
    list_display = ("name", "email", "event", "status", "consent_public", "registered_at")
    list_filter = ("status", "event__platform")
    search_fields = ("name", "email")
    readonly_fields = ("status", "token", "registered_at", "promoted_at", "cancelled_at")


@admin.register(Attendance)
class AttendanceAdmin(EventPartAdmin):
    list_display = ("name", "event", "organisation", "consent_public", "checked_in_at")
    list_filter = ("event__platform",)


class EventFileForm(forms.ModelForm):
    class Meta:
        model = EventFile
        fields = ("event", "kind", "file", "caption", "is_public")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload and hasattr(upload, "content_type"):
            check = validate_image if data.get("kind") == EventFile.Kind.PHOTO else validate_pdf
            try:
                check(upload)
            except ValidationError as exc:
                self.add_error("file", exc)
        return data


@admin.register(EventFile)
class EventFileAdmin(EventPartAdmin, TranslationAdmin):
    form = EventFileForm
    list_display = ("__str__", "event", "kind", "is_public")
