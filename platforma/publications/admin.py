"""Publications and their distribution in Django's admin: for inspection only (core.admin_base)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import ReadOnlyAdmin

from .models import (
    Distribution,
    DistributionCategory,
    DistributionRecipient,
    Publication,
    PublicationVersion,
    Signature,
    Stakeholder,
)


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("title", "kind", "published_on", "platform", "is_public", "is_demo")
    list_filter = ("platform", "kind", "is_public", "is_demo")
    search_fields = ("title",)
    date_hierarchy = "published_on"


@admin.register(PublicationVersion)
class PublicationVersionAdmin(ReadOnlyAdmin):
    platform_path = "publication__platform"
    list_display = ("publication", "language", "size")


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdmin):
    platform_path = "publication__platform"
    list_display = ("publication", "organisation", "signed_on")


@admin.register(Stakeholder)
class StakeholderAdmin(ReadOnlyAdmin):
    list_display = ("name", "category", "country", "email", "consent_to_contact", "platform")
    list_filter = ("platform", "category", "consent_to_contact")
    search_fields = ("name", "contact_name", "email")


class RecipientInline(admin.TabularInline):
    model = DistributionRecipient
    extra = 0


class CategoryInline(admin.TabularInline):
    model = DistributionCategory
    extra = 0


@admin.register(Distribution)
class DistributionAdmin(ReadOnlyAdmin, TranslationAdmin):
    list_display = ("publication", "year", "channel", "mode", "total", "total_precision")
    list_filter = ("platform", "year", "channel", "mode")
    inlines = [RecipientInline, CategoryInline]
