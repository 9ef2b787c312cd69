"""Reading a ballot form (online or a teller's paper entry) and the back office's forms."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platforma.core.models import Person
from platforma.core.office import DateInput, OfficeForm
from platforma.core.tenancy import scoped
from platforma.governance.models import Body, Office
from platforma.members.models import Organisation

from .models import Election
from .selectors import teller_choices


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


class _ElectionSettings(OfficeForm):
    """What the secretariat sets on an election; the service checks it (rules, seats)."""

    title_en = forms.CharField(label=gettext_lazy("Title (English)"), max_length=200)
    title_az = forms.CharField(
        label=gettext_lazy("Title (Azerbaijani)"), max_length=200, required=False
    )
    title_ru = forms.CharField(
        label=gettext_lazy("Title (Russian)"), max_length=200, required=False
    )
    office: forms.ModelChoiceField[Office] = forms.ModelChoiceField(
        label=gettext_lazy("Office"),
        queryset=Office.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("None (seats of another kind)"),
    )
    method = forms.ChoiceField(label=gettext_lazy("Method"), choices=Election.Method.choices)
    seats = forms.IntegerField(label=gettext_lazy("Seats"), min_value=1, initial=1)
    term_starts_on = forms.DateField(
        label=gettext_lazy("Term starts on"),
        required=False,
        widget=DateInput(),
        help_text=gettext_lazy("Needed with an office: the first day of the elected's mandate."),
    )
    nominations_close_at = forms.DateTimeField(
        label=gettext_lazy("Nominations close at"), required=False
    )
    voting_opens_at = forms.DateTimeField(label=gettext_lazy("Voting opens at"))
    voting_closes_at = forms.DateTimeField(label=gettext_lazy("Voting closes at"))
    meeting_reference = forms.CharField(
        label=gettext_lazy("Meeting"), max_length=200, required=False
    )


class ElectionForm(_ElectionSettings):
    """A new election (a draft)."""

    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        label=gettext_lazy("Electing body"), queryset=Body.objects.order_by("name")
    )
    field_order = ["title_en", "title_az", "title_ru", "body"]


class ElectionEditForm(_ElectionSettings):
    """An election's settings, in its draft or while nominations are open."""

    nominations_open_at = forms.DateTimeField(
        label=gettext_lazy("Nominations open at"), required=False
    )
    field_order = [
        "title_en",
        "title_az",
        "title_ru",
        "office",
        "method",
        "seats",
        "term_starts_on",
        "nominations_open_at",
        "nominations_close_at",
    ]

    @staticmethod
    def initial_for(election: Election) -> dict:
        names = [*ElectionEditForm.base_fields]
        initial = {name: getattr(election, name) for name in names if name != "office"}
        initial["office"] = election.office_id
        return initial

    def changes(self) -> dict:
        """The cleaned values as the service takes them (empty optional text: none)."""
        data = dict(self.cleaned_data)
        for name in ("title_az", "title_ru", "meeting_reference"):
            data[name] = data.get(name) or None
        return data


class NominationForm(OfficeForm):
    """A nomination of someone already in the registry (a current representative)."""

    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=gettext_lazy("Candidate"), queryset=Person.objects.none()
    )
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Candidate's organisation"),
        queryset=Organisation.objects.order_by("legal_name"),
    )
    nominated_by: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Nominated by"),
        queryset=Organisation.objects.order_by("legal_name"),
        required=False,
        empty_label=gettext_lazy("Self-nomination"),
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        representing = Person.objects.filter(
            representations__organisation__memberships__platform=platform,
            representations__until__isnull=True,
        )
        cast(forms.ModelChoiceField, self.fields["person"]).queryset = scoped(
            Person.objects.order_by("last_name", "first_name"), platform
        ).filter(pk__in=representing.values("pk"))


class NewCandidateForm(OfficeForm):
    """A candidate who is not in the registry yet: the service adds them, then nominates."""

    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=100)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=100)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Candidate's organisation"),
        queryset=Organisation.objects.order_by("legal_name"),
        help_text=gettext_lazy(
            "A member of this platform. The candidate becomes one of its alternate "
            "representatives from today: a candidate represents their organisation."
        ),
    )
    nominated_by: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Nominated by"),
        queryset=Organisation.objects.order_by("legal_name"),
        required=False,
        empty_label=gettext_lazy("Self-nomination"),
    )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "organisation": data["organisation"],
            "nominated_by": data["nominated_by"],
            "new_person": {k: data[k] for k in ("first_name", "last_name", "email")},
        }


class ProxyForm(OfficeForm):
    grantor: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Organisation giving its vote"),
        queryset=Organisation.objects.order_by("legal_name"),
    )
    holder: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Organisation holding the proxy"),
        queryset=Organisation.objects.order_by("legal_name"),
    )


class TellerChoiceField(forms.ModelMultipleChoiceField):
    """Users by name and user name (a person's name where the account has one)."""

    def label_from_instance(self, obj) -> str:
        person = getattr(obj, "person", None)
        name = person.full_name if person is not None else obj.get_full_name()
        return f"{name} ({obj.get_username()})" if name else obj.get_username()


class TellersForm(OfficeForm):
    """The election's tellers and how many of their shares open the ballot box."""

    users = TellerChoiceField(
        label=gettext_lazy("Tellers"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "People of the back office or representatives of members. Each takes one share of "
            "the key that opens the ballots, on their own page, before voting opens."
        ),
    )
    needed = forms.IntegerField(
        label=gettext_lazy("Shares needed to open the ballots"),
        min_value=1,
        initial=2,
        help_text=gettext_lazy(
            "At closing, this many tellers enter their share; fewer open nothing."
        ),
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        users = self.fields["users"]
        assert isinstance(users, TellerChoiceField)
        # Offered: accounts that can log in (a teller takes their share on their own page).
        users.queryset = (
            teller_choices(platform)
            .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
            .select_related("person")
        )


class SecondRoundForm(OfficeForm):
    """The window of a second round, read in the platform's time zone."""

    voting_opens_at = forms.DateTimeField(label=gettext_lazy("Voting opens at"))
    voting_closes_at = forms.DateTimeField(label=gettext_lazy("Voting closes at"))


class ProxyGiveForm(forms.Form):
    """A primary representative gives their organisation's vote to another member."""

    grantor: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Your organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
    )
    holder: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=gettext_lazy("Give its vote to"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, grantors, holders, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["grantor"]).queryset = grantors
        cast(forms.ModelChoiceField, self.fields["holder"]).queryset = holders
