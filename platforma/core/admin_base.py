"""Django's admin is for inspection only: it shows the project's records and writes none.

Every write goes through the office pages and their services (rules, audit, the platform's time
zone, tenant limits). The admin is open to the superuser alone (the Forum's secretariat, for
Django's own tables such as users and groups); a platform's secretariat works in the office and
needs no staff status. ``ReadOnlyAdmin`` takes away add, change and delete — for the model, its
inlines and its bulk actions — and a test walks ``admin.site._registry`` to keep it so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from .permissions import is_forum_secretariat, managed_platforms


def _no(*args: Any, **kwargs: Any) -> bool:
    return False


def _shown_only(inlines: list[InlineModelAdmin[Any, Any]]) -> list[InlineModelAdmin[Any, Any]]:
    for inline in inlines:
        for name in ("has_add_permission", "has_change_permission", "has_delete_permission"):
            setattr(inline, name, _no)
    return inlines


if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]  # generic only in the stubs
else:
    _ModelAdmin = admin.ModelAdmin


class ReadOnlyAdmin(_ModelAdmin):
    """Shows rows, scoped to the user's platforms; ``platform_path`` leads to the Platform."""

    platform_path: str | None = "platform"
    actions = None

    has_add_permission = _no
    has_change_permission = _no
    has_delete_permission = _no

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if is_forum_secretariat(request.user):
            return qs
        if self.platform_path is None:
            return qs.none()
        return qs.filter(**{f"{self.platform_path}__in": managed_platforms(request.user)})

    def get_inline_instances(
        self, request: HttpRequest, obj: Any = None
    ) -> list[InlineModelAdmin[Any, Any]]:
        return _shown_only(super().get_inline_instances(request, obj))

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:  # pragma: no cover - no form can submit
        raise PermissionError("The admin writes nothing: use the office pages.")

    def delete_model(self, request: HttpRequest, obj: Any) -> None:  # pragma: no cover
        raise PermissionError("The admin writes nothing: use the office pages.")

    def save_related(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:  # pragma: no cover
        raise PermissionError("The admin writes nothing: use the office pages.")


def make_read_only(*models: type[Any]) -> None:
    """Keep a library's own admin pages for these models, minus every write.

    django-axes (lockouts), django-otp (second factors) and django-tasks (the queue) register
    admins that add, change and delete: through them a lockout could be lifted, a person's second
    factor replaced or a queued e-mail dropped with no audit record. Those writes belong to the
    office's services (unlocking, the account page, Retry); here they are shown only.
    """
    for model in models:
        if not admin.site.is_registered(model):
            continue
        base = type(admin.site._registry[model])
        admin.site.unregister(model)

        def get_inline_instances(
            self: Any, request: HttpRequest, obj: Any = None, _base: type[Any] = base
        ) -> list[InlineModelAdmin[Any, Any]]:
            return _shown_only(_base.get_inline_instances(self, request, obj))

        read_only = type(
            f"ReadOnly{base.__name__}",
            (base,),
            {
                "actions": None,
                "has_add_permission": _no,
                "has_change_permission": _no,
                "has_delete_permission": _no,
                "get_inline_instances": get_inline_instances,
            },
        )
        admin.site.register(model, read_only)
