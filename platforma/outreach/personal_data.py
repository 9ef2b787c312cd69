"""The mailings' personal data: who was written to (the recipients' snapshots), the opt-outs
and the chosen language, per platform and address (registered with core.personal_data).

On erasure a recipient row keeps its place in the mailing's counts (sent, failed, bounced) with
an undeliverable address and a pseudonym, and its unsubscribe link stops working; an opt-out is
kept under the undeliverable address (the ledger's figures), the language choice is deleted.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from platforma.core.personal_data import (
    ERASE,
    PSEUDONYMISE,
    Export,
    Holder,
    Item,
    erased_address,
    normalise,
    pseudonym,
    record_of,
    register,
)
from platforma.core.types import Actor

from .models import MailingRecipient, MailLanguage, MailPreference, new_token


def _recipients(email: str, platform: Any) -> QuerySet[MailingRecipient]:
    address = normalise(email)
    if not address:
        return MailingRecipient.objects.none()
    return MailingRecipient.objects.filter(mailing__platform=platform, email=address)


def _choices(email: str, platform: Any) -> tuple[QuerySet[MailPreference], QuerySet[MailLanguage]]:
    address = normalise(email)
    return (
        MailPreference.objects.filter(platform=platform, email=address),
        MailLanguage.objects.filter(platform=platform, email=address),
    )


def _export(email: str, platform: Any) -> Export:
    records = []
    for recipient in _recipients(email, platform).select_related("mailing"):
        record = record_of(recipient, exclude=("token",))
        record["mailing"] = recipient.mailing.name
        records.append(record)
    preferences, languages = _choices(email, platform)
    records += [record_of(p) for p in preferences]
    records += [record_of(lang) for lang in languages]
    return Export(records=records)


def _platforms(email: str) -> set[int]:
    address = normalise(email)
    if not address:
        return set()
    return (
        set(
            MailingRecipient.objects.filter(email=address).values_list(
                "mailing__platform_id", flat=True
            )
        )
        | set(MailPreference.objects.filter(email=address).values_list("platform_id", flat=True))
        | set(MailLanguage.objects.filter(email=address).values_list("platform_id", flat=True))
    )


def _describe(email: str, platform: Any) -> list[Item]:
    preferences, languages = _choices(email, platform)
    return [
        Item(
            _("recipient of a mailing"),
            _recipients(email, platform).count(),
            PSEUDONYMISE,
            _("The mailing's counts stay; the address and name do not."),
        ),
        Item(
            _("unsubscribed from the platform's mail"),
            preferences.count(),
            PSEUDONYMISE,
            _("The opt-out stays, without the address."),
        ),
        Item(_("language chosen for the platform's mail"), languages.count(), ERASE),
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    pseudonymised = 0
    for recipient in _recipients(email, platform):
        recipient.email = erased_address(email)
        recipient.name = pseudonym(email)
        recipient.token = new_token()
        recipient.error = ""
        recipient.save(update_fields=["email", "name", "token", "error"])
        pseudonymised += 1
    preferences, languages = _choices(email, platform)
    # An opt-out stays (under the undeliverable address): the ledger keeps its count of
    # unsubscribed and bounced; the language choice goes.
    kept = preferences.update(email=erased_address(email))
    deleted = languages.delete()[0]
    return {
        "mailing_recipients_pseudonymised": pseudonymised,
        "mail_preferences_pseudonymised": kept,
        "mail_languages_erased": deleted,
    }


register(
    Holder(
        name="outreach",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        order=35,
    )
)
