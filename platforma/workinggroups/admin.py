from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import PlatformScopedAdmin

from .models import Enrolment, ForumWorkingGroup, WorkingGroup


@admin.register(ForumWorkingGroup)
class ForumWorkingGroupAdmin(PlatformScopedAdmin, TranslationAdmin):
    platform_path = None  # Forum-level: visible to all, changed by the Forum's secretariat only
    list_display = ("number", "name", "established_in")

    def get_queryset(self, request):
        return super(PlatformScopedAdmin, self).get_queryset(request)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    has_add_permission = has_delete_permission = lambda self, request, obj=None: (
        request.user.is_superuser
    )


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    fields = ("membership", "since", "until")
    readonly_fields = ("membership", "since", "until")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WorkingGroup)
class WorkingGroupAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("name", "platform", "forum_group", "parent", "position")
    list_filter = ("platform", "forum_group")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [EnrolmentInline]


@admin.register(Enrolment)
class EnrolmentAdmin(PlatformScopedAdmin):
    platform_path = "working_group__platform"
    list_display = ("membership", "working_group", "since", "until")
    list_filter = ("working_group__platform", "working_group")
    list_select_related = ("membership__organisation", "working_group")
