"""Back-office forms. They only collect input; the services validate and write."""

from __future__ import annotations

import json
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from platforma.core.office import OfficeForm, Versioned
from platforma.governance.models import Body, Mandate
from platforma.governance.selectors import mandates_in_force
from platforma.members.models import Membership

from .models import AgendaItem, Meeting, Minutes, Motion, Vote
from .selectors import eligible_memberships

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return obj.organisation.display_name


class MembershipsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return obj.organisation.display_name


def _members(meeting: Meeting):
    return (
        eligible_memberships(meeting)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    )


class CheckInForm(OfficeForm):
    """Every organisation not yet present, as a checkbox: tick all who arrived, submit once."""

    memberships = MembershipsChoiceField(
        queryset=Membership.objects.none(),
        label=_("Organisations whose delegates arrived"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick the organisations whose delegates arrived.")},
    )

    def __init__(self, *args, meeting: Meeting, present: set[int], **kwargs):
        super().__init__(*args, platform=meeting.platform, **kwargs)
        field = cast(MembershipsChoiceField, self.fields["memberships"])
        field.queryset = _members(meeting).exclude(pk__in=present)
        self._scope(meeting.platform)


class ProxyForm(OfficeForm):
    giver = MembershipChoiceField(
        queryset=Membership.objects.none(), label=_("Organisation giving its vote")
    )
    holder = MembershipChoiceField(
        queryset=Membership.objects.none(), label=_("To the delegate of")
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, platform=meeting.platform, **kwargs)
        cast(MembershipChoiceField, self.fields["giver"]).queryset = _members(meeting)
        cast(MembershipChoiceField, self.fields["holder"]).queryset = _members(meeting)
        self._scope(meeting.platform)


class MotionForm(OfficeForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Motion.Kind.choices)
    agenda_item: forms.ModelChoiceField[AgendaItem] = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(), label=_("Agenda item"), required=False
    )
    proposer = MembershipChoiceField(
        queryset=Membership.objects.none(), label=_("Proposed by"), required=False
    )
    is_secret = forms.BooleanField(label=_("Secret vote"), required=False)
    subject_membership = MembershipChoiceField(
        queryset=Membership.objects.none(),
        label=_("Organisation concerned (admission, suspension, expulsion)"),
        required=False,
    )
    subject_mandate = forms.ModelChoiceField(
        queryset=Mandate.objects.none(),
        label=_("Mandate concerned (no confidence)"),
        required=False,
    )
    statute_title = forms.CharField(
        label=_("Statute change: name of the new version"), max_length=200, required=False
    )
    statute_effective_from = forms.DateField(
        label=_("Statute change: new version in force from"), required=False
    )
    statute_text_url = forms.URLField(
        label=_("Statute change: link to the new text"), required=False
    )
    statute_rules = forms.CharField(
        label=_("Statute change: rules of the new version (JSON)"),
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        required=False,
        help_text=_(
            'The rules of the new version, e.g. {"quorum": {"share": "1/2"}}; '
            "keys left out take their defaults. See docs/statute-rules.md."
        ),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, platform=meeting.platform, **kwargs)
        fields = self.fields
        cast(forms.ModelChoiceField, fields["agenda_item"]).queryset = meeting.agenda.order_by(
            "position"
        )
        cast(MembershipChoiceField, fields["proposer"]).queryset = _members(meeting)
        cast(MembershipChoiceField, fields["subject_membership"]).queryset = (
            Membership.objects.filter(platform=meeting.platform)
            .select_related("organisation")
            .order_by("organisation__legal_name")
        )
        cast(forms.ModelChoiceField, fields["subject_mandate"]).queryset = mandates_in_force(
            meeting.platform, meeting.date
        ).select_related("person", "office")
        self._scope(meeting.platform)

    def clean_statute_rules(self):
        text = self.cleaned_data["statute_rules"].strip()
        if not text:
            return None
        try:
            rules = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                _("The rules are not valid JSON (line %(line)s, column %(column)s: %(problem)s).")
                % {"line": exc.lineno, "column": exc.colno, "problem": exc.msg}
            ) from None
        if not isinstance(rules, dict):
            raise ValidationError(_('The rules must be a JSON object: {"key": value, ...}.'))
        return rules

    def new_statute(self) -> dict | None:
        """The new version for a statute change (the service validates it), else None."""
        data = self.cleaned_data
        if data["kind"] != Motion.Kind.STATUTE_CHANGE:
            return None
        spec = {
            "title": data["statute_title"],
            "effective_from": (
                data["statute_effective_from"].isoformat() if data["statute_effective_from"] else ""
            ),
            "rules": data["statute_rules"] or {},
        }
        if data["statute_text_url"]:
            spec["text_url"] = data["statute_text_url"]
        return spec


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
    """The counts of a secret vote, or of an open vote by a show of hands."""

    votes_for = forms.IntegerField(label=_("For"), min_value=0)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0)
    votes_abstain = forms.IntegerField(label=_("Abstentions"), min_value=0)

    def totals(self) -> tuple[int, int, int]:
        data = self.cleaned_data
        return data["votes_for"], data["votes_against"], data["votes_abstain"]


