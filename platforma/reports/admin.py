from django.contrib import admin

from platforma.core.admin_base import PlatformScopedAdmin

from .models import AnnualReport, ReportNarrative


@admin.register(AnnualReport)
class AnnualReportAdmin(PlatformScopedAdmin):
    platform_path = "platform"
    list_display = ("__str__", "year", "status", "published_at")
    list_filter = ("status", "year")
    readonly_fields = ("status", "approved_at", "published_at")


@admin.register(ReportNarrative)
class ReportNarrativeAdmin(PlatformScopedAdmin):
    platform_path = "report__platform"
    list_display = ("report", "language", "section", "updated_at")
    list_filter = ("language", "section")
