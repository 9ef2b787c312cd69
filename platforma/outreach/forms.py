"""The office's forms of mailings: they collect input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from platforma.activities.models import Event
from platforma.core.models import Platform
from platforma.core.office import OfficeForm
from platforma.members.models import Membership, Organisation
from platforma.publications.models import Publication, StakeholderCategory
from platforma.workinggroups.models import WorkingGroup

from .models import Audience, Mailing


class MailingForm(OfficeForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("For the office's list; recipients do not see it."),
    )
    audience = forms.ChoiceField(
        label=_("Recipients"), choices=Audience.choices, widget=forms.RadioSelect
    )
    categories = forms.MultipleChoiceField(
        label=_("Stakeholder categories"),
        choices=StakeholderCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every category."),
    )
    organisations: forms.ModelMultipleChoiceField[Organisation] = forms.ModelMultipleChoiceField(
        label=_("Member organisations"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("None chosen: every member organisation."),
    )
    working_group: forms.ModelChoiceField[WorkingGroup] = forms.ModelChoiceField(
        label=_("Working group"), queryset=WorkingGroup.objects.all(), required=False
    )
    event: forms.ModelChoiceField[Event] = forms.ModelChoiceField(
        label=_("Event"), queryset=Event.objects.order_by("-starts_at"), required=False
    )
    publications: forms.ModelMultipleChoiceField[Publication] = forms.ModelMultipleChoiceField(
        label=_("Attach publications"),
        queryset=Publication.objects.order_by("-published_on"),
        required=False,
        help_text=_(
            "Each recipient gets the file in their language, else in the main language. When "
            "the mailing is sent, it is recorded as an e-mail distribution of each."
        ),
    )
    language = forms.ChoiceField(
        label=_("Main language"),
        choices=settings.LANGUAGES,
        help_text=_("Recipients whose language has no text get this one."),
    )

    def __init__(
        self, *args: Any, platform: Platform, groups: frozenset[int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, platform=platform, **kwargs)
        organisations = self.fields["organisations"]
        assert isinstance(organisations, forms.ModelMultipleChoiceField)
        organisations.queryset = Organisation.objects.filter(
            memberships__platform=platform, memberships__status=Membership.Status.ADMITTED
        ).order_by("legal_name")
        if groups is not None:  # a coordinator: their groups' members only
            audience = self.fields["audience"]
            assert isinstance(audience, forms.ChoiceField)
            audience.choices = [(Audience.WORKING_GROUP.value, Audience.WORKING_GROUP.label)]
            group = self.fields["working_group"]
            assert isinstance(group, forms.ModelChoiceField)
            assert group.queryset is not None
            group.queryset = group.queryset.filter(pk__in=groups)
            for name in ("categories", "organisations", "event"):
                del self.fields[name]
        for code, language in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": language},
                max_length=300,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": language},
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                help_text=_(
                    "Plain text. A line with the personal unsubscribe link is added below it."
                ),
            )

    def language_fields(self) -> list[tuple[str, str, forms.BoundField, forms.BoundField]]:
        return [
            (code, str(name), self[f"subject_{code}"], self[f"body_{code}"])
            for code, name in settings.LANGUAGES
        ]

    def texts(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            code: (data.get(f"subject_{code}", ""), data.get(f"body_{code}", ""))
            for code, _name in settings.LANGUAGES
        }

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "audience": data["audience"],
            "language": data["language"],
            "categories": data.get("categories") or [],
            "organisations": [o.pk for o in data.get("organisations") or []],
            "working_group": data.get("working_group"),
            "event": data.get("event"),
            "publications": list(data.get("publications") or []),
            "texts": self.texts(),
        }


def initial_of(mailing: Mailing) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "name": mailing.name,
        "audience": mailing.audience,
        "language": mailing.language,
        "categories": mailing.categories,
        "organisations": mailing.organisations,
        "working_group": mailing.working_group_id,
        "event": mailing.event_id,
        "publications": [p.pk for p in mailing.publications.all()],
    }
    for text in mailing.texts.all():
        initial[f"subject_{text.language}"] = text.subject
        initial[f"body_{text.language}"] = text.body
    return initial


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, I am sure."),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class BounceForm(forms.Form):
    error = forms.CharField(
        label=_("What the mail server answered"), max_length=2000, required=False
    )


class UnsubscribeForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Stop receiving"),
        choices=[
            ("topic", _("this kind of mail")),
            ("all", _("everything from this platform")),
        ],
        initial="topic",
        widget=forms.RadioSelect,
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Write to me in"), choices=settings.LANGUAGES)
