"""What a person chose about a platform's mail: unsubscribing (from one kind of mail or from
everything) through the personal link of a message, without logging in, and their language."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from platforma.core import audit
from platforma.core.models import Platform
from platforma.core.personal_data import normalise
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.publications.models import Stakeholder
from platforma.publications.services import stakeholders as stakeholder_services

from ..models import ALL_TOPICS, Audience, MailingRecipient, MailLanguage, MailPreference


def record_preference(
    *, platform: Platform, email: str, topic: str, source: str, subscribed: bool = False
) -> MailPreference:
    """Set one address's choice for one kind of mail (a ledger row per address and kind)."""
    preference, _created = MailPreference.objects.update_or_create(
        platform=platform,
        email=normalise(email),
        topic=topic,
        defaults={"subscribed": subscribed, "source": source, "changed_at": timezone.now()},
    )
    return preference


@transaction.atomic
def address_mark_bounced(
    *, actor: Actor, platform: Platform, email: str, actor_label: str = ""
) -> MailPreference:
    """A hard bounce reported for an address (no message of a mailing to mark): the address
    gets none of the platform's mailings any more."""
    require_manage(actor, platform)
    preference = record_preference(
        platform=platform, email=email, topic=ALL_TOPICS, source=MailPreference.Source.BOUNCE
    )
    audit.record(
        "outreach.address.bounced",
        actor=actor,
        actor_label=actor_label,
        platform=platform,
        data={"preference": preference.pk},
    )
    return preference


@transaction.atomic
def preference_unsubscribe(
    *,
    actor: Actor = None,
    recipient: MailingRecipient,
    everything: bool = False,
    one_click: bool = False,
) -> MailPreference:
    """The recipient of a message asks for no more of its kind (or of anything) from the
    platform. Anyone holding the message's link may do it: the link is the proof. A message of
    this address not yet written (a mailing being sent) is skipped."""
    mailing = recipient.mailing
    topic = ALL_TOPICS if everything else mailing.audience
    source = MailPreference.Source.ONE_CLICK if one_click else MailPreference.Source.LINK
    preference = record_preference(
        platform=mailing.platform, email=recipient.email, topic=topic, source=source
    )
    if recipient.source == MailingRecipient.Source.STAKEHOLDER and topic in (
        ALL_TOPICS,
        Audience.STAKEHOLDERS,
    ):
        _withdraw_consent(recipient)
    audit.record(
        "outreach.preference.unsubscribed",
        actor=actor,
        actor_label="" if actor else "recipient",
        target=mailing,
        data={"recipient": recipient.pk, "topic": topic, "source": source},
    )
    return preference


@transaction.atomic
def preference_language(
    *, actor: Actor = None, recipient: MailingRecipient, language: str
) -> MailLanguage:
    """The language the recipient wants the platform's next mailings in."""
    choice, _created = MailLanguage.objects.update_or_create(
        platform=recipient.mailing.platform,
        email=normalise(recipient.email),
        defaults={"language": language, "changed_at": timezone.now()},
    )
    audit.record(
        "outreach.preference.language",
        actor=actor,
        actor_label="" if actor else "recipient",
        target=recipient.mailing,
        data={"recipient": recipient.pk, "language": language},
    )
    return choice


def _withdraw_consent(recipient: MailingRecipient) -> None:
    """The stakeholder's own record says so too (its consent withdrawn, source "the unsubscribe
    link"), so that the stakeholders' office shows what the ledger holds."""
    stakeholder = Stakeholder.objects.filter(
        platform=recipient.mailing.platform, pk=recipient.source_id, email__iexact=recipient.email
    ).first()
    withdraw = getattr(stakeholder_services, "stakeholder_consent_set", None)
    if stakeholder is None or withdraw is None or not stakeholder.consent_to_contact:
        return
    withdraw(
        actor=None,
        actor_label="unsubscribe link",
        stakeholder=stakeholder,
        consent=False,
        source="unsubscribe",
    )
