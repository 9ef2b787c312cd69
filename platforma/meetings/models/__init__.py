"""Meetings of a platform's bodies, their attendance, motions, decisions and minutes."""

from .attendance import Attendance, Proxy, QuorumEvent
from .floor import SecretBallotMark, SecretTally
from .meeting import AgendaDocument, AgendaItem, Convocation, Meeting
from .minutes import Minutes
from .motions import Decision, Motion, Vote

__all__ = [
    "AgendaDocument",
    "AgendaItem",
    "Attendance",
    "Convocation",
    "Decision",
    "Meeting",
    "Minutes",
    "Motion",
    "Proxy",
    "QuorumEvent",
    "SecretBallotMark",
    "SecretTally",
    "Vote",
]
