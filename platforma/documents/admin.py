"""Built documents in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import RenderedDocument


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(ReadOnlyAdmin):
    list_display = ("kind", "platform", "key", "status", "created", "finished")
    list_filter = ("kind", "status")
    # The file has no public address: it is served only through its page's PDF link.
    exclude = ("file",)
