"""Working groups in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import Enrolment, ForumWorkingGroup, WorkingGroup


@admin.register(ForumWorkingGroup)
class ForumWorkingGroupAdmin(ReadOnlyAdmin, TranslationAdmin):
    platform_path = None  # Forum-level: only the Forum's secretariat reaches the admin at all
    list_display = ("number", "name", "established_in")


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    fields = readonly_fields = ("membership", "since", "until")


@admin.register(WorkingGroup)
class WorkingGroupAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("name", "platform", "forum_group", "parent", "position")
    list_filter = ("platform", "forum_group")
    search_fields = ("name", "slug")
    inlines = [EnrolmentInline]


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    platform_path = "working_group__platform"
    list_display = ("membership", "working_group", "since", "until")
    list_filter = ("working_group__platform", "working_group")
    list_select_related = ("membership__organisation", "working_group")
