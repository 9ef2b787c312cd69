"""Forms of the governance office. They collect input; the services check and write."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from platforma.core.models import Person
from platforma.core.office import OfficeForm
from platforma.members.models import Organisation
from platforma.workinggroups.models import WorkingGroup

from .models import Body, Mandate, Office


class OfficeCreateForm(OfficeForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Office.Kind.choices)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_az = forms.CharField(label=_("Name (Azerbaijani)"), max_length=200, required=False)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=200, required=False)
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        label=_("Elected or appointed by"), queryset=Body.objects.all(), required=False
    )
    working_group: forms.ModelChoiceField[WorkingGroup] = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=WorkingGroup.objects.all(),
        required=False,
        help_text=_("Required for a working group coordinator."),
    )
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=100, initial=1)


class MandateStartForm(OfficeForm):
    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.order_by("last_name", "first_name"),
        help_text=_("People of this platform: representatives and office holders."),
    )
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("For the member organisation"),
        queryset=Organisation.objects.order_by("legal_name"),
    )
    starts_on = forms.DateField(label=_("Starts on"))
    ends_on = forms.DateField(
        label=_("Planned end of term"),
        required=False,
        help_text=_("Leave empty: the term the statute sets for this office."),
    )
    decision_reference = forms.CharField(
        label=_("Decision or election"), max_length=200, required=False
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The term cannot end before it starts."))
        return data


class MandateEndForm(OfficeForm):
    ended_on = forms.DateField(label=_("Ended on"))
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[c for c in Mandate.EndReason.choices if c[0] != Mandate.EndReason.TERM_END],
    )
    confirm = forms.BooleanField(
        label=_("I confirm: the mandate ends on this day, and this cannot be undone."),
    )


class StatuteAdoptForm(OfficeForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    effective_from = forms.DateField(label=_("In force from"))
    adopted_by = forms.CharField(
        label=_("Adopting decision"),
        max_length=200,
        help_text=_("The body and the decision's reference, e.g. “General Assembly, GA-2016-02”."),
    )
    text_url = forms.URLField(label=_("Full text (address)"), required=False)
    rules = forms.CharField(
        label=_("Rules (JSON)"),
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "class": "code"}),
        help_text=_("See docs/statute-rules.md for every rule; every problem is listed by key."),
    )
    confirm = forms.BooleanField(
        label=_("I confirm: this version governs from the day above; versions are never edited."),
    )

    def clean_rules(self):
        text = self.cleaned_data["rules"]
        try:
            rules = json.loads(text)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                _("This is not valid JSON: %(problem)s (line %(line)d, column %(column)d).")
                % {"problem": exc.msg, "line": exc.lineno, "column": exc.colno}
            ) from None
        if not isinstance(rules, dict):
            raise forms.ValidationError(_("The rules must be a JSON object: { ... }."))
        return rules