class PaperTotalsForm(forms.Form):
    """Paper ballots of a secret vote from the floor, added at closing: all blank for none."""

    paper_for = forms.IntegerField(label=_("Paper ballots for"), min_value=0, required=False)
    paper_against = forms.IntegerField(
        label=_("Paper ballots against"), min_value=0, required=False
    )
    paper_abstain = forms.IntegerField(label=_("Paper abstentions"), min_value=0, required=False)

    def totals(self) -> tuple[int, int, int] | None:
        data = self.cleaned_data
        counts = (data.get("paper_for"), data.get("paper_against"), data.get("paper_abstain"))
        if all(n is None for n in counts):
            return None
        return (counts[0] or 0, counts[1] or 0, counts[2] or 0)


class NarrativeForm(Versioned, forms.Form):
    secretary = forms.CharField(label=_("Secretary"), max_length=200, required=False)
    narrative = forms.CharField(
        label=_("Narrative"), widget=forms.Textarea(attrs={"rows": 10}), required=False
    )

    def __init__(
        self, *args: Any, meeting: Meeting, minutes: Minutes | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # Before the first save, the version of empty minutes (the service creates them).
        self._versioned(minutes or Minutes(meeting=meeting))


class ApproveForm(forms.Form):
    at_meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.none(), label=_("Approved at the meeting")
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["at_meeting"]).queryset = Meeting.objects.filter(
            body=meeting.body, starts_at__gt=meeting.starts_at
        ).order_by("starts_at")


class ConfirmForm(forms.Form):
    """A second step for what cannot be undone; works without JavaScript."""

    confirm = forms.BooleanField(
        label=_("I confirm"),
        error_messages={"required": _("Tick the box to confirm.")},
    )


def _texts(
    name: str, label: object, *, required_en: bool, textarea: bool = False, max_length: int = 300
) -> dict[str, forms.Field]:
    """One field per language: ``<name>_en``, ``<name>_az``, ``<name>_ru``."""
    fields: dict[str, forms.Field] = {}
    for code, language in settings.LANGUAGES:
        kwargs: dict[str, Any] = {
            "label": f"{label} ({language})",
            "required": required_en and code == "en",
        }
        if textarea:
            fields[f"{name}_{code}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 3}), **kwargs
            )
        else:
            fields[f"{name}_{code}"] = forms.CharField(max_length=max_length, **kwargs)
    return fields


class MeetingForm(OfficeForm):
    """A meeting's body, kind, texts, time and place; times in the platform's zone."""

    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.all(), label=_("Body")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    starts_at = forms.DateTimeField(label=_("Starts at"))
    ends_at = forms.DateTimeField(label=_("Ends at (planned)"), required=False)
    vote_deadline = forms.DateTimeField(
        label=_("Deadline for written votes"),
        required=False,
        help_text=_("Only for a remote written vote."),
    )
    online_url = forms.URLField(label=_("Online link"), required=False)
    language = forms.ChoiceField(label=_("Language of the minutes"), choices=settings.LANGUAGES)

    def __init__(self, *args, platform, zone: str | None = None, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        self.fields.update(_texts("title", _("Title"), required_en=True, max_length=200))
        self.fields.update(_texts("place", _("Place"), required_en=False))
        self.order_fields(
            [
                "body",
                "kind",
                "title_en",
                "title_az",
                "title_ru",
                "starts_at",
                "ends_at",
                "vote_deadline",
                "place_en",
                "place_az",
                "place_ru",
                "online_url",
                "language",
            ]
        )
        cast(forms.ModelChoiceField, self.fields["body"]).queryset = Body.objects.filter(
            platform=platform
        ).order_by("kind")
        self._scope(platform)
        if zone and zone != platform.time_zone:  # a meeting kept in a zone of its own
            for name in ("starts_at", "ends_at", "vote_deadline"):
                field = self.fields[name]
                field.help_text = str(field.help_text).replace(platform.time_zone, zone)

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        names = ["body", "kind", "starts_at", "ends_at", "vote_deadline", "online_url"]
        initial = {name: getattr(meeting, name) for name in names}
        initial["language"] = meeting.language
        for code, _language in settings.LANGUAGES:
            initial[f"title_{code}"] = getattr(meeting, f"title_{code}", "") or ""
            initial[f"place_{code}"] = getattr(meeting, f"place_{code}", "") or ""
        return initial

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        for code, _language in settings.LANGUAGES:
            for name in ("title", "place"):
                data[f"{name}_{code}"] = data.get(f"{name}_{code}") or ""
        return data


class AgendaItemForm(OfficeForm):
    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        self.fields.update(_texts("title", _("Title"), required_en=True))
        self.fields.update(
            _texts("description", _("Description"), required_en=False, textarea=True)
        )

    @staticmethod
    def initial_for(item: AgendaItem) -> dict:
        initial = {}
        for code, _language in settings.LANGUAGES:
            initial[f"title_{code}"] = getattr(item, f"title_{code}", "") or ""
            initial[f"description_{code}"] = getattr(item, f"description_{code}", "") or ""
        return initial


class AgendaDocumentForm(OfficeForm):
    title_en = forms.CharField(label=_("Title of the document"), max_length=300)
    url = forms.URLField(label=_("Link"), required=False)
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        help_text=_("PDF, ODT, DOCX, JPEG or PNG, judged by its content; at most 10 MB."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if bool(data.get("url")) == bool(data.get("file")):
            raise ValidationError(_("Give a link or choose a file (one of them)."))
        return data
