from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError


def report(request, exc: ValidationError) -> None:
    """Show a service's refusal to the user, message by message."""
    for message in exc.messages:
        messages.error(request, message)
