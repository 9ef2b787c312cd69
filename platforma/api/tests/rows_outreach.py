from .matrix import OFFICE, Row

# (Typed as ``Row`` wants it: ``matrix.OFFICE`` is inferred as dict[str, int].)
SECRETARIAT: dict[str, int | set[int]] = {**OFFICE}


def mailing_id(data) -> int:
    """A draft mailing of the demo platform (the world has none): made once, then reused."""
    from platforma.outreach.models import Mailing

    mailing, _created = Mailing.objects.get_or_create(
        platform=data["platform"], name="The permission walk's mailing", audience="stakeholders"
    )
    return mailing.pk


ROWS = {
    "mailing_list": Row(lambda d: "/api/v1/platforms/azerbaijan/mailings", SECRETARIAT),
    "mailing_detail": Row(
        lambda d: f"/api/v1/platforms/azerbaijan/mailings/{mailing_id(d)}", SECRETARIAT
    ),
}
