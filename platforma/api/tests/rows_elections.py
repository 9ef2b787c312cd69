from .matrix import PUBLIC, Row

# Public reads: the demo election has been counted, so its result and board are public.
ROWS = {
    "election_list": Row(lambda d: "/api/v1/platforms/azerbaijan/elections", PUBLIC),
    "election_detail": Row(
        lambda d: f"/api/v1/platforms/azerbaijan/elections/{d['election'].pk}", PUBLIC
    ),
    "election_board": Row(
        lambda d: f"/api/v1/platforms/azerbaijan/elections/{d['election'].pk}/board", PUBLIC
    ),
}
