"""Elections: the election and its nominations; voter records, secret ballots, paper entries."""

from .ballots import Ballot, BallotBox, Elector, PaperBallotEntry, Teller, VoterRecord
from .election import Election, ElectionProxy, Nomination, Seconder

__all__ = [
    "Ballot",
    "BallotBox",
    "Election",
    "Elector",
    "ElectionProxy",
    "Nomination",
    "PaperBallotEntry",
    "Seconder",
    "Teller",
    "VoterRecord",
]
