"""Forms: the public registration, and the organisers' office (they only collect input)."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from platforma.core import languages
from platforma.core.office import OfficeForm, OfficeModelForm
from platforma.members.models import Organisation
from platforma.members.selectors import members_in_good_standing

from .models import Event, EventFile, Registration


def member_organisations(platform):
    return Organisation.objects.filter(
        memberships__in=members_in_good_standing(platform).values("pk")
    ).order_by("legal_name")


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
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
    # A honeypot: hidden from people (a class of activities.css, aria-hidden, out of the tab
    # order), filled by scripts that fill every field. Filled, the request is answered as a
    # success and nothing is written or sent.
    fax = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, **kwargs)
        # Building the members-in-good-standing query costs more than the rest of a
        # registration; a submission that names no member organisation does not need it.
        if not self.is_bound or self.data.get(self.add_prefix("organisation")):
            cast(
                forms.ModelChoiceField, self.fields["organisation"]
            ).queryset = member_organisations(platform)


class WalkInForm(OfficeForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=Organisation.objects.none(), required=False
    )
    organisation_name = forms.CharField(
        label=_("Other organisation"), max_length=300, required=False
    )
    consent_public = forms.BooleanField(label=_("May be listed publicly"), required=False)

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = member_organisations(
            platform
        )


# --- The office (the platform's organisers) ------------------------------------------------

LANGUAGE_NAMES = {"en": _("In English"), "az": _("In Azerbaijani"), "ru": _("In Russian")}
TRANSLATED = ("title", "description", "aims", "outcomes", "city", "venue", "partners", "donors")


class EventForm(OfficeModelForm):
    """An event's facts; the service checks them (times, window, limits, kinds, groups)."""

    class Meta:
        model = Event
        fields = [
            "kind",
            "custom_kind",
            *[f"{name}_{code}" for code in languages.codes() for name in TRANSLATED],
            "starts_at",
            "ends_at",
            "all_day",
            "online_url",
            "languages",
            "working_groups",
            "is_public",
            "registration_enabled",
            "registration_opens_at",
            "registration_closes_at",
            "capacity",
            "seats_per_organisation",
            "recorded_count",
            "recorded_count_precision",
            "recorded_count_unit",
        ]
        widgets = {"working_groups": forms.CheckboxSelectMultiple}

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        self.instance.platform = platform  # the model's own checks compare kinds to it
        self.fields["title_en"].required = True
        custom_kind = cast(forms.ModelChoiceField, self.fields["custom_kind"])
        assert custom_kind.queryset is not None  # a model form's choice of a foreign key
        custom_kind.queryset = custom_kind.queryset.order_by("slug")
        for code in languages.codes():
            for name in ("title", "city", "venue"):
                self.fields[f"{name}_{code}"].widget = forms.TextInput(
                    attrs={
                        "maxlength": cast(models.CharField, Event._meta.get_field(name)).max_length
                    }
                )

    def fieldsets(self):
        """(legend, fields) groups for the template: the facts, then each language."""
        facts = ["kind", "custom_kind", "starts_at", "ends_at", "all_day", "online_url"]
        groups = [(_("The event"), facts + ["languages", "working_groups", "is_public"])]
        for code in languages.codes():
            groups.append((LANGUAGE_NAMES[code], [f"{n}_{code}" for n in TRANSLATED]))
        groups.append(
            (
                _("Registration"),
                [
                    "registration_enabled",
                    "registration_opens_at",
                    "registration_closes_at",
                    "capacity",
                    "seats_per_organisation",
                ],
            )
        )
        groups.append(
            (
                _("Participants known only by a number"),
                ["recorded_count", "recorded_count_precision", "recorded_count_unit"],
            )
        )
        return [(legend, [self[name] for name in names]) for legend, names in groups]

    def service_arguments(self) -> dict:
        """``cleaned_data`` as the event services take it."""
        data = dict(self.cleaned_data)
        return {"working_groups": list(data.pop("working_groups")), **data}


class EventCancelForm(OfficeForm):
    reason = forms.CharField(
        label=_("Why is the event cancelled?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Every registrant receives this by e-mail, and the event's page shows it."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand: every registration is cancelled and its registrant told. "
            "This cannot be undone."
        )
    )


class EventFileForm(OfficeForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventFile.Kind.choices)
    upload = forms.FileField(
        label=_("File"),
        help_text=_("Photos: JPEG, PNG, GIF or WebP. Documents: PDF. At most 10 MB."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    is_public = forms.BooleanField(
        label=_("Public (shown on the event's page)"), required=False, initial=True
    )


class ConfirmForm(OfficeForm):
    """A second step for an action that cannot be undone, that works without JavaScript."""

    confirm = forms.BooleanField(label=_("Yes, I am sure"))


class MessageForm(OfficeForm):
    audience = forms.ChoiceField(
        label=_("To"),
        choices=[
            ("live", _("Everyone with a place or on the waitlist")),
            ("confirmed", _("Confirmed participants only")),
            ("waitlisted", _("The waitlist only")),
        ],
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Plain text. Each registrant's message ends with the link to their place."),
    )
    confirm = forms.BooleanField(label=_("Send it now (e-mails cannot be called back)"))


class CheckInManyForm(OfficeForm):
    registrations = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=Registration.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one participant to check in.")},
    )

    def __init__(self, *args, platform, event=None, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        # Every registration of the event: the service names those who cannot be checked in.
        if event is not None:
            cast(
                forms.ModelChoiceField, self.fields["registrations"]
            ).queryset = Registration.objects.filter(event=event)


class EventKindForm(OfficeForm):
    slug = forms.SlugField(label=_("Short name in addresses (slug)"), max_length=50)
    name_en = forms.CharField(label=_("Name in English"), max_length=100)
    name_az = forms.CharField(label=_("Name in Azerbaijani"), max_length=100, required=False)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=100, required=False)


class OfficeRegistrationForm(OfficeForm):
    """Someone registered by the organisers (outside the public window, too)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=Organisation.objects.all(), required=False
    )
    organisation_name = forms.CharField(
        label=_("Other organisation"), max_length=300, required=False
    )
    consent_public = forms.BooleanField(label=_("May be listed publicly"), required=False)
    notify = forms.BooleanField(
        label=_("Send them the confirmation e-mail"), required=False, initial=True
    )

    def __init__(self, *args, platform, **kwargs):
        super().__init__(*args, platform=platform, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = member_organisations(
            platform
        )
