"""Back-office forms. They only collect input; the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from platforma.governance.selectors import mandates_in_force
from platforma.members.models import Membership

from .models import Meeting, Motion, Vote
from .selectors import eligible_memberships


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.organisation.display_name


def _members(meeting: Meeting):
    return (
        eligible_memberships(meeting)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    )


class CheckInForm(forms.Form):
    membership = MembershipChoiceField(queryset=Membership.objects.none(), label=_("Organisation"))
    delegate_name = forms.CharField(
        label=_("Delegate, if not the primary representative"), required=False, max_length=200
    )

    def __init__(self, *args, meeting: Meeting, present: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = _members(meeting).exclude(pk__in=present)


class ProxyForm(forms.Form):
    giver = MembershipChoiceField(
        queryset=Membership.objects.none(), label=_("Organisation giving its vote")
    )
    holder = MembershipChoiceField(
        queryset=Membership.objects.none(), label=_("To the delegate of")
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["giver"].queryset = _members(meeting)
        self.fields["holder"].queryset = _members(meeting)


class MotionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Motion.Kind.choices)
    proposer = MembershipChoiceField(
        queryset=Membership.objects.none(), label=_("Proposed by"), required=False
    )
    is_secret = forms.BooleanField(label=_("Secret vote"), required=False)
    subject_membership = MembershipChoiceField(
        queryset=Membership.objects.none(),
        label=_("Organisation concerned (admission, suspension, expulsion)"),
        required=False,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposer"].queryset = _members(meeting)
        self.fields["subject_membership"].queryset = (
            Membership.objects.filter(platform=meeting.platform)
            .select_related("organisation")
            .order_by("organisation__legal_name")
        )
        self.fields["subject_mandate"] = forms.ModelChoiceField(
            queryset=mandates_in_force(meeting.platform, meeting.date),
            label=_("Mandate concerned (no confidence)"),
            required=False,
        )


class VotesForm(forms.Form):
    """One radio group per organisation present or represented."""

    def __init__(self, *args, voters: list[tuple[Membership, bool]], initial_votes: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = []
        for membership, by_proxy in voters:
            name = f"m{membership.pk}"
            self.fields[name] = forms.ChoiceField(
                label=membership.organisation.display_name,
                choices=Vote.Choice.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=initial_votes.get(membership.pk),
            )
            self.voters.append((membership, by_proxy, name))

    def choices(self) -> dict[Membership, str]:
        return {
            membership: self.cleaned_data[name]
            for membership, _by_proxy, name in self.voters
            if self.cleaned_data.get(name)
        }

    def rows(self):
        for membership, by_proxy, name in self.voters:
            yield membership, by_proxy, self[name]


class TotalsForm(forms.Form):
    votes_for = forms.IntegerField(label=_("For"), min_value=0)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0)
    votes_abstain = forms.IntegerField(label=_("Abstentions"), min_value=0)


class NarrativeForm(forms.Form):
    secretary = forms.CharField(label=_("Secretary"), max_length=200, required=False)
    narrative = forms.CharField(
        label=_("Narrative"), widget=forms.Textarea(attrs={"rows": 10}), required=False
    )


class ApproveForm(forms.Form):
    at_meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(), label=_("Approved at the meeting")
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = Meeting.objects.filter(
            body=meeting.body, starts_at__gt=meeting.starts_at
        ).order_by("starts_at")
