from .matrix import OFFICE, Row

ROWS = {
    "meeting_list": Row(lambda d: "/api/v1/platforms/azerbaijan/meetings", OFFICE),
    "meeting_detail": Row(
        lambda d: f"/api/v1/platforms/azerbaijan/meetings/{d['meeting'].pk}", OFFICE
    ),
    "meeting_attendance": Row(
        lambda d: f"/api/v1/platforms/azerbaijan/meetings/{d['meeting'].pk}/attendance", OFFICE
    ),
}
