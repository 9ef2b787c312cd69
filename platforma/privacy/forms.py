from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from platforma.core.office import OfficeForm


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)


class RefuseForm(OfficeForm):
    reason = forms.CharField(
        label=_("Reason (sent to the person)"), widget=forms.Textarea(attrs={"rows": 4})
    )
