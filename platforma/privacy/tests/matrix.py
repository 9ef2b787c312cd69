"""The privacy pages' rows of the permission matrix (merged by the core walk)."""

from platforma.testing.matrix import NOWHERE, OFFICE, PUBLIC

# A link nobody was sent: every role finds nothing.
GARBLED = "not-a-token-that-was-sent"


def _erasure(d):
    from platforma.core.personal_data import address_hash
    from platforma.privacy.models import DataRequest

    request, _created = DataRequest.objects.get_or_create(
        platform=d["platform"],
        kind=DataRequest.Kind.ERASURE,
        email="someone@example.org",
        defaults={"email_hash": address_hash("someone@example.org"), "status": "confirmed"},
    )
    return request


MATRIX = {
    "privacy:request": (lambda d: ["azerbaijan"], PUBLIC),
    "privacy:access": (lambda d: ["azerbaijan", GARBLED], NOWHERE),
    "privacy:access-download": (lambda d: ["azerbaijan", GARBLED], NOWHERE),
    "privacy:office-request-list": (lambda d: ["azerbaijan"], OFFICE),
    "privacy:office-request-detail": (lambda d: ["azerbaijan", _erasure(d).pk], OFFICE),
}
POST_ONLY = {
    "privacy:office-request-approve": lambda d: ["azerbaijan", _erasure(d).pk],
    "privacy:office-request-refuse": lambda d: ["azerbaijan", _erasure(d).pk],
}
POST_HIDDEN = {
    "privacy:access-erase": lambda d: ["azerbaijan", GARBLED],
}
