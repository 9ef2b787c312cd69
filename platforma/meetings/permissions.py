"""Who may see and change meeting records.

The back office of a platform's meetings (attendance, proxies, votes, minutes, the mandate
dashboard) is for the users who manage the platform (``core.permissions.can_manage_platform``);
its pages are guarded by ``core.office.office_view`` like every office page: anonymous visitors
are sent to log in, a logged-in user of another platform gets 404, so nothing leaks. The register
of decisions is public, limited to the decisions marked public.
"""
