"""Writes to publications, language versions, signatures, stakeholders and distributions.

Each service checks that the actor manages the platform of every object it is handed
(``core.tenancy.require_manage``; ``actor=None`` is the system) and records one audit entry.
"""

from .distributions import (
    distribution_email,
    distribution_record,
    distribution_record_aggregate,
    distribution_remove,
)
from .publications import (
    PUBLICATION_FIELDS,
    publication_create,
    publication_sign,
    publication_update,
    publication_version_add,
    publication_version_remove,
    signature_remove,
)
from .stakeholders import (
    MERGE_FIELDS,
    STAKEHOLDER_FIELDS,
    ImportResult,
    stakeholder_consent_set,
    stakeholder_create,
    stakeholder_delete,
    stakeholder_update,
    stakeholders_export,
    stakeholders_import,
    stakeholders_merge,
    stakeholders_merging,
)

__all__ = [
    "MERGE_FIELDS",
    "PUBLICATION_FIELDS",
    "STAKEHOLDER_FIELDS",
    "ImportResult",
    "distribution_email",
    "distribution_record",
    "distribution_record_aggregate",
    "distribution_remove",
    "publication_create",
    "publication_sign",
    "publication_update",
    "publication_version_add",
    "publication_version_remove",
    "signature_remove",
    "stakeholder_consent_set",
    "stakeholder_create",
    "stakeholder_delete",
    "stakeholder_update",
    "stakeholders_export",
    "stakeholders_import",
    "stakeholders_merge",
    "stakeholders_merging",
]
