"""The meetings office's rows in the permission matrix (merged by core's walk).

The older meeting pages (detail, check-in, proxies, quorum, motions, minutes) keep their rows in
``core/tests/test_permission_matrix.py``; the pages added for the one door are listed here.
"""

from django.core.files.base import ContentFile

from platforma.testing.matrix import LOGIN, NOT_FOUND, OFFICE, OK, REPRESENTATIVES


def _item(d):
    from platforma.meetings.models import AgendaItem

    return AgendaItem.objects.filter(meeting=d["meeting"]).order_by("position").first()


def _document(d):
    """An uploaded agenda document of the demo meeting (made once: the demo has only links)."""
    from platforma.meetings.models import AgendaDocument

    item = _item(d)
    document = AgendaDocument.objects.filter(item=item).exclude(file="").first()
    if document is None:
        document = AgendaDocument(item=item, title_en="Budget (matrix)")
        document.file.save("budget.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def _decision(d):
    from platforma.meetings.models import Decision

    return Decision.objects.filter(platform=d["platform"]).first()


VOTERS = {
    "anonymous": LOGIN,
    "representative": OK,
    "other_secretariat": NOT_FOUND,
    "secretariat": OK,
    "forum": OK,
}


def _meeting(d):
    return ["azerbaijan", d["meeting"].pk]


MATRIX = {
    "meetings:office-meeting-create": (lambda d: ["azerbaijan"], OFFICE),
    "meetings:office-meeting-edit": (_meeting, OFFICE),
    "meetings:office-meeting-ics": (_meeting, OFFICE),
    "meetings:office-agenda": (_meeting, OFFICE),
    "meetings:office-agenda-item-edit": (lambda d: [*_meeting(d), _item(d).pk], OFFICE),
    # GET is the confirmation step; only its POST removes.
    "meetings:office-agenda-item-remove": (lambda d: [*_meeting(d), _item(d).pk], OFFICE),
    "meetings:office-agenda-document": (lambda d: [*_meeting(d), _document(d).pk], OFFICE),
    # Voting from the floor: the projector is the secretariat's; the vote page is for those who
    # speak for an organisation of the platform (it says when they cannot vote), 404 to others.
    "meetings:projector": (_meeting, OFFICE),
    "meetings:projector-json": (_meeting, OFFICE),
    "meetings:floor-vote-home": (lambda d: ["azerbaijan"], REPRESENTATIVES),
    "meetings:floor-vote": (_meeting, VOTERS),
    "meetings:floor-vote-json": (_meeting, {**VOTERS, "anonymous": NOT_FOUND}),
}

POST_ONLY = {
    "meetings:office-meeting-open": _meeting,
    "meetings:office-meeting-close": _meeting,
    "meetings:office-floor-open": _meeting,
    "meetings:office-floor-close": _meeting,
    "meetings:office-agenda-item-move": lambda d: [*_meeting(d), _item(d).pk],
    "meetings:office-agenda-document-add": lambda d: [*_meeting(d), _item(d).pk],
    "meetings:office-agenda-document-remove": lambda d: [*_meeting(d), _document(d).pk],
    "meetings:office-decision-visibility": lambda d: ["azerbaijan", _decision(d).pk],
}
