"""Rows of the members app's people and appeals pages in the permission matrix (the
registry's older pages are still listed in core/tests/test_permission_matrix.py)."""

from platforma.testing.matrix import LOGIN, NOT_FOUND, OFFICE, REPRESENTATIVES, ROLES

# A door to an object nobody in the walk may reach: logging in first, then nothing.
NO_SUCH = {**dict.fromkeys(ROLES, NOT_FOUND), "anonymous": LOGIN}


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
    # Appeals (docs/members.md, "Appeals"). A representative's own decisions: the walk's
    # representative has none to appeal, so the list says so and any decision is not found.
    "members:my-appeals": (lambda d: ["azerbaijan"], REPRESENTATIVES),
    "members:my-appeal-lodge": (lambda d: ["azerbaijan", 999999], NO_SUCH),
    "members:office-appeal-list": (lambda d: ["azerbaijan"], OFFICE),
    "members:office-appeal-detail": (lambda d: ["azerbaijan", 999999], NO_SUCH),
    "members:office-membership-appeal-record": (
        lambda d: ["azerbaijan", d["membership"].pk],
        OFFICE,
    ),
}
