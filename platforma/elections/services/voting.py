"""Casting a secret ballot, and the proxies that let another organisation cast it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils.translation import gettext as _

from platforma.core import audit
from platforma.core.selectors import rules_in_force
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor
from platforma.members.models import Organisation

from .. import board as fmt
from .. import selectors as sel
from ..models import Election, ElectionProxy, VoterRecord
from ..permissions import can_run_elections
from . import box
from .choices import normalise_choices


@dataclass(frozen=True)
class Receipt:
    """What the voter keeps: the ballot's tracker and the SHA-256 of its canonical content."""

    election_id: int
    tracker: str
    ballot_hash: str


def already_voted(organisation: Organisation) -> ValidationError:
    return ValidationError(
        _("%(organisation)s has already voted in this election; a ballot cannot be cast twice.")
        % {"organisation": organisation}
    )


def record_voter(
    election: Election, organisation: Organisation, *, channel: str, by_proxy: bool
) -> VoterRecord:
    """Insert the voter record; the unique constraint refuses a second one, even concurrently."""
    try:
        with transaction.atomic():
            return VoterRecord.objects.create(
                election=election, organisation=organisation, channel=channel, by_proxy=by_proxy
            )
    except IntegrityError:
        raise already_voted(organisation) from None


def sealed_ballot(election: Election, choices: Sequence[str]) -> Receipt:
    """Seal a ballot with a fresh tracker into the election's box; return its receipt."""
    tracker = fmt.new_tracker()
    content = fmt.canonical(
        fmt.ballot_content(election_id=election.pk, tracker=tracker, choices=choices)
    )
    box.box_insert(election, content)
    return Receipt(election.pk, tracker, fmt.sha256_hex(content))


def ballot_cast(
    *,
    actor: Actor,
    election: Election,
    organisation: Organisation,
    choices: Sequence[str],
    actor_label: str = "",
) -> Receipt:
    """Cast ``organisation``'s secret ballot; return the voter's receipt.

    Who voted (``VoterRecord``, random id, no time) and what was voted (sealed to the tellers'
    key, at a random place in the box) are written in one transaction and nothing links them:
    the audit record names the organisation, never the tracker. A second ballot for the
    organisation, even at the same instant, fails on the unique voter record and rolls back
    whole; it is answered with a clear refusal.
    """
    try:
        return _cast(
            actor=actor,
            election=election,
            organisation=organisation,
            choices=choices,
            actor_label=actor_label,
        )
    except IntegrityError:
        raise already_voted(organisation) from None


def _hold_open(election: Election) -> None:
    """Read the election's state and window afresh, and keep them until this ballot commits.

    Without this, a ballot that passed the check could be written after ``election_close``
    built the board, and be missing from it. On PostgreSQL the row is locked FOR KEY SHARE:
    ballots do not wait for one another, but the close (FOR UPDATE) waits for every ballot in
    flight, and ballots after it see the election closed. Django has no FOR KEY SHARE, hence
    the written-out query. SQLite lets one writer in at a time, so a fresh read is enough.
    """
    fields = ("state", "voting_opens_at", "voting_closes_at", "public_key")
    if connection.vendor == "postgresql":
        q = connection.ops.quote_name
        meta = Election._meta
        columns = ", ".join(q(_column(f)) for f in fields)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {q(meta.db_table)} WHERE {q(_column('id'))} = %s "
                "FOR KEY SHARE",
                [election.pk],
            )
            row = cursor.fetchone()
    else:
        row = Election.objects.filter(pk=election.pk).values_list(*fields).first()
    for field, value in zip(fields, row, strict=True):
        setattr(election, field, value)


def _column(name: str) -> str:
    field = Election._meta.get_field(name)
    assert isinstance(field, models.Field)  # a concrete column
    assert field.column
    return field.column


