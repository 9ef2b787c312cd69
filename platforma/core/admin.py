from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .admin_base import PlatformScopedAdmin
from .models import AuditEntry, Person, Platform, PlatformRole, Statute
from .permissions import is_forum_secretariat, managed_platforms
from .statute_rules import RulesError, StatuteRules


@admin.register(Platform)
class PlatformAdmin(PlatformScopedAdmin, TranslationAdmin):
    platform_path = "pk"
    list_display = ("name", "slug", "country", "founded_on", "is_demo")
    search_fields = ("name", "slug", "country")

    def get_queryset(self, request):
        qs = super(PlatformScopedAdmin, self).get_queryset(request)
        if is_forum_secretariat(request.user):
            return qs
        return qs.filter(pk__in=managed_platforms(request.user))

    def has_add_permission(self, request):
        return is_forum_secretariat(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Statute)
class StatuteAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("title", "platform", "version", "effective_from", "adopted_by")
    list_filter = ("platform",)
    readonly_fields = ("version",)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["rules"].help_text = _(
            "The statute's rules as JSON; see docs/statute-rules.md for every key."
        )
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            latest = Statute.objects.filter(platform=obj.platform).order_by("-version").first()
            obj.version = (latest.version + 1) if latest else 1
        try:
            StatuteRules.from_dict(obj.rules)
        except RulesError as exc:  # the form's clean() already refused it; belt and braces
            raise ValidationError(exc.problems) from exc
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(PlatformScopedAdmin, TranslationAdmin):
    # People are shared across platforms (a person may represent organisations in two).
    platform_path = None
    list_display = ("last_name", "first_name", "email", "is_demo")
    search_fields = ("last_name", "first_name", "email")

    def get_queryset(self, request):
        qs = super(PlatformScopedAdmin, self).get_queryset(request)
        if is_forum_secretariat(request.user):
            return qs
        platforms = managed_platforms(request.user)
        return qs.filter(
            Q(representations__organisation__memberships__platform__in=platforms)
            | Q(mandates__office__platform__in=platforms)
        ).distinct()


@admin.register(PlatformRole)
class PlatformRoleAdmin(PlatformScopedAdmin):
    list_display = ("user", "platform", "role")
    list_filter = ("platform", "role")

    def has_module_permission(self, request):
        return is_forum_secretariat(request.user)

    has_view_permission = has_change_permission = has_add_permission = has_delete_permission = (
        lambda self, request, obj=None: is_forum_secretariat(request.user)
    )


@admin.register(AuditEntry)
class AuditEntryAdmin(PlatformScopedAdmin):
    list_display = ("at", "action", "actor_label", "platform", "target_repr")
    list_filter = ("platform", "action")
    search_fields = ("action", "target_repr", "actor_label")
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
