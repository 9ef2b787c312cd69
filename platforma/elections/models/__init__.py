"""Elections: the election and its nominations; voter records, secret ballots, paper entries."""

from .ballots import Ballot, PaperBallotEntry, VoterRecord
from .election import Election, ElectionProxy, Nomination, Seconder

__all__ = [
    "Ballot",
    "Election",
    "ElectionProxy",
    "Nomination",
    "PaperBallotEntry",
    "Seconder",
    "VoterRecord",
]
