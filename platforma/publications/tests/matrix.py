"""The publications office's rows of the permission matrix (merged by the core walk)."""

from platforma.testing.matrix import OFFICE


def _publication(d):
    return d["publication"]


def _signed(d):
    from platforma.publications.models import Signature

    return Signature.objects.filter(publication__platform=d["platform"]).first()


def _distribution(d):
    from platforma.publications.models import Distribution

    return Distribution.objects.filter(platform=d["platform"]).first()


def _stakeholder(d):
    from platforma.publications.models import Stakeholder

    return Stakeholder.objects.filter(platform=d["platform"]).first()


def _two_stakeholders(d):
    """The demo platform has three stakeholders: the merge page of the first two."""
    from platforma.publications.models import Stakeholder

    first, second = Stakeholder.objects.filter(platform=d["platform"]).order_by("pk")[:2]
    return [first.pk, second.pk]


def _version(d):
    """The demo has no files: a version row without one is enough to reach its pages."""
    from platforma.publications.models import PublicationVersion

    version, _created = PublicationVersion.objects.get_or_create(
        publication=d["publication"], language="en"
    )
    return version


MATRIX = {
    "publications:office-publication-list": (lambda d: ["azerbaijan"], OFFICE),
    "publications:office-publication-create": (lambda d: ["azerbaijan"], OFFICE),
    "publications:office-publication-edit": (
        lambda d: ["azerbaijan", _publication(d).pk],
        OFFICE,
    ),
    "publications:office-version-remove": (lambda d: ["azerbaijan", _version(d).pk], OFFICE),
    "publications:office-signature-remove": (lambda d: ["azerbaijan", _signed(d).pk], OFFICE),
    "publications:office-distribution-create": (
        lambda d: ["azerbaijan", _publication(d).pk],
        OFFICE,
    ),
    "publications:office-distribution-aggregate": (
        lambda d: ["azerbaijan", _publication(d).pk],
        OFFICE,
    ),
    # "E-mail it to stakeholders" opens a mailing draft with the publication attached.
    "publications:office-distribution-email": (
        lambda d: ["azerbaijan", _publication(d).pk],
        {**OFFICE, "secretariat": 302, "forum": 302},
    ),
    "publications:office-distribution-remove": (
        lambda d: ["azerbaijan", _distribution(d).pk],
        OFFICE,
    ),
    "publications:office-stakeholder-list": (lambda d: ["azerbaijan"], OFFICE),
    "publications:office-stakeholder-create": (lambda d: ["azerbaijan"], OFFICE),
    "publications:office-stakeholder-import": (lambda d: ["azerbaijan"], OFFICE),
    "publications:office-stakeholder-edit": (
        lambda d: ["azerbaijan", _stakeholder(d).pk],
        OFFICE,
    ),
    "publications:office-stakeholder-export": (lambda d: ["azerbaijan", "csv"], OFFICE),
    "publications:office-stakeholder-delete": (
        lambda d: ["azerbaijan", _stakeholder(d).pk],
        OFFICE,
    ),
    "publications:office-stakeholder-duplicates": (lambda d: ["azerbaijan"], OFFICE),
    "publications:office-stakeholder-merge": (
        lambda d: ["azerbaijan", *_two_stakeholders(d)],
        OFFICE,
    ),
}
POST_ONLY = {
    "publications:office-version-add": lambda d: ["azerbaijan", _publication(d).pk],
    "publications:office-signature-add": lambda d: ["azerbaijan", _publication(d).pk],
}
