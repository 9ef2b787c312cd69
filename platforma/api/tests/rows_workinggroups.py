from platforma.workinggroups.models import WorkingGroup

from .matrix import PUBLIC, Row

BASE = "/api/v1/platforms/azerbaijan"


def _slug(d):
    return WorkingGroup.objects.filter(platform=d["platform"]).order_by("pk").first().slug


ROWS = {
    "working_group_list": Row(lambda d: f"{BASE}/working-groups", PUBLIC),
    "working_group_detail": Row(lambda d: f"{BASE}/working-groups/{_slug(d)}", PUBLIC),
}
