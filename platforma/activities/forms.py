"""Forms for the public registration and the organisers' check-in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from platforma.members.models import Organisation
from platforma.members.selectors import members_in_good_standing


def member_organisations(platform):
    return Organisation.objects.filter(
        memberships__in=members_in_good_standing(platform).values("pk")
    ).order_by("legal_name")


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organisation = forms.ModelChoiceField(
        label=_("Member organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— not a member / none —"),
    )
    organisation_name = forms.CharField(
        label=_("Other organisation"), max_length=300, required=False
    )
    consent_public = forms.BooleanField(
        label=_("List my name and organisation publicly among the participants"), required=False
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        # Building the members-in-good-standing query costs more than the rest of a
        # registration; a submission that names no member organisation does not need it.
        if not self.is_bound or self.data.get(self.add_prefix("organisation")):
            self.fields["organisation"].queryset = member_organisations(platform)


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=Organisation.objects.none(), required=False
    )
    organisation_name = forms.CharField(
        label=_("Other organisation"), max_length=300, required=False
    )
    consent_public = forms.BooleanField(label=_("May be listed publicly"), required=False)

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = member_organisations(platform)
