"""Annual reports in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import AnnualReport, ReportNarrative


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "year", "status", "published_at")
    list_filter = ("status", "year")


@admin.register(ReportNarrative)
class ReportNarrativeAdmin(ReadOnlyAdmin):
    platform_path = "report__platform"
    list_display = ("report", "language", "section", "updated_at")
    list_filter = ("language", "section")
