from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import PlatformScopedAdmin
from platforma.core.permissions import is_forum_secretariat, managed_platforms

from . import services
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
    autocomplete_fields = ("person",)
    readonly_fields = ("role", "person", "since", "until")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # New representatives go through representative_assign (it ends the previous primary).
        return False


@admin.register(Organisation)
class OrganisationAdmin(PlatformScopedAdmin, TranslationAdmin):
    # Organisations are shared across platforms; a platform's secretariat sees its own members.
    platform_path = None
    list_display = ("legal_name", "acronym", "city", "registration_number", "is_demo")
    search_fields = ("legal_name", "short_name", "acronym", "registration_number")
    list_filter = ("is_demo", "memberships__platform")
    inlines = [RepresentativeInline]

    def get_queryset(self, request):
        qs = super(PlatformScopedAdmin, self).get_queryset(request)
        if is_forum_secretariat(request.user):
            return qs
        return qs.filter(memberships__platform__in=managed_platforms(request.user)).distinct()


class MembershipChangeInline(admin.TabularInline):
    model = MembershipChange
    extra = 0
    can_delete = False
    readonly_fields = (
        "effective_on",
        "from_status",
        "to_status",
        "decided_by",
        "decision_reference",
        "reason",
        "recorded_at",
    )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MembershipAddForm(forms.ModelForm):
    decided_by = forms.CharField(label=_("decided by"), required=False, max_length=200)

    class Meta:
        model = Membership
        fields = ("platform", "organisation", "admitted_on")

    def clean_admitted_on(self):
        value = self.cleaned_data.get("admitted_on")
        if value is None:
            raise ValidationError(_("Give the date the organisation was admitted."))
        return value


@admin.register(Membership)
class MembershipAdmin(PlatformScopedAdmin):
    list_display = ("organisation", "platform", "status", "admitted_on", "ended_on")
    list_filter = ("platform", "status")
    search_fields = ("organisation__legal_name", "organisation__acronym")
    list_select_related = ("organisation", "platform")
    autocomplete_fields = ("organisation",)
    inlines = [MembershipChangeInline]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = MembershipAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("platform", "organisation", "admitted_on", "decided_by")
        return ("platform", "organisation", "status", "admitted_on", "ended_on")

    def get_readonly_fields(self, request, obj=None):
        # Status changes go through the membership state machine, never a free edit.
        if obj is None:
            return ()
        return ("platform", "organisation", "status", "admitted_on", "ended_on")

    def save_model(self, request, obj, form, change):
        if change:
            return
        saved = services.membership_record_existing(
            actor=request.user,
            platform=obj.platform,
            organisation=obj.organisation,
            admitted_on=obj.admitted_on,
            decided_by=form.cleaned_data.get("decided_by", ""),
        )
        obj.pk = saved.pk

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Representative)
class RepresentativeAdmin(PlatformScopedAdmin):
    platform_path = None
    list_display = ("person", "organisation", "role", "since", "until")
    list_filter = ("role",)
    autocomplete_fields = ("person", "organisation")
    search_fields = ("person__last_name", "organisation__legal_name")

    def get_queryset(self, request):
        qs = super(PlatformScopedAdmin, self).get_queryset(request)
        if is_forum_secretariat(request.user):
            return qs
        return qs.filter(
            Q(organisation__memberships__platform__in=managed_platforms(request.user))
        ).distinct()

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        saved = services.representative_assign(
            actor=request.user,
            organisation=obj.organisation,
            person=obj.person,
            role=obj.role,
            since=obj.since,
        )
        obj.pk = saved.pk


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DocumentInline(ReadOnlyInline):
    model = ApplicationDocument
    fields = ("kind", "original_name", "content_type", "size", "issued_on")
    readonly_fields = fields


class RecommendationInline(ReadOnlyInline):
    model = Recommendation
    fields = ("recommender", "status", "responder_name", "responded_at", "comment")
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(PlatformScopedAdmin):
    """Read-only here: applications are handled on the secretariat's pages, through services."""

    list_display = ("organisation", "platform", "submitted_at", "decided_on", "decided_by")
    list_filter = ("platform", "membership__status")
    list_select_related = ("organisation", "platform")
    search_fields = ("organisation__legal_name", "contact_email")
    inlines = [DocumentInline, RecommendationInline]
    exclude = ("token",)

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Application._meta.fields if f.name != "token"] + ["working_groups"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Appeal)
class AppealAdmin(PlatformScopedAdmin):
    platform_path = "application__platform"
    list_display = ("application", "status", "lodged_at", "heard_by", "decided_on")
    list_filter = ("status",)
    readonly_fields = [f.name for f in Appeal._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProfileChangeRequest)
class ProfileChangeRequestAdmin(PlatformScopedAdmin):
    list_display = ("organisation", "platform", "status", "created_at", "decided_at")
    list_filter = ("platform", "status")
    readonly_fields = [f.name for f in ProfileChangeRequest._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
