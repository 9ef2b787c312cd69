"""Rows of the working groups' office pages in the permission matrix."""

from platforma.testing.matrix import OFFICE


def _group(d):
    return d["platform"].working_groups.get(slug="wg1").pk


def _enrolment(d):
    from platforma.workinggroups.models import Enrolment

    return Enrolment.objects.filter(working_group__platform=d["platform"]).first().pk


MATRIX = {
    "workinggroups:office-group-list": (lambda d: ["azerbaijan"], OFFICE),
    "workinggroups:office-group-detail": (lambda d: ["azerbaijan", _group(d)], OFFICE),
    "workinggroups:office-enrolment-end": (lambda d: ["azerbaijan", _enrolment(d)], OFFICE),
}
POST_ONLY = {
    "workinggroups:office-enrolment-add": lambda d: ["azerbaijan", _group(d)],
}
