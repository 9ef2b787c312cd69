from platforma.meetings.models import Decision

from .matrix import PUBLIC, Row


def _decision(d):
    decision = Decision.objects.filter(platform=d["platform"], is_public=True).first()
    return f"/api/v1/platforms/azerbaijan/decisions/{decision.pk}"


ROWS = {
    "body_list": Row(lambda d: "/api/v1/platforms/azerbaijan/bodies", PUBLIC),
    "decision_list": Row(lambda d: "/api/v1/platforms/azerbaijan/decisions", PUBLIC),
    "decision_detail": Row(_decision, PUBLIC),
}
