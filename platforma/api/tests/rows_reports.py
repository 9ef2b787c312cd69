from .matrix import PUBLIC, Row

# Public reads: the published reports only (the demo platform's 2014 report is published).
ROWS = {
    "report_list": Row(lambda d: "/api/v1/platforms/azerbaijan/reports", PUBLIC),
    "report_detail": Row(lambda d: "/api/v1/platforms/azerbaijan/reports/2014", PUBLIC),
}
