"""Rows of the members app's people pages in the permission matrix (the registry's older pages
are still listed in core/tests/test_permission_matrix.py)."""

from platforma.testing.matrix import OFFICE


def _person(d):
    from platforma.core.models import Person

    return (
        Person.objects.filter(representations__organisation__memberships__platform=d["platform"])
        .order_by("pk")
        .first()
        .pk
    )


def _representative(d):
    from platforma.members.models import Representative

    return (
        Representative.objects.filter(organisation__memberships__platform=d["platform"])
        .order_by("pk")
        .first()
        .pk
    )


MATRIX = {
    "members:office-person-list": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-person-create": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-person-edit": (lambda d: ["azerbaijan", _person(d)], OFFICE),
    "members:office-representative-assign": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-representative-end": (lambda d: ["azerbaijan", _representative(d)], OFFICE),
}
