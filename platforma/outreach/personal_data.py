"""The mailings' personal data: who was written to, their choices of mail and language.

Erasure keeps what was sent (the recipient rows, so a mailing's figures stay) under a
pseudonym, forgets a chosen language and a wish to receive mail, and keeps an opt-out under the
erased address (``core.personal_data.erased_address``, derived from a keyed hash of the address):
the address itself is gone, yet the same address met again can be recognised as one that asked
not to be written to.
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

from .models import MailingRecipient, MailLanguage, MailPreference


def _recipients(email: str, platform: Any) -> QuerySet[MailingRecipient]:
    address = normalise(email)
    if not address:
        return MailingRecipient.objects.none()
    return MailingRecipient.objects.filter(mailing__platform=platform, email__iexact=address)


def _preferences(email: str, platform: Any) -> QuerySet[MailPreference]:
    return MailPreference.objects.filter(platform=platform, email__iexact=normalise(email) or "-")


def _languages(email: str, platform: Any) -> QuerySet[MailLanguage]:
    return MailLanguage.objects.filter(platform=platform, email__iexact=normalise(email) or "-")


def _export(email: str, platform: Any) -> Export:
    records = [
        record_of(r, exclude=("token",)) | {"mailing": str(r.mailing)}
        for r in _recipients(email, platform).select_related("mailing")
    ]
    records += [record_of(p) for p in _preferences(email, platform)]
    records += [record_of(lang) for lang in _languages(email, platform)]
    return Export(records=records)


def _describe(email: str, platform: Any) -> list[Item]:
    prefs = _preferences(email, platform)
    return [
        Item(
            _("recipient of a mailing"),
            _recipients(email, platform).count(),
            PSEUDONYMISE,
            _("The mailing's figures stay."),
        ),
        Item(
            _("refusal of a kind of mail"),
            prefs.filter(subscribed=False).count(),
            PSEUDONYMISE,
            _("Kept under a pseudonymous address, so that the address is never written to again."),
        ),
        Item(
            _("choice of mail or language"),
            prefs.filter(subscribed=True).count() + _languages(email, platform).count(),
            ERASE,
        ),
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    hidden = erased_address(email)
    recipients = 0
    for recipient in _recipients(email, platform):
        recipient.email, recipient.name = hidden, pseudonym(email)
        recipient.save(update_fields=["email", "name"])
        recipients += 1
    opt_outs = 0
    for preference in _preferences(email, platform).filter(subscribed=False):
        if MailPreference.objects.filter(
            platform=platform, email=hidden, topic=preference.topic
        ).exists():
            preference.delete()
        else:
            preference.email = hidden
            preference.save(update_fields=["email"])
        opt_outs += 1
    wishes, _rows = _preferences(email, platform).filter(subscribed=True).delete()
    languages, _rows = _languages(email, platform).delete()
    return {
        "mailing_recipients_pseudonymised": recipients,
        "opt_outs_kept_pseudonymised": opt_outs,
        "mail_choices_erased": wishes + languages,
    }


register(Holder(name="outreach", export=_export, describe=_describe, erase=_erase, order=35))