@transaction.atomic
def _cast(
    *,
    actor: Actor,
    election: Election,
    organisation: Organisation,
    choices: Sequence[str],
    actor_label: str,
) -> Receipt:
    _hold_open(election)
    if not sel.voting_is_open(election):
        raise ValidationError(_("Voting is not open in this election."))
    right = sel.voting_right(actor, election, organisation)
    if right is None:
        raise ValidationError(
            _("You may not vote for %(organisation)s in this election.")
            % {"organisation": organisation}
        )
    choices = normalise_choices(election, choices)
    voter = VoterRecord.objects.create(
        election=election,
        organisation=organisation,
        channel=VoterRecord.Channel.ONLINE,
        by_proxy=right.by_proxy,
    )
    receipt = sealed_ballot(election, choices)
    audit.record(
        "elections.ballot.cast",
        actor=actor,
        actor_label=actor_label,
        target=voter,
        platform=election.platform,
        data={"organisation": organisation, "channel": voter.channel, "by_proxy": right.by_proxy},
    )
    return receipt


@transaction.atomic
def election_proxy_grant(
    *,
    actor: Actor,
    election: Election,
    grantor: Organisation,
    holder: Organisation,
    actor_label: str = "",
) -> ElectionProxy:
    """Record that ``grantor`` gives its vote in ``election`` to ``holder``.

    The secretariat records any proxy from the draft until the vote closes. The grantor's
    current primary representative gives its own organisation's proxy themself, while
    nominations are open or voting is (before the closing time). The statute's rules and
    every check below apply to both.
    """
    election = (
        Election.objects.select_for_update(of=("self",))
        .select_related("platform")
        .get(pk=election.pk)
    )
    if actor is None or can_run_elections(actor, election.platform):
        require_manage(actor, election, grantor, holder)
    else:
        if not sel.primary_organisations(actor).filter(pk=grantor.pk).exists():
            raise ValidationError(
                _(
                    "Only the primary representative of %(organisation)s or the secretariat "
                    "may give its proxy."
                )
                % {"organisation": grantor}
            )
        if not sel.proxies_may_be_given(election):
            raise ValidationError(
                _("Proxies are given while nominations are open or until voting closes.")
            )
    if not election.accepts_proxies:
        raise ValidationError(_("Proxies cannot be given once the election is closed."))
    if grantor.pk == holder.pk:
        raise ValidationError(_("An organisation cannot give its proxy to itself."))
    rules = rules_in_force(election.platform, sel.opening_day(election)).proxies
    if not rules.allowed:
        raise ValidationError(_("The statute does not allow proxies."))
    for organisation in (grantor, holder):
        if not sel.is_eligible_voter(election, organisation):
            raise ValidationError(
                _("%(organisation)s is not a member in good standing when voting opens.")
                % {"organisation": organisation}
            )
    if VoterRecord.objects.filter(election=election, organisation=grantor).exists():
        raise already_voted(grantor)
    if ElectionProxy.objects.filter(election=election, grantor=holder).exists():
        raise ValidationError(
            _("%(organisation)s has given its own vote away and cannot carry a proxy.")
            % {"organisation": holder}
        )
    carried = ElectionProxy.objects.filter(election=election, holder=holder).count()
    if carried >= rules.max_per_delegate:
        raise ValidationError(
            _("%(organisation)s already carries %(count)d proxies; the statute allows %(max)d.")
            % {"organisation": holder, "count": carried, "max": rules.max_per_delegate}
        )
    try:
        with transaction.atomic():
            proxy = ElectionProxy.objects.create(
                election=election, grantor=grantor, holder=holder, recorded_by=actor
            )
    except IntegrityError:
        raise ValidationError(
            _("%(organisation)s has already given its proxy.") % {"organisation": grantor}
        ) from None
    audit.record(
        "elections.proxy.granted",
        actor=actor,
        actor_label=actor_label,
        target=proxy,
        platform=election.platform,
        data={"after": audit.snapshot(proxy)},
    )
    return proxy
