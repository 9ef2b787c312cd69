from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from modeltranslation.admin import TranslationAdmin

from platforma.core.admin_base import PlatformScopedAdmin

from . import services
from .models import Body, Mandate, Office


@admin.register(Body)
class BodyAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("name", "platform", "kind")
    list_filter = ("platform", "kind")


@admin.register(Office)
class OfficeAdmin(PlatformScopedAdmin, TranslationAdmin):
    list_display = ("name", "platform", "kind", "working_group", "seats")
    list_filter = ("platform", "kind")
    search_fields = ("name",)


class MandateForm(forms.ModelForm):
    class Meta:
        model = Mandate
        fields = (
            "office",
            "person",
            "organisation",
            "starts_on",
            "ends_on",
            "ended_early",
            "end_reason",
            "decision_reference",
        )

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and all(
            data.get(k) for k in ("office", "person", "organisation", "starts_on")
        ):
            problems = services.mandate_problems(
                office=data["office"],
                person=data["person"],
                organisation=data["organisation"],
                starts_on=data["starts_on"],
            )
            if problems:
                raise ValidationError(problems)
        return data


@admin.register(Mandate)
class MandateAdmin(PlatformScopedAdmin):
    form = MandateForm
    platform_path = "office__platform"
    list_display = ("person", "office", "organisation", "starts_on", "ends_on", "end_reason")
    list_filter = ("office__platform", "office__kind")
    list_select_related = ("person", "office", "organisation")
    autocomplete_fields = ("person", "organisation")
    search_fields = ("person__last_name", "office__name")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        saved = services.mandate_start(
            actor=request.user,
            office=obj.office,
            person=obj.person,
            organisation=obj.organisation,
            starts_on=obj.starts_on,
            ends_on=obj.ends_on,
            decision_reference=obj.decision_reference,
        )
        obj.pk = saved.pk
