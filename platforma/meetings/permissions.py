"""Who may see and change meeting records.

The back office of a platform's meetings (attendance, proxies, votes, minutes, the mandate
dashboard) is for the users who manage the platform (``core.permissions.can_manage_platform``).
Anonymous visitors are sent to log in; a logged-in user of another platform gets 404, so nothing
leaks. The register of decisions is public, limited to the decisions marked public.
"""

from __future__ import annotations

from platforma.core.office import office_view

# The meetings' back office is an office page like every other (core.office).
platform_manager_required = office_view
