from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from modeltranslation.admin import TranslationAdmin

from platforma.activities.uploads import validate_pdf
from platforma.core.admin_base import PlatformScopedAdmin

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
class PublicationAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("title", "kind", "published_on", "platform", "is_public", "is_demo")
    list_filter = ("platform", "kind", "is_public", "is_demo")
    search_fields = ("title",)
    date_hierarchy = "published_on"
    filter_horizontal = ("author_persons", "author_organisations")


class PublicationVersionForm(forms.ModelForm):
    class Meta:
        model = PublicationVersion
        fields = ("publication", "language", "file")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):
            try:
                validate_pdf(upload)
            except ValidationError as exc:
                raise forms.ValidationError(exc.messages) from exc
        return upload


@admin.register(PublicationVersion)
class PublicationVersionAdmin(PlatformScopedAdmin):
    # New files are best added with publication_version_add (it also makes the cover).
    form = PublicationVersionForm
    platform_path = "publication__platform"
    list_display = ("publication", "language", "size")


@admin.register(Signature)
class SignatureAdmin(PlatformScopedAdmin):
    platform_path = "publication__platform"
    list_display = ("publication", "organisation", "signed_on")


@admin.register(Stakeholder)
class StakeholderAdmin(PlatformScopedAdmin):
    list_display = ("name", "category", "country", "email", "consent_to_contact", "platform")
    list_filter = ("platform", "category", "consent_to_contact")
    search_fields = ("name", "contact_name", "email")


class RecipientInline(admin.TabularInline):
    model = DistributionRecipient
    extra = 0
    autocomplete_fields = ("stakeholder",)


class CategoryInline(admin.TabularInline):
    model = DistributionCategory
    extra = 0


@admin.register(Distribution)
class DistributionAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("publication", "year", "channel", "mode", "total", "total_precision")
    list_filter = ("platform", "year", "channel", "mode")
    inlines = [RecipientInline, CategoryInline]
