from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Event, NotificationPreference


class PreferenceForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        required=False,
        choices=[("", _("As for the platform's mail, else the site's"))] + list(settings.LANGUAGES),
    )

    class Meta:
        model = NotificationPreference
        fields = [*Event.values, "language"]
