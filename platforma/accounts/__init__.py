"""Accounts that hold: login throttling, second factors, session limits (issue 13)."""
