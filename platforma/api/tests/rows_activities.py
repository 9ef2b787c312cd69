from .matrix import OFFICE, PUBLIC, UNAUTHORIZED, Row

EVENT = "/api/v1/platforms/azerbaijan/events/{}"
# (Typed as ``Row`` wants them: ``matrix.PUBLIC``/``OFFICE`` are inferred as dict[str, int].)
ANYONE: dict[str, int | set[int]] = {**PUBLIC}
ORGANISERS: dict[str, int | set[int]] = {**OFFICE}

ROWS = {
    "event_list": Row(lambda d: "/api/v1/platforms/azerbaijan/events", ANYONE),
    "event_detail": Row(lambda d: EVENT.format(d["event"].pk), ANYONE),
    # Any signed-in caller registers with their account's address: the world's users have none
    # but the Forum's secretariat (400, “add one”), who gets a place (201).
    "event_register": Row(
        lambda d: EVENT.format(d["event"].pk) + "/registrations",
        {
            "anonymous": UNAUTHORIZED,
            "representative": {201, 400},
            "other_secretariat": {201, 400},
            "secretariat": {201, 400},
            "forum": {201, 400},
        },
        method="post",
        body=lambda d: {"consent_public": False},
    ),
    "event_registration_list": Row(
        lambda d: EVENT.format(d["event"].pk) + "/registrations", ORGANISERS
    ),
}
