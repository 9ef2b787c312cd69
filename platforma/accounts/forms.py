from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ApiToken
from .services import API_TOKEN_MAX_DAYS

# A new token's expiry, unless its owner chooses another day.
API_TOKEN_DEFAULT_DAYS = 90


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_(
            "The 6-digit code your authenticator app shows, or one of your recovery codes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=10,
        help_text=_("The 6-digit code your authenticator app shows for Platforma."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args: object, ask_password: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if ask_password:
            self.fields["password"] = PasswordForm.base_fields["password"]


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Asked again before any change to how you log in."),
    )


class ApiTokenForm(forms.Form):
    """A new personal API token; the service checks the name, the scope and the expiry again."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What will use it, e.g. “Reporting spreadsheet”: you will know it again."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        help_text=_(
            "Read only is enough to fetch data. Read and write can also change, through the "
            "API, what you may change on the site."
        ),
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        today = timezone.localdate()
        field = self.fields["expires_on"]
        field.initial = today + datetime.timedelta(days=API_TOKEN_DEFAULT_DAYS)
        field.help_text = ngettext(
            "The token works until the end of this day: %(days)d day from today at most.",
            "The token works until the end of this day: %(days)d days from today at most.",
            API_TOKEN_MAX_DAYS,
        ) % {"days": API_TOKEN_MAX_DAYS}
        field.widget.attrs["min"] = (today + datetime.timedelta(days=1)).isoformat()
        field.widget.attrs["max"] = (
            today + datetime.timedelta(days=API_TOKEN_MAX_DAYS)
        ).isoformat()
