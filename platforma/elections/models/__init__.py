"""Elections: the election and its nominations; voter records, secret ballots, paper entries."""

from .ballots import Ballot, Elector, PaperBallotEntry, VoterRecord
from .election import Election, ElectionProxy, Nomination, Seconder

__all__ = [
    "Ballot",
    "Election",
    "Elector",
    "ElectionProxy",
    "Nomination",
    "PaperBallotEntry",
    "Seconder",
    "VoterRecord",
]
