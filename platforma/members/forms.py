"""Forms of the member registry. They collect and check input; services do the writing."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from platforma.core.models import Person, Platform
from platforma.core.office import OfficeForm, Versioned
from platforma.core.statute_rules import AdmissionRule
from platforma.core.uploads import check_upload
from platforma.workinggroups.models import WorkingGroup

from .eligibility import declaration_label
from .held_uploads import HeldUploads
from .legal_forms import display_name, sort_key
from .models import ApplicationDocument, Membership, Organisation

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MembershipsChoiceField(forms.ModelMultipleChoiceField):  # generic only in the stubs
    """Member organisations, each shown by its legal name."""

    def label_from_instance(self, obj: Membership) -> str:
        return obj.organisation.legal_name


class FilterableCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose inputs carry ``data-search``: every name of the option (all languages,
    acronym), which members/join.js matches the filter box against."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.search_text: dict[str, str] = {}

    def create_option(
        self,
        name: str,
        value: Any,
        label: Any,
        selected: bool,
        index: int,
        subindex: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        text = self.search_text.get(str(value))
        if text:
            option["attrs"] = {**option["attrs"], "data-search": text}
        return option


def _organisation_names(organisation: Organisation) -> str:
    names = {organisation.acronym or ""}
    for lang, _name in settings.LANGUAGES:
        for field in ("legal_name", "short_name"):
            names.add(getattr(organisation, f"{field}_{lang}", "") or "")
    return " ".join(sorted(n for n in names if n)).casefold()


class ApplicationForm(forms.Form):
    """The public "Join the platform" form; its fields follow the statute in force."""

    legal_name = forms.CharField(label=_("Legal name of the organisation"), max_length=300)
    short_name = forms.CharField(label=_("Short name"), max_length=200, required=False)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    registration_number = forms.CharField(label=_("Registration number"), max_length=50)
    registration_date = forms.DateField(label=_("Date of registration"), widget=DATE_WIDGET)
    active_since = forms.DateField(
        label=_("Working in the platform's fields since"), widget=DATE_WIDGET
    )
    city = forms.CharField(label=_("City"), max_length=100)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    website = forms.URLField(label=_("Website"), required=False)
    email = forms.EmailField(label=_("Organisation's e-mail"))
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    fields_of_work = forms.CharField(label=_("Fields of work"), max_length=500, required=False)
    description = forms.CharField(
        label=_("What the organisation does"), widget=forms.Textarea(attrs={"rows": 4})
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail"),
        help_text=_("The receipt and the link to follow the application go here."),
    )
    contact_phone = forms.CharField(
        label=_("Contact person's phone"), max_length=50, required=False
    )
    working_groups: forms.ModelMultipleChoiceField[WorkingGroup] = forms.ModelMultipleChoiceField(
        label=_("Working groups you want to join"),
        queryset=WorkingGroup.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    recommenders = MembershipsChoiceField(
        label=_("Member organisations asked to recommend you"),
        queryset=Membership.objects.none(),
        widget=FilterableCheckboxes,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        platform: Platform,
        rules: AdmissionRule,
        members: QuerySet[Membership],
        held_uploads: HeldUploads | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.held_uploads = held_uploads
        groups = cast("forms.ModelMultipleChoiceField[WorkingGroup]", self.fields["working_groups"])
        groups.queryset = WorkingGroup.objects.filter(
            platform=platform, parent__isnull=True
        ).order_by("position")
        recommenders = cast(MembershipsChoiceField, self.fields["recommenders"])
        recommenders.queryset = members
        # Sorted by what tells the names apart, not by a legal form most of them share.
        shown = sorted(
            ((m.pk, m.organisation.legal_name, m.organisation) for m in members),
            key=lambda row: (sort_key(row[1]), row[1]),
        )
        recommenders.choices = [(pk, display_name(name)) for pk, name, _org in shown]
        widget = cast(FilterableCheckboxes, recommenders.widget)
        widget.search_text = {str(pk): _organisation_names(org) for pk, _name, org in shown}
        if rules.recommendations_required:
            recommenders.required = True
            recommenders.help_text = _("Choose %(count)d. Each receives an e-mail to confirm.") % {
                "count": rules.recommendations_required
            }
        labels = dict(ApplicationDocument.Kind.choices)
        for kind in rules.documents:
            max_age = rules.document_max_age_days.get(kind)
            self.fields[f"document_{kind}"] = forms.FileField(
                label=labels.get(kind, kind),
                help_text=_("PDF, ODT, DOCX, JPEG or PNG; at most 10 MB."),
                # A document kept from an earlier try counts as chosen.
                required=not (held_uploads and kind in held_uploads.files),
            )
            if max_age:
                self.fields[f"issued_{kind}"] = forms.DateField(
                    label=_("Date of issue of this document"),
                    help_text=_("It may be at most %(days)d days old.") % {"days": max_age},
                    widget=DATE_WIDGET,
                )
        for key in rules.declarations:
            self.fields[f"declaration_{key}"] = forms.BooleanField(label=declaration_label(key))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for kind in self.rules.documents:
            upload = data.get(f"document_{kind}")
            if upload is not None:
                try:
                    check_upload(upload)
                except forms.ValidationError as exc:
                    self.add_error(f"document_{kind}", exc)
            elif self.held_uploads and kind in self.held_uploads.files:
                # Used exactly as if it had been uploaded now.
                data[f"document_{kind}"] = self.held_uploads.open(kind)
        chosen = data.get("recommenders")
        needed = self.rules.recommendations_required
        if chosen is not None and needed and len(chosen) != needed:
            self.add_error(
                "recommenders",
                _("Choose exactly %(count)d member organisations.") % {"count": needed},
            )
        groups = data.get("working_groups")
        if groups is not None and len(groups) < self.rules.min_working_groups:
            self.add_error(
                "working_groups",
                _("Choose at least %(count)d.") % {"count": self.rules.min_working_groups},
            )
        return data

    def document_fields(self):
        return [self[f"document_{kind}"] for kind in self.rules.documents]

    def document_rows(self) -> list[dict[str, Any]]:
        """Each document field with the file held for it from an earlier try (or None)."""
        held = self.held_uploads.files if self.held_uploads else {}
        return [
            {"field": self[f"document_{kind}"], "held": held.get(kind)}
            for kind in self.rules.documents
        ]

    def error_summary(self) -> list[dict[str, str]]:
        """Every error, in the order of the page, with the id its link jumps to ("" for none)."""
        rows = [{"target": "", "message": str(m)} for m in self.non_field_errors()]
        last = ["recommenders", *(f"declaration_{key}" for key in self.rules.declarations)]
        for name in [*(n for n in self.fields if n not in last), *last]:
            bound = self[name]
            if not bound.errors or bound.is_hidden:
                continue
            target = bound.auto_id
            if bound.use_fieldset:  # several checkboxes: the first one
                target = f"{bound.auto_id}_0"
            for message in bound.errors:
                rows.append({"target": target, "label": str(bound.label), "message": str(message)})
        return rows

    def declaration_fields(self):
        return [self[f"declaration_{key}"] for key in self.rules.declarations]


class RecommendationForm(forms.Form):
    responder_name = forms.CharField(label=_("Your name"), max_length=200)
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AppealForm(forms.Form):
    grounds = forms.CharField(
        label=_("Grounds of the appeal"), min_length=20, widget=forms.Textarea(attrs={"rows": 6})
    )


class DecisionForm(forms.Form):
    admit = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Admit")), ("0", _("Reject"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DATE_WIDGET)
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=100, required=False
    )
    reasons = forms.CharField(
        label=_("Reasons (sent to the applicant)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class BoardOpinionForm(forms.Form):
    opinion = forms.ChoiceField(
        label=_("The Board"),
        choices=[("admit", _("recommends admission")), ("reject", _("recommends rejection"))],
        widget=forms.RadioSelect,
    )
    given_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    reference = forms.CharField(label=_("Board's decision reference"), max_length=100)


class AppealDecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[("1", _("Upheld: back to review")), ("0", _("Dismissed"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    heard_by = forms.CharField(label=_("Heard by"), max_length=200)
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=100, required=False
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class MembershipAppealDecisionForm(forms.Form):
    """The outcome of an appeal against a suspension or an expulsion, heard by the body the
    statute names (shown on the page, not chosen)."""

    upheld = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[
            ("1", _("Upheld: the decision is undone")),
            ("0", _("Dismissed: the decision stands")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Date of the decision on the appeal"), widget=DATE_WIDGET)
    decision_reference = forms.CharField(
        label=_("Decision reference (of the body's meeting)"), max_length=100, required=False
    )
    reasons = forms.CharField(
        label=_("Reasons (sent to the organisation)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class PaperAppealForm(forms.Form):
    """An appeal that reached the secretariat on paper, recorded on the organisation's behalf."""

    received_on = forms.DateField(label=_("Received on"), widget=DATE_WIDGET)
    lodged_by = forms.CharField(label=_("Signed by"), max_length=200)
    grounds = forms.CharField(
        label=_("Grounds of the appeal"), min_length=20, widget=forms.Textarea(attrs={"rows": 6})
    )


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    effective_on = forms.DateField(label=_("Effective on"), widget=DATE_WIDGET)
    decided_by = forms.CharField(label=_("Decided by (body)"), max_length=200)
    decision_reference = forms.CharField(label=_("Decision"), max_length=100, required=False)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, allowed: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["to_status"]).choices = [
            (s, Membership.Status(s).label) for s in allowed
        ]


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("primary", _("Primary (votes)")), ("alternate", _("Alternate"))],
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV (UTF-8) or XLSX file"))
    dry_run = forms.BooleanField(label=_("Only check the file"), required=False, initial=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file may be at most 10 MB."))
        return upload


class ProfileForm(Versioned, forms.Form):
    """An organisation's profile as its representative edits it (translated texts in the page's
    language); it carries the version it was read at, like the office's edit forms."""

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._versioned(organisation)

    short_name = forms.CharField(label=_("Short name"), max_length=200, required=False)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    website = forms.URLField(label=_("Website"), required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    fields_of_work = forms.CharField(label=_("Fields of work"), max_length=500, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    legal_name = forms.CharField(
        label=_("Legal name"),
        max_length=300,
        help_text=_("Changes to legal data wait for the secretariat's approval."),
    )
    registration_number = forms.CharField(label=_("Registration number"), max_length=50)
    registration_date = forms.DateField(
        label=_("Registration date"), widget=DATE_WIDGET, required=False
    )


class ConsentForm(Versioned, forms.Form):
    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._versioned(organisation)

    public_email = forms.BooleanField(label=_("Show our e-mail"), required=False)
    public_phone = forms.BooleanField(label=_("Show our phone"), required=False)
    public_website = forms.BooleanField(label=_("Show our website"), required=False)
    public_address = forms.BooleanField(label=_("Show our address"), required=False)


# --- The secretariat's people pages (views/office_people.py) -------------------------------

LIVE_STATUSES = (
    Membership.Status.APPLIED,
    Membership.Status.UNDER_REVIEW,
    Membership.Status.ADMITTED,
    Membership.Status.SUSPENDED,
)
ROLE_CHOICES = [("primary", _("Primary (votes)")), ("alternate", _("Alternate"))]


def _live_organisations(field: forms.Field, platform: Platform) -> None:
    """Limit an (already platform-scoped) organisation field to the platform's live members."""
    field = cast("forms.ModelChoiceField[Organisation]", field)
    assert field.queryset is not None  # declared with one
    field.queryset = field.queryset.filter(
        pk__in=Membership.objects.filter(platform=platform, status__in=LIVE_STATUSES).values(
            "organisation"
        )
    )


class PersonForm(OfficeForm):
    """A person's name and contacts. No user account here: accounts come from invitations."""

    first_name_en = forms.CharField(label=_("First name (English)"), max_length=100)
    last_name_en = forms.CharField(label=_("Last name (English)"), max_length=100)
    first_name_az = forms.CharField(
        label=_("First name (Azerbaijani)"), max_length=100, required=False
    )
    last_name_az = forms.CharField(
        label=_("Last name (Azerbaijani)"), max_length=100, required=False
    )
    first_name_ru = forms.CharField(label=_("First name (Russian)"), max_length=100, required=False)
    last_name_ru = forms.CharField(label=_("Last name (Russian)"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)

    PERSON_FIELDS = (
        "first_name_en",
        "last_name_en",
        "first_name_az",
        "last_name_az",
        "first_name_ru",
        "last_name_ru",
        "email",
        "phone",
    )


class PersonCreateForm(PersonForm):
    """A new person comes with the organisation they represent: that is how they belong to the
    platform (and how its secretariat finds them again)."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Represents"), queryset=Organisation.objects.order_by("legal_name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)
    since = forms.DateField(label=_("Since"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _live_organisations(self.fields["organisation"], self.platform)


class RepresentativeAssignForm(OfficeForm):
    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.order_by("last_name", "first_name")
    )
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("legal_name")
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ROLE_CHOICES,
        help_text=_("A new primary representative replaces the current one."),
    )
    since = forms.DateField(label=_("Since"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _live_organisations(self.fields["organisation"], self.platform)


class RepresentativeEndForm(OfficeForm):
    until = forms.DateField(label=_("Last day"))
    confirm = forms.BooleanField(
        label=_("I confirm: this person no longer speaks for the organisation after this day.")
    )
