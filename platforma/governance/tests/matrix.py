"""Rows of the governance office pages in the permission matrix."""

from platforma.testing.matrix import OFFICE


def _office(d):
    from platforma.governance.models import Office

    return Office.objects.filter(platform=d["platform"]).order_by("pk").first().pk


def _mandate(d):
    from platforma.governance.models import Mandate

    return Mandate.objects.filter(office__platform=d["platform"]).order_by("-pk").first().pk


def _statute(d):
    from platforma.core.models import Statute

    return Statute.objects.filter(platform=d["platform"]).first().pk


MATRIX = {
    "governance:office-office-list": (lambda d: ["azerbaijan"], OFFICE),
    "governance:office-office-create": (lambda d: ["azerbaijan"], OFFICE),
    "governance:office-office-detail": (lambda d: ["azerbaijan", _office(d)], OFFICE),
    "governance:office-mandate-end": (lambda d: ["azerbaijan", _mandate(d)], OFFICE),
    "governance:office-statute-list": (lambda d: ["azerbaijan"], OFFICE),
    "governance:office-statute-adopt": (lambda d: ["azerbaijan"], OFFICE),
    "governance:office-statute-detail": (lambda d: ["azerbaijan", _statute(d)], OFFICE),
}
POST_ONLY = {
    "governance:office-mandate-start": lambda d: ["azerbaijan", _office(d)],
}
