"""Who may draft, edit, approve and publish annual reports.

A platform's report: its secretariat (``can_manage_platform``, which includes the Forum's
secretariat). The Forum-wide report: the Forum's secretariat. Everyone reads published reports.
"""

from __future__ import annotations

from platforma.core.models import Platform
from platforma.core.permissions import can_manage_platform, is_forum_secretariat


def can_manage_reports(user, platform: Platform | None) -> bool:
    if platform is None:
        return is_forum_secretariat(user)
    return can_manage_platform(user, platform)
