"""Notices in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import Notice


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ["person", "event", "election", "emailed", "read_at", "created_at"]
    list_filter = ["event", "emailed"]
    list_select_related = ["person", "election"]
