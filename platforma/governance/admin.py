"""Bodies, offices and mandates in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import Body, Mandate, Office


@admin.register(Body)
class BodyAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("name", "platform", "kind")
    list_filter = ("platform", "kind")


@admin.register(Office)
class OfficeAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("name", "platform", "kind", "working_group", "seats")
    list_filter = ("platform", "kind")
    search_fields = ("name",)


@admin.register(Mandate)
class MandateAdmin(ReadOnlyAdmin):
    platform_path = "office__platform"
    list_display = ("person", "office", "organisation", "starts_on", "ends_on", "end_reason")
    list_filter = ("office__platform", "office__kind")
    list_select_related = ("person", "office", "organisation")
    search_fields = ("person__last_name", "office__name")
