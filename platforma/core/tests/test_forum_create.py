"""Setting up the Forum's row from the command line: once, with its audit entry."""

import pytest
from django.core.management import CommandError, call_command

from platforma.core.models import AuditEntry, Platform

pytestmark = pytest.mark.django_db


def test_forum_create_sets_up_the_forum_once(capsys):
    with pytest.raises(CommandError, match="time zone"):
        call_command("forum_create", "--name", "X", "--time-zone", "Mars/Olympus")
    assert not Platform.objects.exists()
    call_command("forum_create", "--name", "Eastern Partnership Civil Society Forum")
    forum = Platform.objects.forum()
    assert forum is not None
    assert forum.slug == "forum"
    assert forum.time_zone == "Europe/Brussels"
    assert "Set up Eastern Partnership Civil Society Forum" in capsys.readouterr().out
    entry = AuditEntry.objects.get(action="core.platform.created")
    assert entry.forum
    assert entry.platform is None
    with pytest.raises(CommandError, match="set up already"):
        call_command("forum_create", "--name", "Another Forum")
    assert Platform.objects.filter(is_forum=True).count() == 1
