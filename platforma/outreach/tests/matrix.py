"""The mailings' rows of the permission matrix (merged by the core walk).

The list and the form are open to working groups' coordinators (for mailings to their own
group's members); the walk's mailing is the secretariat's, to stakeholders, so its pages are a
404 to a coordinator as to a representative. The unsubscribe page is anyone's who holds a
message's link (here the example link of previews and tests).
"""

from platforma.testing.matrix import OFFICE, OK, PUBLIC

COORDINATED = {**OFFICE, "coordinator": OK}


def _mailing(d):
    from platforma.outreach import services
    from platforma.outreach.models import Mailing

    found = Mailing.objects.filter(platform=d["platform"], name="Matrix news").first()
    if found is not None:
        return found
    return services.mailing_create(
        actor=None,
        platform=d["platform"],
        name="Matrix news",
        audience="stakeholders",
        texts={"en": ("News", "Our news.")},
    )


def _recipient(d):
    from platforma.outreach.models import MailingRecipient

    recipient, _created = MailingRecipient.objects.get_or_create(
        mailing=_mailing(d),
        email="matrix@example.org",
        defaults={"language": "en", "source": "stakeholder", "source_id": 1, "status": "queued"},
    )
    return recipient


def _mailing_args(d):
    return ["azerbaijan", _mailing(d).pk]


MATRIX = {
    "outreach:unsubscribe": (lambda d: ["azerbaijan", "example"], PUBLIC),
    "outreach:office-mailing-list": (lambda d: ["azerbaijan"], COORDINATED),
    "outreach:office-mailing-create": (lambda d: ["azerbaijan"], COORDINATED),
    "outreach:office-mailing-detail": (_mailing_args, OFFICE),
    "outreach:office-mailing-edit": (_mailing_args, OFFICE),
    "outreach:office-mailing-preview": (_mailing_args, OFFICE),
    "outreach:office-mailing-send": (_mailing_args, OFFICE),
    "outreach:office-mailing-cancel": (_mailing_args, OFFICE),
    "outreach:office-recipient-bounce": (lambda d: ["azerbaijan", _recipient(d).pk], OFFICE),
}
POST_ONLY = {
    "outreach:office-mailing-test": _mailing_args,
    "outreach:office-mailing-resume": _mailing_args,
}
