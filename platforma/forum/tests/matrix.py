"""Rows of the Forum's pages in the permission matrix: its public pages, the Annual Assembly's,
and the Forum office's (which spans platforms: any platform's secretariat gets in and sees only
its own platform's part)."""

from platforma.testing.matrix import LOGIN, NOT_FOUND, OFFICE, OK, PUBLIC

# The Forum office spans platforms: any platform's secretariat gets in (and sees only its own
# platform's applications); a representative finds nothing.
FORUM_OFFICE = {
    "anonymous": LOGIN,
    "representative": NOT_FOUND,
    "other_secretariat": OK,
    "secretariat": OK,
    "forum": OK,
}
LOGGED_IN = {**PUBLIC, "anonymous": LOGIN}
# Only the Forum's secretariat.
FORUM_ONLY = {**FORUM_OFFICE, "other_secretariat": NOT_FOUND, "secretariat": NOT_FOUND}


def _call(d):
    """The demo's call (load_demo with the Forum), or one made here for the platform's demo
    (load_demo of Azerbaijan alone): open, with an application of an Azerbaijan member."""
    import datetime

    from django.utils import timezone

    from platforma.forum.models import DelegateApplication, DelegateCall
    from platforma.forum.services import delegates
    from platforma.members.models import Membership
    from platforma.testing.factories import ForumFactory
    from platforma.workinggroups.models import ForumWorkingGroup

    call = DelegateCall.objects.select_related("assembly").order_by("-assembly__year").first()
    if call is None:
        ForumFactory()
        now = timezone.now()
        call = delegates.assembly_announce(
            actor=None,
            year=2027,
            title="Annual Assembly 2027",
            starts_on=datetime.date(2027, 11, 10),
            ends_on=datetime.date(2027, 11, 12),
            place="Tbilisi",
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=7),
        )
        call = delegates.call_open(actor=None, call=call)
    if not DelegateApplication.objects.filter(call=call, platform=d["platform"]).exists():
        group, _ = ForumWorkingGroup.objects.get_or_create(number=1, defaults={"name": "WG"})
        member = Membership.objects.filter(platform=d["platform"]).order_by("pk").first()
        DelegateApplication.objects.create(
            call=call,
            platform=d["platform"],
            organisation=member.organisation,
            working_group=group,
            motivation="m",
            first_name="A",
            last_name="B",
            email="a@example.org",
            gender="woman",
        )
    return call


def _forum(d):
    """The Forum's row (the walk's demo is Azerbaijan alone); its public pages need one."""
    from platforma.testing.factories import ForumFactory

    ForumFactory()
    return []


def _year(d):
    return _call(d).assembly.year


def _group(d):
    from platforma.workinggroups.models import ForumWorkingGroup

    group, _ = ForumWorkingGroup.objects.get_or_create(number=1, defaults={"name": "WG"})
    return group.number


def _application(d):
    from platforma.forum.models import DelegateApplication

    call = _call(d)
    rows = DelegateApplication.objects.filter(call=call, platform=d["platform"])
    return rows.order_by("pk").first().pk


MATRIX = {
    "forum:home": (_forum, PUBLIC),
    "forum:steering-committee": (_forum, PUBLIC),
    "forum:workinggroup-list": (_forum, PUBLIC),
    "forum:workinggroup-detail": (lambda d: [*_forum(d), _group(d)], PUBLIC),
    "forum:assembly": (lambda d: [_year(d)], PUBLIC),
    "forum:assembly-apply": (lambda d: [_year(d)], LOGGED_IN),
    "forum:office-assembly-list": (lambda d: [], FORUM_OFFICE),
    "forum:office-assembly": (lambda d: [_year(d)], FORUM_OFFICE),
    "forum:office-assembly-edit": (lambda d: [_year(d)], FORUM_ONLY),
    # azerbaijan's own: another platform's secretariat finds nothing
    "forum:office-assembly-ranking": (lambda d: [_year(d), "azerbaijan"], OFFICE),
    "forum:office-assembly-application": (lambda d: [_year(d), _application(d)], OFFICE),
}
POST_ONLY = {
    # only the Forum's secretariat: a platform's secretariat gets 404 too
    "forum:office-assembly-action": lambda d: [_year(d), "open"],
}
