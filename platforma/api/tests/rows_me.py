from .matrix import ROLES, SIGNED_IN, Row

# Only the representative represents the organisation; the others get 404 for it.
OWN = {**dict.fromkeys(ROLES, 404), "anonymous": 401, "representative": 200}

ROWS = {
    "me_detail": Row(lambda d: "/api/v1/me", SIGNED_IN),
    "me_organisation_list": Row(lambda d: "/api/v1/me/organisations", SIGNED_IN),
    "me_organisation_update": Row(
        lambda d: f"/api/v1/me/organisations/{d['membership'].organisation_id}",
        OWN,
        "patch",
        lambda d: {"acronym": "CCO"},
    ),
}
