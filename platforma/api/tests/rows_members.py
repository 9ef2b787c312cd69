from .matrix import OFFICE, PUBLIC, Row

BASE = "/api/v1/platforms/azerbaijan"

ROWS = {
    "organisation_list": Row(lambda d: f"{BASE}/organisations", PUBLIC),
    "organisation_detail": Row(
        lambda d: f"{BASE}/organisations/{d['membership'].organisation_id}", PUBLIC
    ),
    "membership_list": Row(lambda d: f"{BASE}/memberships", OFFICE),
    "membership_detail": Row(lambda d: f"{BASE}/memberships/{d['membership'].pk}", OFFICE),
    "application_list": Row(lambda d: f"{BASE}/applications", OFFICE),
    "application_detail": Row(lambda d: f"{BASE}/applications/{d['application'].pk}", OFFICE),
}
