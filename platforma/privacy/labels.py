"""What an erasure did, in words: the holders' counts (``core.personal_data``) as the request's
page shows them."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

COUNTS: dict[str, Promise] = {
    "registrations_pseudonymised": _("registrations pseudonymised"),
    "stakeholders_pseudonymised": _("stakeholders (persons) pseudonymised"),
    "stakeholder_contacts_erased": _("contact persons of stakeholders erased"),
    "application_contacts_pseudonymised": _("applications' contact persons pseudonymised"),
    "recommendations_pseudonymised": _("answers to recommendations pseudonymised"),
    "representations_kept": _("representations kept"),
    "delegate_applications_pseudonymised": _("delegate applications pseudonymised"),
    "mailing_recipients_pseudonymised": _("mailing recipients pseudonymised"),
    "opt_outs_kept_pseudonymised": _("opt-outs kept under a pseudonymous address"),
    "mail_choices_erased": _("mail choices erased"),
    "mandates_kept": _("mandates kept"),
    "candidacies_kept": _("candidacies kept"),
    "meeting_attendances_kept": _("attendances at meetings kept"),
    "accounts_deactivated": _("user accounts deactivated"),
    "accounts_kept": _("user accounts kept (another platform)"),
    "authenticators_removed": _("authenticators removed"),
    "mails_pseudonymised": _("outgoing e-mails stripped of the address and text"),
    "persons_pseudonymised": _("persons pseudonymised"),
    "persons_contact_erased": _("persons' address and phone erased, name kept"),
    "persons_kept": _("persons kept (another platform)"),
    "kept_for_another_platform": _("another platform holds records of the address"),
}


def done_lines(counts: dict[str, Any]) -> list[tuple[str, int]]:
    """(what, how many) for every count above zero, in the order above (unknown keys last)."""
    known = [(str(label), int(counts[key])) for key, label in COUNTS.items() if counts.get(key)]
    return known + [(key, int(n)) for key, n in counts.items() if key not in COUNTS and n]
