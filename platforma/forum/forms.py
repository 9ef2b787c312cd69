"""Forms of the Forum's pages: they collect input, the services decide (forum.services)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from platforma.core.office import DateInput, DateTimeInput
from platforma.workinggroups.models import ForumWorkingGroup

from .models import DelegateApplication, DelegateCall
from .services.delegates import Applicant, criterion_label


class ApplicationForm(forms.Form):
    """A representative's application: for which organisation, in which working group, why,
    and the person who would go."""

    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    working_group: forms.ModelChoiceField[ForumWorkingGroup] = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=ForumWorkingGroup.objects.order_by("number"),
        empty_label=None,
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why your organisation should be a delegate, and what it brings."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    gender = forms.ChoiceField(label=_("Gender"), choices=DelegateApplication.Gender.choices)

    def __init__(self, *args: Any, applicants: Sequence[Applicant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (a.organisation.pk, f"{a.organisation} · {a.platform}") for a in applicants
        ]
        self.fields["first_name"].help_text = _("The person who would go to the Assembly.")


class AnnouncementForm(forms.Form):
    """A new Annual Assembly and its call for delegates."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=200)
    place = forms.CharField(label=_("Place"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    opens_at = forms.DateTimeField(label=_("Applications open at"), widget=DateTimeInput())
    closes_at = forms.DateTimeField(label=_("Deadline for applications"), widget=DateTimeInput())

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Time zone: %(zone)s") % {"zone": zone}


class AssemblyEditForm(AnnouncementForm):
    """The Assembly's facts and its call's dates (the year stays)."""

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, zone=zone, **kwargs)
        del self.fields["year"]


class RankingForm(forms.Form):
    """A platform's ranking of its applicants: one place per application, 1 the best."""

    def __init__(
        self, *args: Any, applications: Sequence[DelegateApplication], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.applications = list(applications)
        for application in self.applications:
            self.fields[f"rank_{application.pk}"] = forms.IntegerField(
                label=_("Place of %(name)s (%(organisation)s)")
                % {"name": application.full_name, "organisation": application.organisation},
                min_value=1,
                max_value=max(len(self.applications), 1),
                initial=application.platform_rank,
            )

    def rows(self) -> list[tuple[DelegateApplication, forms.BoundField]]:
        return [(a, self[f"rank_{a.pk}"]) for a in self.applications]

    def ranks(self) -> dict[int, int]:
        return {a.pk: int(self.cleaned_data[f"rank_{a.pk}"]) for a in self.applications}


class ScoreForm(forms.Form):
    """The Forum secretariat's marks for one application, one per criterion of the sheet."""

    def __init__(
        self, *args: Any, call: DelegateCall, application: DelegateApplication, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(call.criteria)
        for criterion in self.criteria:
            key = str(criterion["key"])
            self.fields[f"mark_{key}"] = forms.IntegerField(
                label=criterion_label(key),
                min_value=0,
                max_value=int(criterion["max"]),
                initial=application.scores.get(key),
                help_text=_("From 0 to %(max)s; weight %(weight)s.")
                % {"max": criterion["max"], "weight": criterion["weight"]},
            )

    def marks(self) -> dict[str, int]:
        return {str(c["key"]): int(self.cleaned_data[f"mark_{c['key']}"]) for c in self.criteria}
