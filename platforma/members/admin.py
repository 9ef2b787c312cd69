"""The registry in Django's admin: for inspection only (see core.admin_base)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import (
    Appeal,
    Application,
    ApplicationDocument,
    Membership,
    MembershipChange,
    Organisation,
    ProfileChangeRequest,
    Recommendation,
    Representative,
)


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 0
    fields = readonly_fields = ("role", "person", "since", "until")


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin, TranslationAdmin):
    platform_path = "memberships__platform"
    list_display = ("legal_name", "acronym", "city", "registration_number", "is_demo")
    search_fields = ("legal_name", "short_name", "acronym", "registration_number")
    list_filter = ("is_demo", "memberships__platform")
    inlines = [RepresentativeInline]


class MembershipChangeInline(admin.TabularInline):
    model = MembershipChange
    extra = 0
    fields = readonly_fields = (
        "effective_on",
        "from_status",
        "to_status",
        "decided_by",
        "decision_reference",
        "reason",
        "recorded_at",
    )


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "platform", "status", "admitted_on", "ended_on")
    list_filter = ("platform", "status")
    search_fields = ("organisation__legal_name", "organisation__acronym")
    list_select_related = ("organisation", "platform")
    inlines = [MembershipChangeInline]


@admin.register(Representative)
class RepresentativeAdmin(ReadOnlyAdmin):
    platform_path = "organisation__memberships__platform"
    list_display = ("person", "organisation", "role", "since", "until")
    list_filter = ("role",)
    search_fields = ("person__last_name", "organisation__legal_name")


class DocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0
    fields = readonly_fields = ("kind", "original_name", "content_type", "size", "issued_on")


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0
    fields = readonly_fields = (
        "recommender",
        "status",
        "responder_name",
        "responded_at",
        "comment",
    )


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "platform", "submitted_at", "decided_on", "decided_by")
    list_filter = ("platform", "membership__status")
    list_select_related = ("organisation", "platform")
    search_fields = ("organisation__legal_name", "contact_email")
    inlines = [DocumentInline, RecommendationInline]
    exclude = ("token",)


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    platform_path = "application__platform"
    list_display = ("application", "status", "lodged_at", "heard_by", "decided_on")
    list_filter = ("status",)


@admin.register(ProfileChangeRequest)
class ProfileChangeRequestAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "platform", "status", "created_at", "decided_at")
    list_filter = ("platform", "status")
