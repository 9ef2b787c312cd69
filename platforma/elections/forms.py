"""Reading a ballot form (online or a teller's paper entry) and the back office's forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platforma.core.models import Person
from platforma.governance.models import Body, Office
from platforma.members.models import Organisation

from .models import Election


def ballot_widget(election: Election) -> str:
    """How the ballot form asks: "rank" (numbers), "check" (boxes) or "radio" (one choice)."""
    if election.is_ranked:
        return "rank"
    if election.method == Election.Method.APPROVAL or election.seats > 1:
        return "check"
    return "radio"


def choices_from_post(election: Election, data, keys: list[str]) -> list[str]:
    """The candidate keys the form marks, in order of preference for ranked ballots."""
    widget = ballot_widget(election)
    if widget == "radio":
        choice = data.get("choice", "")
        return [] if choice in ("", "blank") else [choice]
    if widget == "check":
        return data.getlist("choice")
    ranks: dict[int, str] = {}
    for key in keys:
        raw = (data.get(f"rank-{key}") or "").strip()
        if not raw:
            continue
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationError(_("Preferences are whole numbers from 1."))
        if int(raw) in ranks:
            raise ValidationError(
                _("Two candidates have preference %(rank)s; give each a different number.")
                % {"rank": raw}
            )
        ranks[int(raw)] = key
    order = sorted(ranks)
    if order != list(range(1, len(order) + 1)):
        raise ValidationError(_("Number your preferences 1, 2, 3 … without gaps."))
    return [ranks[rank] for rank in order]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ElectionForm(forms.Form):
    title_en = forms.CharField(label=gettext_lazy("Title (English)"), max_length=200)
    title_az = forms.CharField(
        label=gettext_lazy("Title (Azerbaijani)"), max_length=200, required=False
    )
    title_ru = forms.CharField(
        label=gettext_lazy("Title (Russian)"), max_length=200, required=False
    )
    body = forms.ModelChoiceField(label=gettext_lazy("Electing body"), queryset=Body.objects.none())
    office = forms.ModelChoiceField(
        label=gettext_lazy("Office"), queryset=Office.objects.none(), required=False
    )
    method = forms.ChoiceField(label=gettext_lazy("Method"), choices=Election.Method.choices)
    seats = forms.IntegerField(label=gettext_lazy("Seats"), min_value=1, initial=1)
    term_starts_on = forms.DateField(
        label=gettext_lazy("Term starts on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    nominations_close_at = forms.DateTimeField(
        label=gettext_lazy("Nominations close at"), required=False, widget=DateTimeInput()
    )
    voting_opens_at = forms.DateTimeField(
        label=gettext_lazy("Voting opens at"), widget=DateTimeInput()
    )
    voting_closes_at = forms.DateTimeField(
        label=gettext_lazy("Voting closes at"), widget=DateTimeInput()
    )
    meeting_reference = forms.CharField(
        label=gettext_lazy("Meeting"), max_length=200, required=False
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(platform=platform)
        self.fields["office"].queryset = Office.objects.filter(platform=platform)


class NominationForm(forms.Form):
    person = forms.ModelChoiceField(label=gettext_lazy("Candidate"), queryset=Person.objects.none())
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Candidate's organisation"), queryset=Organisation.objects.none()
    )
    nominated_by = forms.ModelChoiceField(
        label=gettext_lazy("Nominated by"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=gettext_lazy("Self-nomination"),
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(memberships__platform=platform).distinct()
        self.fields["organisation"].queryset = organisations
        self.fields["nominated_by"].queryset = organisations
        self.fields["person"].queryset = (
            Person.objects.filter(
                representations__organisation__memberships__platform=platform,
                representations__until__isnull=True,
            )
            .distinct()
            .order_by("last_name", "first_name")
        )


class ProxyForm(forms.Form):
    grantor = forms.ModelChoiceField(
        label=gettext_lazy("Organisation giving its vote"), queryset=Organisation.objects.none()
    )
    holder = forms.ModelChoiceField(
        label=gettext_lazy("Organisation holding the proxy"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(memberships__platform=platform).distinct()
        self.fields["grantor"].queryset = organisations
        self.fields["holder"].queryset = organisations


class SecondRoundForm(forms.Form):
    """The window of a second round; times are read in the platform's time zone by the view."""

    voting_opens_at = forms.DateTimeField(
        label=gettext_lazy("Voting opens at"), widget=DateTimeInput()
    )
    voting_closes_at = forms.DateTimeField(
        label=gettext_lazy("Voting closes at"), widget=DateTimeInput()
    )


class ProxyGiveForm(forms.Form):
    """A primary representative gives their organisation's vote to another member."""

    grantor = forms.ModelChoiceField(
        label=gettext_lazy("Your organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
    )
    holder = forms.ModelChoiceField(
        label=gettext_lazy("Give its vote to"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, grantors, holders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grantor"].queryset = grantors
        self.fields["holder"].queryset = holders
