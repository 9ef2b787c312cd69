"""The office's forms for publications, stakeholders and distributions: they only collect input.

Every choice is limited to the platform (``OfficeForm`` / ``OfficeModelForm``); the services
check the rules and write.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from platforma.activities.models import CountPrecision, Event
from platforma.core.models import Person
from platforma.core.office import DateInput, OfficeForm, OfficeModelForm
from platforma.members.models import Organisation

from .models import Distribution, Publication, Stakeholder, StakeholderCategory
from .services.stakeholders import MERGE_FIELDS

LANGS = [code for code, _name in settings.LANGUAGES]


class PublicationForm(OfficeModelForm):
    class Meta:
        model = Publication
        fields = [
            "kind",
            *[f"title_{lang}" for lang in LANGS],
            *[f"abstract_{lang}" for lang in LANGS],
            "published_on",
            "published_precision",
            "working_group",
            "author_persons",
            "author_organisations",
            "isbn",
            "doi",
            "is_public",
        ]
        widgets = {
            "published_on": DateInput(),
            "author_persons": forms.CheckboxSelectMultiple(),
            "author_organisations": forms.CheckboxSelectMultiple(),
            **{f"abstract_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in LANGS},
        }

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        self.fields[f"title_{settings.LANGUAGE_CODE}"].required = True
        self.fields["published_precision"].help_text = _(
            "How much of the date is known: the day, only the month, or only the year."
        )
        self.fields["author_persons"].help_text = _(
            "People of this platform: representatives of its members and holders of its offices."
        )
        self.fields["author_organisations"].help_text = _("Member organisations of this platform.")
        # Authors already recorded stay offered, so saving the form never drops one silently.
        if self.instance.pk:
            for name, model in (("author_persons", Person), ("author_organisations", Organisation)):
                current = getattr(self.instance, name).values("pk")
                field = cast(forms.ModelMultipleChoiceField, self.fields[name])
                assert field.queryset is not None  # the model form's choice of authors
                field.queryset = (field.queryset | model.objects.filter(pk__in=current)).distinct()


class VersionForm(OfficeForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("PDF file"),
        help_text=_("A PDF of at most 10 MB; it replaces the file of that language, if any."),
    )


class SignatureForm(OfficeForm):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("legal_name"),
        help_text=_("A member organisation in good standing on the day it signed."),
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput())


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, I am sure."),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class StakeholderForm(OfficeModelForm):
    class Meta:
        model = Stakeholder
        fields = [
            "kind",
            "name",
            "category",
            "country",
            "contact_name",
            "email",
            "phone",
            "address",
            "language",
            "consent_to_contact",
            "consent_source",
            "consent_note",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        self.fields["consent_to_contact"].help_text = _(
            "Tick only when the stakeholder has agreed to be contacted. A change is dated now."
        )
        self.fields["consent_source"].help_text = _(
            "How the consent (or its withdrawal) reached the platform."
        )

    def clean(self):
        data = super().clean() or {}
        before = bool(self.instance.pk and self.instance.consent_to_contact)
        if data.get("consent_to_contact") and not before and not data.get("consent_source"):
            self.add_error("consent_source", _("Say how the stakeholder gave its consent."))
        return data


class StakeholderFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, contact or e-mail"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("all"))] + StakeholderCategory.choices
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all"))] + Stakeholder.Kind.choices
    )
    consent = forms.ChoiceField(
        label=_("Consent to contact"),
        required=False,
        choices=[("", _("all")), ("yes", _("consents")), ("no", _("has not consented"))],
    )
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("all"))])
    has_email = forms.ChoiceField(
        label=_("E-mail"),
        required=False,
        choices=[("", _("all")), ("yes", _("has an e-mail")), ("no", _("no e-mail"))],
    )

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = [("", _("all"))] + [(c, c) for c in countries]


class StakeholderMergeForm(forms.Form):
    """Which of two records stays, and for each detail where they differ, whose value it keeps."""

    keep = forms.ChoiceField(label=_("The record that stays"), widget=forms.RadioSelect)

    def __init__(self, *args, first: Stakeholder, second: Stakeholder, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = {"a": first, "b": second}
        keep = cast(forms.ChoiceField, self.fields["keep"])
        keep.choices = [
            ("a", f"{first.name} (#{first.pk})"),
            ("b", f"{second.name} (#{second.pk})"),
        ]
        keep.initial = "a"
        self.differing = []
        for name in MERGE_FIELDS:
            shown = [_merge_value(first, name), _merge_value(second, name)]
            if shown[0] == shown[1]:
                continue
            self.differing.append(name)
            self.fields[f"field_{name}"] = forms.ChoiceField(
                label=_merge_label(name),
                widget=forms.RadioSelect,
                choices=[("a", shown[0] or "—"), ("b", shown[1] or "—")],
                initial="a",
                required=False,  # not given: the record that stays keeps its own
            )

    def choice(self) -> tuple[Stakeholder, Stakeholder, list[str]]:
        """``(kept, merged away, fields the kept one takes from the other)``."""
        side = self.cleaned_data["keep"]
        other = "b" if side == "a" else "a"
        take = [n for n in self.differing if self.cleaned_data.get(f"field_{n}") == other]
        return self.pair[side], self.pair[other], take


def _merge_label(name: str) -> str:
    if name == "consent":
        return str(_("Consent to contact"))
    model_field = cast(Any, Stakeholder._meta.get_field(name))
    return str(model_field.verbose_name).capitalize()


def _merge_value(stakeholder: Stakeholder, name: str) -> str:
    if name == "consent":
        return consent_summary(stakeholder)
    display = getattr(stakeholder, f"get_{name}_display", None)
    return str(display() if display else getattr(stakeholder, name))


def consent_summary(stakeholder: Stakeholder) -> str:
    """“yes, on 3 March 2026, source: import” — the answer with its date and source."""
    from django.utils import formats
    from django.utils.timezone import localtime

    parts = [str(_("yes") if stakeholder.consent_to_contact else _("no"))]
    if stakeholder.consent_recorded_at:
        day = localtime(stakeholder.consent_recorded_at).date()
        parts.append(str(_("on %(date)s")) % {"date": formats.date_format(day, "DATE_FORMAT")})
    parts.append(
        str(_("source: %(source)s"))
        % {"source": stakeholder.get_consent_source_display() or _("unknown")}
    )
    if stakeholder.consent_note:
        parts.append(stakeholder.consent_note)
    return ", ".join(parts)


class StakeholderImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (.csv or .xlsx)"),
        help_text=_("At most 10 MB. The first row names the columns."),
    )
    check_only = forms.BooleanField(
        label=_("Check only: write nothing"), required=False, initial=True
    )


class _DistributionBase(OfficeForm):
    year = forms.IntegerField(label=_("Year"), min_value=2009, max_value=2100)
    sent_on = forms.DateField(label=_("Sent on"), required=False, widget=DateInput())
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("not recorded"))] + Distribution.Channel.choices,
    )
    event: forms.ModelChoiceField[Event] = forms.ModelChoiceField(
        label=_("Event"),
        required=False,
        queryset=Event.objects.order_by("-starts_at"),
        help_text=_("Where it was handed out, when the channel is an event."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DistributionForm(_DistributionBase):
    """To stakeholders chosen one by one, and/or to every stakeholder of some categories."""

    stakeholders = forms.ModelMultipleChoiceField(
        label=_("Stakeholders"),
        required=False,
        queryset=Stakeholder.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple(),
    )
    categories = forms.MultipleChoiceField(
        label=_("Every stakeholder of these categories"),
        required=False,
        choices=StakeholderCategory.choices,
        widget=forms.CheckboxSelectMultiple(),
    )
    copies_each = forms.IntegerField(label=_("Copies for each recipient"), min_value=1, initial=1)


class AggregateDistributionForm(_DistributionBase):
    """Only totals are known; counts by category when the source gives them."""

    total = forms.IntegerField(label=_("Number of recipients"), min_value=0)
    total_precision = forms.ChoiceField(
        label=_("The number is"), choices=CountPrecision.choices, initial=CountPrecision.EXACT
    )
    copies = forms.IntegerField(label=_("Copies"), required=False, min_value=0)

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        for value, label in StakeholderCategory.choices:
            self.fields[f"count_{value}"] = forms.IntegerField(
                label=label, required=False, min_value=0
            )
            self.fields[f"named_{value}"] = forms.BooleanField(
                label=_("named, number unknown"), required=False
            )

    def category_rows(self):
        return [
            (self[f"count_{value}"], self[f"named_{value}"]) for value in StakeholderCategory.values
        ]

    def breakdown(self) -> dict[str, int | None]:
        """Category -> count, or None when the source names the category without a number."""
        result: dict[str, int | None] = {}
        for value in StakeholderCategory.values:
            count = self.cleaned_data.get(f"count_{value}")
            if count is not None:
                result[value] = count
            elif self.cleaned_data.get(f"named_{value}"):
                result[value] = None
        return result
