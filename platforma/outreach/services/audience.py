"""Who a mailing is written to, and who not and why (docs/mailings.md, "Who receives a mailing").

The rules, per audience (the "kind of mail" a person may opt out of):

- stakeholders (of the categories chosen, or all): only those who consented to be contacted
  (``Stakeholder.consent_to_contact``) and have an address;
- member organisations (all, or those chosen) and a working group's members: the current
  representatives of the organisations whose membership is admitted (members' notices are
  allowed without a separate consent), with an address;
- an event's registrants (confirmed or on the waitlist): mail about that event only;

and never an address that opted out of that kind of mail or of everything from the platform
(an unsubscribe link, a hard bounce: :class:`~platforma.outreach.models.MailPreference`).
An address reached twice (a person representing two organisations) is written to once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from platforma.activities.models import Registration
from platforma.core.models import Platform
from platforma.core.personal_data import erased_address, normalise
from platforma.members.models import Application, Membership, Representative
from platforma.publications.models import Stakeholder
from platforma.workinggroups.models import Enrolment

from ..models import ALL_TOPICS, Audience, Mailing, MailingRecipient, MailLanguage, MailPreference

# Why someone of the audience is not written to.
REASONS = {
    "no_consent": _("did not consent to be contacted"),
    "no_address": _("have no e-mail address"),
    "opted_out": _("unsubscribed from this kind of mail or bounced"),
    "duplicate": _("share an address with another recipient"),
}


@dataclass(frozen=True)
class Candidate:
    email: str
    name: str
    source: str
    source_id: int
    language: str = ""  # a hint from the source (an application's language), if any


@dataclass
class Resolved:
    recipients: list[Candidate] = field(default_factory=list)
    excluded: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.recipients)

    def reasons(self) -> list[tuple[str, int]]:
        """(reason in words, count), for the form's "not written to: M because ..."."""
        return [(str(REASONS[key]), n) for key, n in sorted(self.excluded.items()) if n]


def opted_out(platform: Platform, topic: str) -> set[str]:
    """The addresses that do not want ``topic`` mail from ``platform`` (or any of its mail)."""
    return set(
        MailPreference.objects.filter(
            platform=platform, topic__in=[topic, ALL_TOPICS], subscribed=False
        ).values_list("email", flat=True)
    )


def is_opted_out(platform: Platform, email: str, topic: str) -> bool:
    return MailPreference.objects.filter(
        platform=platform,
        email__in=[normalise(email), erased_address(normalise(email))],
        topic__in=[topic, ALL_TOPICS],
        subscribed=False,
    ).exists()


def _stakeholders(mailing: Mailing, excluded: Counter[str]) -> Iterator[Candidate]:
    rows = Stakeholder.objects.filter(platform=mailing.platform)
    if mailing.categories:
        rows = rows.filter(category__in=mailing.categories)
    fields = ["pk", "name", "contact_name", "email", "consent_to_contact"]
    # A stakeholder's preferred language, where the stakeholders' records keep one.
    has_language = any(f.name == "language" for f in Stakeholder._meta.get_fields())
    for row in rows.order_by("pk").values_list(*fields, *(["language"] if has_language else [])):
        pk, name, contact, email, consent = row[:5]
        if not consent:
            excluded["no_consent"] += 1
        elif not email:
            excluded["no_address"] += 1
        else:
            language = row[5] if has_language else ""
            yield Candidate(
                email, contact or name, MailingRecipient.Source.STAKEHOLDER, pk, language or ""
            )


def _representatives(
    platform: Platform, organisation_ids: Iterable[int] | None, excluded: Counter[str]
) -> Iterator[Candidate]:
    admitted = Membership.objects.filter(platform=platform, status=Membership.Status.ADMITTED)
    if organisation_ids is not None:
        admitted = admitted.filter(organisation_id__in=list(organisation_ids))
    organisations = admitted.values("organisation_id")
    languages = dict(
        Application.objects.filter(platform=platform, organisation_id__in=organisations)
        .order_by("submitted_at")
        .values_list("organisation_id", "language")
    )
    reps = (
        Representative.objects.filter(until__isnull=True, organisation_id__in=organisations)
        .order_by("organisation_id", "role", "pk")
        .values_list(
            "pk", "organisation_id", "person__first_name", "person__last_name", "person__email"
        )
    )
    for pk, organisation_id, first, last, email in reps:
        if not email:
            excluded["no_address"] += 1
            continue
        yield Candidate(
            email,
            f"{first} {last}".strip(),
            MailingRecipient.Source.REPRESENTATIVE,
            pk,
            languages.get(organisation_id, ""),
        )


def _group_members(mailing: Mailing, excluded: Counter[str]) -> Iterator[Candidate]:
    organisations = Enrolment.objects.filter(
        working_group_id=mailing.working_group_id,
        until__isnull=True,
        membership__status=Membership.Status.ADMITTED,
    ).values_list("membership__organisation_id", flat=True)
    return _representatives(mailing.platform, list(organisations), excluded)


def _registrants(mailing: Mailing, excluded: Counter[str]) -> Iterator[Candidate]:
    rows = Registration.objects.filter(
        event=mailing.event,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
    ).order_by("pk")
    for pk, name, email in rows.values_list("pk", "name", "email"):
        yield Candidate(email, name, MailingRecipient.Source.REGISTRANT, pk)


def _candidates(mailing: Mailing, excluded: Counter[str]) -> Iterator[Candidate]:
    if mailing.audience == Audience.STAKEHOLDERS:
        return _stakeholders(mailing, excluded)
    if mailing.audience == Audience.MEMBERS:
        chosen = mailing.organisations or None
        return _representatives(mailing.platform, chosen, excluded)
    if mailing.audience == Audience.WORKING_GROUP:
        return _group_members(mailing, excluded)
    if mailing.audience == Audience.EVENT:
        return _registrants(mailing, excluded)
    return iter(())


def resolve(mailing: Mailing) -> Resolved:
    """The recipients of ``mailing`` as of now, each address once, with their language, and
    the counts of those left out by reason."""
    result = Resolved()
    unwanted = opted_out(mailing.platform, mailing.audience)
    chosen = dict(
        MailLanguage.objects.filter(platform=mailing.platform).values_list("email", "language")
    )
    seen: set[str] = set()
    for candidate in _candidates(mailing, result.excluded):
        email = normalise(candidate.email)
        # An erased person's opt-out is kept under the erased address's keyed pseudonym
        # (core.personal_data): the address typed in again later is still not written to.
        if email in unwanted or erased_address(email) in unwanted:
            result.excluded["opted_out"] += 1
        elif email in seen:
            result.excluded["duplicate"] += 1
        else:
            seen.add(email)
            language = chosen.get(email) or candidate.language or mailing.language
            result.recipients.append(
                Candidate(email, candidate.name, candidate.source, candidate.source_id, language)
            )
    return result
