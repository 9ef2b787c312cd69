"""Forms of the working groups' office pages. They collect input; the services check and write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from platforma.core import languages
from platforma.core.office import OfficeForm
from platforma.members.models import Membership

from .models import WorkingGroup


class MembershipChoiceField(forms.ModelChoiceField):  # generic only in the stubs
    def label_from_instance(self, obj: Membership) -> str:
        return obj.organisation.legal_name


class EnrolForm(OfficeForm):
    membership = MembershipChoiceField(
        label=_("Member organisation"),
        queryset=Membership.objects.select_related("organisation").order_by(
            "organisation__legal_name"
        ),
        help_text=_("Only members in good standing on that day can join."),
    )
    since = forms.DateField(label=_("Since"))

    def __init__(self, *args: Any, working_group: WorkingGroup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Members not in the group today; the service checks good standing on the day chosen.
        field = cast(MembershipChoiceField, self.fields["membership"])
        assert field.queryset is not None  # declared with one above
        field.queryset = field.queryset.filter(status=Membership.Status.ADMITTED).exclude(
            enrolments__working_group=working_group, enrolments__until__isnull=True
        )


class EnrolmentEndForm(OfficeForm):
    until = forms.DateField(label=_("Last day in the group"))
    confirm = forms.BooleanField(
        label=_("I confirm: the organisation leaves the working group on this day.")
    )


LANGUAGE_NAMES = {"en": _("in English"), "az": _("in Azerbaijani"), "ru": _("in Russian")}


class WorkingGroupTextForm(OfficeForm):
    """The texts of a group's page, in each language (the default language's name required)."""

    def __init__(self, *args: Any, working_group: WorkingGroup, **kwargs: Any) -> None:
        initial = {
            f"{name}_{code}": getattr(working_group, f"{name}_{code}") or ""
            for name in ("name", "description")
            for code in languages.codes()
        }
        kwargs.setdefault("initial", initial)
        super().__init__(*args, versioned=working_group, **kwargs)
        for i, code in enumerate(languages.codes()):
            language = LANGUAGE_NAMES.get(code, code)
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language},
                max_length=200,
                required=i == 0,
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 6}),
                required=False,
            )
        # The version field first added by ``versioned``: keep it, after the texts.
        version = self.fields.pop("seen_version", None)
        if version is not None:
            self.fields["seen_version"] = version
