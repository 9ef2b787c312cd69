"""Rows of the working groups' office pages in the permission matrix.

Open to the groups' coordinators: the walk's coordinator coordinates WG1, so WG1's pages are
theirs (another group's are a 404 to them: core's test_coordinator_finds_nothing_of_another_group).
"""

from platforma.testing.matrix import COORDINATED


def _group(d):
    return d["platform"].working_groups.get(slug="wg1").pk


def _enrolment(d):
    from platforma.workinggroups.models import Enrolment

    return (
        Enrolment.objects.filter(working_group__platform=d["platform"], working_group__slug="wg1")
        .order_by("pk")
        .first()
        .pk
    )


MATRIX = {
    "workinggroups:office-group-list": (lambda d: ["azerbaijan"], COORDINATED),
    "workinggroups:office-group-detail": (lambda d: ["azerbaijan", _group(d)], COORDINATED),
    "workinggroups:office-group-edit": (lambda d: ["azerbaijan", _group(d)], COORDINATED),
    "workinggroups:office-enrolment-end": (
        lambda d: ["azerbaijan", _enrolment(d)],
        COORDINATED,
    ),
}
POST_ONLY = {
    "workinggroups:office-enrolment-add": lambda d: ["azerbaijan", _group(d)],
}
# POST-only actions a coordinator of WG1 reaches (a bad form answers 400, not 404).
COORDINATED_POST = {"workinggroups:office-enrolment-add"}
