"""Writes of mailings (each checks the actor and records one audit entry)."""

from .mailings import (
    mailing_cancel,
    mailing_create,
    mailing_resume,
    mailing_send,
    mailing_test_send,
    mailing_update,
    recipient_mark_bounced,
)
from .preferences import preference_language, preference_unsubscribe

__all__ = [
    "mailing_cancel",
    "mailing_create",
    "mailing_resume",
    "mailing_send",
    "mailing_test_send",
    "mailing_update",
    "preference_language",
    "preference_unsubscribe",
    "recipient_mark_bounced",
]
