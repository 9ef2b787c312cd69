"""What every Platforma admin shares: platform scoping and audited saves.

The Django admin is the back office for now. It writes through ``admin_save`` and
``admin_delete`` (services with audit records), and every list and form is limited to the
platforms the user manages; another platform's object is a 404 there too.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models, transaction

from . import audit
from .models import Platform
from .permissions import is_forum_secretariat, managed_platforms


@transaction.atomic
def admin_save(*, actor, obj: models.Model, change: bool) -> None:
    """Save an object edited in the admin and record what changed."""
    before = {}
    if change and obj.pk is not None:
        before = audit.snapshot(type(obj)._base_manager.get(pk=obj.pk))
    obj.save()
    after = audit.snapshot(obj)
    action = "updated" if change else "created"
    changes = audit.diff(before, after)
    if change and not changes:
        return
    audit.record(
        f"admin.{obj._meta.label_lower}.{action}",
        actor=actor,
        target=obj,
        data={"changes": changes} if change else {"after": after},
    )


@transaction.atomic
def admin_delete(*, actor, obj: models.Model) -> None:
    audit.record(
        f"admin.{obj._meta.label_lower}.deleted",
        actor=actor,
        target=obj,
        data={"before": audit.snapshot(obj)},
    )
    obj.delete()


class PlatformScopedAdmin(admin.ModelAdmin):
    """Limit rows and choices to the user's platforms. ``platform_path`` leads to the Platform."""

    platform_path = "platform"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if is_forum_secretariat(request.user):
            return qs
        if self.platform_path is None:
            return qs.none()
        return qs.filter(**{f"{self.platform_path}__in": managed_platforms(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not is_forum_secretariat(request.user):
            model = db_field.related_model
            if model is Platform:
                kwargs["queryset"] = managed_platforms(request.user)
            elif hasattr(model, "platform"):
                kwargs["queryset"] = model._default_manager.filter(
                    platform__in=managed_platforms(request.user)
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        admin_save(actor=request.user, obj=obj, change=change)

    def delete_model(self, request, obj):
        admin_delete(actor=request.user, obj=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            admin_delete(actor=request.user, obj=obj)
