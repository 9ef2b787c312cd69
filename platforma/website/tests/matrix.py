"""The website's rows in the permission matrix (merged by core/tests/test_permission_matrix.py)."""

from platforma.testing.matrix import OFFICE, PUBLIC


def _outgoing_mail(d):
    """One of the demo platform's e-mails (the demo's tellers are written to as it loads)."""
    from platforma.core.models import OutgoingMail

    return OutgoingMail.objects.filter(platform=d["platform"]).first()


MATRIX = {
    "website:transparency": (lambda d: ["azerbaijan"], PUBLIC),
    "website:office-mail-list": (lambda d: ["azerbaijan"], OFFICE),
}
POST_ONLY = {
    "website:office-mail-retry": lambda d: ["azerbaijan", _outgoing_mail(d).pk],
}
