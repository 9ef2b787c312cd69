"""Meetings in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    Convocation,
    Decision,
    Meeting,
    Minutes,
    Motion,
    Proxy,
    QuorumEvent,
    Vote,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = readonly_fields = ("position", "title")


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("title", "platform", "body", "kind", "starts_at")
    list_filter = ("platform", "kind", "body__kind")
    search_fields = ("title",)
    date_hierarchy = "starts_at"
    list_select_related = ("platform", "body")
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin, TranslationAdmin):
    platform_path = "meeting__platform"
    list_display = ("title", "meeting", "position")
    list_select_related = ("meeting",)


@admin.register(AgendaDocument)
class AgendaDocumentAdmin(ReadOnlyAdmin, TranslationAdmin):
    platform_path = "item__meeting__platform"
    list_display = ("title", "item")
    list_select_related = ("item",)


class ReadOnlyRecordAdmin(ReadOnlyAdmin):
    platform_path = "meeting__platform"


@admin.register(Convocation)
class ConvocationAdmin(ReadOnlyRecordAdmin):
    list_display = ("meeting", "sent_at", "notice_days_given", "notice_days_required", "is_late")
    list_select_related = ("meeting",)


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyRecordAdmin):
    list_display = ("membership", "meeting", "checked_in_at", "left_at")
    list_select_related = ("meeting", "membership__organisation", "membership__platform")


@admin.register(Proxy)
class ProxyAdmin(ReadOnlyRecordAdmin):
    list_display = ("giver", "holder", "meeting", "given_at", "revoked_at")
    list_select_related = (
        "meeting",
        "giver__organisation",
        "giver__platform",
        "holder__organisation",
        "holder__platform",
    )


@admin.register(QuorumEvent)
class QuorumEventAdmin(ReadOnlyRecordAdmin):
    list_display = ("meeting", "at", "reached", "present", "represented", "required")
    list_select_related = ("meeting",)


@admin.register(Motion)
class MotionAdmin(ReadOnlyRecordAdmin, TranslationAdmin):
    list_display = ("title", "meeting", "kind", "majority", "status", "adopted")
    list_filter = ("kind", "status")
    list_select_related = ("meeting",)


@admin.register(Vote)
class VoteAdmin(ReadOnlyRecordAdmin):
    platform_path = "motion__meeting__platform"
    list_display = ("membership", "motion", "choice", "by_proxy")
    list_select_related = ("motion", "membership__organisation", "membership__platform")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyRecordAdmin, TranslationAdmin):
    platform_path = "platform"
    list_display = ("reference", "title", "body", "decided_on", "is_public")
    list_filter = ("platform", "body__kind", "is_public")
    search_fields = ("reference", "title")
    list_select_related = ("body",)


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyRecordAdmin):
    list_display = ("meeting", "status", "approved_on")
    list_select_related = ("meeting",)
