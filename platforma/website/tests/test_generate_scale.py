"""``manage.py generate_scale``: the synthetic Forum-scale data set, at tiny factors."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from platforma.activities.models import Event, Registration
from platforma.core.models import AuditEntry, Platform
from platforma.elections import board as fmt
from platforma.elections.bulletin import recount_problems
from platforma.elections.models import Election
from platforma.forum.models import AnnualAssembly
from platforma.members.models import Organisation
from platforma.members.selectors import members_in_good_standing
from platforma.publications.models import DistributionRecipient, Publication, Stakeholder
from platforma.testing.factories import PlatformFactory
from platforma.website.scale import ACTION, ACTOR, COUNTRIES, COUNTS

pytestmark = pytest.mark.django_db


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_scale", "--no-progress", *args, stdout=out)
    return out.getvalue()


def counts(platforms) -> dict[str, int]:
    """The rows generated for ``platforms``, by kind."""
    return {
        "organisations": Organisation.objects.filter(memberships__platform__in=platforms).count(),
        "activities": Event.objects.filter(platform__in=platforms).count(),
        "registrations": Registration.objects.filter(event__platform__in=platforms).count(),
        "publications": Publication.objects.filter(platform__in=platforms).count(),
        "stakeholders": Stakeholder.objects.filter(platform__in=platforms).count(),
        "recipients": DistributionRecipient.objects.filter(
            distribution__platform__in=platforms
        ).count(),
        "elections": Election.objects.filter(platform__in=platforms).count(),
    }


def test_generates_the_counts_of_the_factor_and_twice_as_many_at_twice_the_factor():
    out = generate("--factor", "0.01")
    assert "Generated at factor 0.01" in out
    assert " s." in out  # the time taken
    small_set = list(Platform.objects.national())
    assert sorted(p.slug for p in small_set) == sorted(c[0] for c in COUNTRIES)
    small = counts(small_set)
    six = len(COUNTRIES)
    for key, value in small.items():
        # Each platform's share, rounded: within one row per platform of the total.
        assert abs(value - COUNTS[key] * 0.01) <= six, (key, value)

    generate("--factor", "0.02", "--force")  # a second set beside the first
    large = counts(Platform.objects.national().exclude(pk__in=[p.pk for p in small_set]))
    for key in small:
        assert abs(large[key] - 2 * small[key]) <= 2 * six, (key, small[key], large[key])


def test_everything_is_demo_in_good_standing_and_audited_once_per_platform():
    generate("--factor", "0.01")
    forum = Platform.objects.forum()
    assert forum is not None
    assert forum.is_demo
    for platform in Platform.objects.all():
        assert platform.is_demo
        entries = AuditEntry.objects.filter(target_type="core.platform", target_id=str(platform.pk))
        assert [(e.action, e.actor_label) for e in entries] == [(ACTION, ACTOR)]
        assert AuditEntry.objects.filter(platform=platform).count() == (
            0 if platform.is_forum else 1
        )
        members = members_in_good_standing(platform).count()
        assert members == platform.memberships.count() > 0
    assert not Event.objects.filter(is_demo=False).exists()
    assert not Organisation.objects.filter(is_demo=False).exists()
    assert not Stakeholder.objects.filter(is_demo=False).exists()
    # Ten years of history: activities from ten years back.
    years = {e.starts_at.year for e in Event.objects.all()}
    assert len(years) >= 10
    assert AnnualAssembly.objects.filter(platform=forum).count() == 11


def test_published_elections_carry_a_board_that_checks_and_recounts():
    generate("--factor", "0.01")
    elections = Election.objects.filter(state=Election.State.PUBLISHED)
    assert elections.count() == len(COUNTRIES)
    for election in elections:
        assert election.board is not None
        assert fmt.board_problems(election.board) == []
        assert recount_problems(election.board) == []
        assert election.board_head == election.board["head"]
        assert election.board["result"]["elected"]


def test_runs_again_without_change_and_refuses_real_platforms_without_force():
    generate("--factor", "0.01")
    before = counts(Platform.objects.all())
    out = generate("--factor", "0.01")
    assert "nothing changed" in out
    assert counts(Platform.objects.all()) == before

    PlatformFactory(slug="realland")
    with pytest.raises(CommandError, match="realland.*--force"):
        generate("--factor", "0.01")
    assert counts(Platform.objects.all()) == before


def test_refuses_a_database_with_real_platforms_and_adds_beside_them_with_force():
    real = PlatformFactory(slug="armenia")
    with pytest.raises(CommandError, match="did not make"):
        generate("--factor", "0.01")
    assert Platform.objects.count() == 1

    generate("--factor", "0.01", "--force")
    assert Platform.objects.national().count() == 1 + len(COUNTRIES)
    # The real platform keeps its slug and has nothing generated.
    assert Platform.objects.filter(slug="armenia").get() == real
    assert Platform.objects.filter(slug="armenia-2").exists()
    assert not Event.objects.filter(platform=real).exists()


def test_refuses_a_factor_that_is_not_positive():
    with pytest.raises(CommandError, match="positive"):
        generate("--factor", "0")
