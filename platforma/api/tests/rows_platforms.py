from .matrix import PUBLIC, Row

ROWS = {
    "platform_list": Row(lambda d: "/api/v1/platforms", PUBLIC),
    "platform_detail": Row(lambda d: "/api/v1/platforms/azerbaijan", PUBLIC),
}
