"""The members' personal data: representatives, applications' contact persons, recommendations.

Kept: who represented an organisation (the record of who spoke and voted for it; the person's
name follows the shared person's fate, core.personal_data) and an application's documents (the
organisation's papers on which the admission was decided). Erased: the contact person's name,
address and phone on this platform's applications, and the name of who answered a
recommendation.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from platforma.core.personal_data import (
    KEEP,
    PSEUDONYMISE,
    Export,
    ExportFile,
    Holder,
    Item,
    erased_address,
    normalise,
    pseudonym,
    record_of,
    register,
)
from platforma.core.types import Actor

from .models import Application, ApplicationDocument, Recommendation, Representative


def _applications(email: str, platform: Any) -> list[Application]:
    address = normalise(email)
    if not address:
        return []
    return list(Application.objects.filter(platform=platform, contact_email__iexact=address))


def _representations(email: str, platform: Any) -> list[Representative]:
    address = normalise(email)
    if not address:
        return []
    return list(
        Representative.objects.filter(
            person__email__iexact=address, organisation__memberships__platform=platform
        )
        .select_related("organisation", "person")
        .distinct()
    )


def _recommendations(email: str, platform: Any) -> list[Recommendation]:
    from platforma.core.models import Person

    address = normalise(email)
    names = (
        {p.full_name for p in Person.objects.filter(email__iexact=address)} if address else set()
    )
    if not names:
        return []
    return list(
        Recommendation.objects.filter(application__platform=platform, responder_name__in=names)
    )


def _export(email: str, platform: Any) -> Export:
    export = Export()
    for rep in _representations(email, platform):
        export.records.append({**record_of(rep), "organisation_name": str(rep.organisation)})
    applications = _applications(email, platform)
    for application in applications:
        export.records.append(
            record_of(application, exclude=("token", "declarations"))
            | {"organisation_name": str(application.organisation)}
        )
    for document in ApplicationDocument.objects.filter(application__in=applications):
        export.records.append(record_of(document))
        export.files.append(
            ExportFile(
                name=f"application-{document.application_id}/{document.pk}-{document.original_name}",
                file=document.file,
            )
        )
    export.records += [record_of(r, exclude=("token",)) for r in _recommendations(email, platform)]
    return export


def _platforms(email: str) -> set[int]:
    address = normalise(email)
    if not address:
        return set()
    return set(
        Application.objects.filter(contact_email__iexact=address).values_list(
            "platform_id", flat=True
        )
    )


def _describe(email: str, platform: Any) -> list[Item]:
    applications = _applications(email, platform)
    return [
        Item(
            _("representative of an organisation"),
            len(_representations(email, platform)),
            KEEP,
            _(
                "The record of who represented the organisation stays; the name follows "
                "the person's line."
            ),
        ),
        Item(_("application's contact person"), len(applications), PSEUDONYMISE),
        Item(
            _("application documents"),
            ApplicationDocument.objects.filter(application__in=applications).count(),
            KEEP,
            _("The organisation's papers on which its admission was decided."),
        ),
        Item(_("answer to a recommendation"), len(_recommendations(email, platform)), PSEUDONYMISE),
    ]


def _erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    applications = _applications(email, platform)
    for application in applications:
        application.contact_name = pseudonym(email)
        application.contact_email = erased_address(email)
        application.contact_phone = ""
        application.save(
            update_fields=["contact_name", "contact_email", "contact_phone", "updated_at"]
        )
    recommendations = _recommendations(email, platform)
    for recommendation in recommendations:
        recommendation.responder_name = pseudonym(email)
        recommendation.save(update_fields=["responder_name", "updated_at"])
    return {
        "application_contacts_pseudonymised": len(applications),
        "recommendations_pseudonymised": len(recommendations),
        "representations_kept": len(_representations(email, platform)),
    }


register(
    Holder(
        name="members",
        export=_export,
        describe=_describe,
        erase=_erase,
        platforms=_platforms,
        order=20,
    )
)
