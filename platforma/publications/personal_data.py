"""The publications' personal data: stakeholders (a person, or an organisation's contact).

A person stakeholder is pseudonymised (name, address, phone, postal address, notes; consent
withdrawn); an organisation keeps its name and loses its contact person and address. What was
sent to it (distributions) stays, so the annual report's figures do not change. An author of a
publication keeps their name (the published work's record).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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

from .models import Publication, Stakeholder


def _stakeholders(email: str, platform: Any) -> QuerySet[Stakeholder]:
    address = normalise(email)
    if not address:
        return Stakeholder.objects.none()
    return Stakeholder.objects.filter(platform=platform, email__iexact=address)


def _export(email: str, platform: Any) -> Export:
    records = [record_of(s) for s in _stakeholders(email, platform)]
    address = normalise(email)
    if address:
        authored = Publication.objects.filter(
            platform=platform, author_persons__email__iexact=address
        ).distinct()
        records += [
            {"type": "publications.authorship", "publication_id": p.pk, "title": p.title}
            for p in authored
        ]
    return Export(records=records)


def _platforms(email: str) -> set[int]:
    address = normalise(email)
    if not address:
        return set()
    return set(
        Stakeholder.objects.filter(email__iexact=address).values_list("platform_id", flat=True)
    )


def _describe(email: str, platform: Any) -> list[Item]:
    rows = _stakeholders(email, platform)
    return [
        Item(_("stakeholder (a person)"), rows.filter(kind="person").count(), PSEUDONYMISE),
        Item(
            _("contact person of a stakeholder organisation"),
            rows.filter(kind="organisation").count(),
            ERASE,
            _("The organisation stays, without its contact person and address."),
        ),
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    counts = {"stakeholders_pseudonymised": 0, "stakeholder_contacts_erased": 0}
    for stakeholder in _stakeholders(email, platform):
        if stakeholder.kind == Stakeholder.Kind.PERSON:
            stakeholder.name = pseudonym(email)
            stakeholder.address = stakeholder.notes = ""
            counts["stakeholders_pseudonymised"] += 1
        else:
            counts["stakeholder_contacts_erased"] += 1
        stakeholder.contact_name = stakeholder.phone = ""
        stakeholder.consent_to_contact = False
        stakeholder.consent_note = ""
        stakeholder.consent_recorded_at = timezone.now()
        # The name and address are unique together: an organisation of the same name without
        # an address may exist already.
        taken = (
            Stakeholder.objects.filter(platform=platform, name=stakeholder.name, email="")
            .exclude(pk=stakeholder.pk)
            .exists()
        )
        stakeholder.email = erased_address(email) if taken else ""
        stakeholder.save()
    return counts


def _public_record(person_ids: list[int]) -> list[str]:
    count = Publication.objects.filter(author_persons__in=person_ids).distinct().count()
    if not count:
        return []
    return [
        ngettext("author of %(count)d publication", "author of %(count)d publications", count)
        % {"count": count}
    ]


register(
    Holder(
        name="publications",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        public_record=_public_record,
        order=40,
    )
)
