"""Reads of elections: who may vote, who may stand, and what the public sees."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from platforma.core.models import Person, Platform
from platforma.core.selectors import rules_in_force
from platforma.core.tenancy import scoped
from platforma.governance.selectors import body_electorate
from platforma.governance.services import MandateFacts, mandate_facts, mandate_problems_from
from platforma.members.models import Organisation, Representative

from .models import (
    Election,
    ElectionProxy,
    Elector,
    Nomination,
    PaperBallotEntry,
    Seconder,
    VoterRecord,
)

PUBLIC_STATES = (
    Election.State.NOMINATIONS,
    Election.State.VOTING,
    Election.State.CLOSED,
    Election.State.PUBLISHED,
)


def local_date(platform: Platform, moment: datetime.datetime) -> datetime.date:
    import zoneinfo

    return moment.astimezone(zoneinfo.ZoneInfo(platform.time_zone)).date()


def opening_day(election: Election) -> datetime.date:
    return local_date(election.platform, election.voting_opens_at)


def public_elections(platform: Platform) -> QuerySet[Election]:
    """Elections past their draft, newest first, with their body and office."""
    return (
        Election.objects.filter(platform=platform, state__in=PUBLIC_STATES)
        .select_related("body", "office")
        .order_by("-voting_opens_at", "-id")
    )


def public_election_at(platform_slug: str, pk: int) -> Election | None:
    """A public election by its platform's slug and its id, with the platform, in one query."""
    try:  # get(), not first(): ordering a one-row query costs a third of its compilation
        return Election.objects.select_related("platform", "body", "office").get(
            platform__slug=platform_slug, state__in=PUBLIC_STATES, pk=pk
        )
    except Election.DoesNotExist:
        return None


def standing_in(election: Election, on: datetime.date) -> QuerySet:
    """The memberships in good standing for ``election`` on ``on``: the platform's members,
    or, for the Forum's Steering Committee, its members' organisations."""
    return body_electorate(election.body, election.platform, on)


def electorate(election: Election) -> QuerySet:
    """Memberships that may vote: members in good standing on the day voting opens."""
    return standing_in(election, opening_day(election))


def on_roll(election: Election, organisations) -> set[int]:
    """Which of ``organisations`` (ids) vote in ``election``.

    Once voting has opened, the roll taken then decides; before (and for an election opened
    before rolls were kept), membership history on the opening day does.
    """
    ids = set(
        Elector.objects.filter(election=election, organisation__in=organisations).values_list(
            "organisation", flat=True
        )
    )
    if ids or Elector.objects.filter(election=election).exists():
        return ids
    return set(
        electorate(election)
        .filter(organisation__in=organisations)
        .values_list("organisation", flat=True)
    )


def is_eligible_voter(election: Election, organisation: Organisation) -> bool:
    return organisation.pk in on_roll(election, [organisation.pk])


def teller_choices(platform: Platform) -> QuerySet:
    """Who may be a teller: the platform's back office, and its members' current representatives."""
    return scoped(get_user_model().objects.filter(is_active=True), platform).order_by("username")


def primary_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose current primary representative is ``user``."""
    if not user or not user.is_authenticated:
        return Organisation.objects.none()
    represented = Representative.objects.filter(
        person__user=user, role=Representative.Role.PRIMARY, until__isnull=True
    ).values("organisation")
    return Organisation.objects.filter(pk__in=represented).order_by()


@dataclass(frozen=True)
class VotingRight:
    organisation: Organisation
    by_proxy: bool
    has_voted: bool


def voting_rights(user, election: Election) -> list[VotingRight]:
    """The organisations ``user`` may cast a ballot for in ``election``, own ones first.

    An organisation votes through its primary representative, unless it gave its proxy for this
    election to another organisation: then that organisation's primary representative votes.
    Only members in good standing on the day voting opens vote.
    """
    own = set(primary_organisations(user).values_list("pk", flat=True))
    if not own:
        return []
    proxies = ElectionProxy.objects.filter(election=election)
    given_away = set(proxies.filter(grantor__in=own).values_list("grantor", flat=True))
    # A proxy counts only while its holder may vote itself (on the roll, once there is one).
    holding = on_roll(election, own)
    carried = set(proxies.filter(holder__in=holding).values_list("grantor", flat=True))
    wanted = (own - given_away) | carried
    eligible = on_roll(election, wanted)
    voted = set(
        VoterRecord.objects.filter(election=election, organisation__in=eligible).values_list(
            "organisation", flat=True
        )
    )
    organisations = Organisation.objects.filter(pk__in=eligible).order_by("legal_name")
    rights = [
        VotingRight(org, by_proxy=org.pk in carried, has_voted=org.pk in voted)
        for org in organisations
    ]
    return sorted(rights, key=lambda right: right.by_proxy)


def _voting_right_sql() -> str:
    """The casting path's one query, written out: the ORM took 2.5 ms of CPU to compile it,
    more than the rest of the ballot (bench/bench_casting.py). Names come from the models."""
    q = connection.ops.quote_name
    elector, proxy = Elector._meta, ElectionProxy._meta
    rep, person = Representative._meta, Person._meta
    col = lambda meta, field: q(meta.get_field(field).column)  # noqa: E731
    return (
        f"SELECT p.{col(proxy, 'holder')}, EXISTS ("
        f" SELECT 1 FROM {q(rep.db_table)} r"
        f" JOIN {q(person.db_table)} pe ON pe.{q('id')} = r.{col(rep, 'person')}"
        f" WHERE pe.{col(person, 'user')} = %s AND r.{col(rep, 'role')} = %s"
        f" AND r.{col(rep, 'until')} IS NULL"
        f" AND r.{col(rep, 'organisation')} = COALESCE(p.{col(proxy, 'holder')},"
        f" e.{col(elector, 'organisation')}))"
        f" FROM {q(elector.db_table)} e"
        f" LEFT JOIN {q(proxy.db_table)} p"
        f" ON p.{col(proxy, 'election')} = e.{col(elector, 'election')}"
        f" AND p.{col(proxy, 'grantor')} = e.{col(elector, 'organisation')}"
        f" WHERE e.{col(elector, 'election')} = %s AND e.{col(elector, 'organisation')} = %s"
        # A proxy counts only while its holder is on the roll too.
        f" AND (p.{col(proxy, 'holder')} IS NULL OR EXISTS ("
        f" SELECT 1 FROM {q(elector.db_table)} h"
        f" WHERE h.{col(elector, 'election')} = e.{col(elector, 'election')}"
        f" AND h.{col(elector, 'organisation')} = p.{col(proxy, 'holder')}))"
    )


def voting_right(user, election: Election, organisation: Organisation) -> VotingRight | None:
    """``user``'s right to cast ``organisation``'s ballot (None: none), in one query.

    The same rule as ``voting_rights``, for one organisation, on the casting path: the
    organisation is on the roll taken when voting opened, and ``user`` is the current primary
    representative of the organisation, or of the one holding its proxy if it gave one.
    """
    if not user or not user.is_authenticated:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            _voting_right_sql(),
            [user.pk, Representative.Role.PRIMARY.value, election.pk, organisation.pk],
        )
        row = cursor.fetchone()
    if row is None:
        return _voting_right_without_roll(user, election, organisation)
    holder, speaks_for_the_voter = row
    if not speaks_for_the_voter:
        return None
    return VotingRight(organisation, by_proxy=holder is not None, has_voted=False)


def _voting_right_without_roll(user, election: Election, organisation) -> VotingRight | None:
    """For an election whose vote opened before rolls were taken: the rule, from history."""
    if Elector.objects.filter(election=election).exists():
        return None  # there is a roll, and the organisation is not on it
    own = set(primary_organisations(user).values_list("pk", flat=True))
    holder = (
        ElectionProxy.objects.filter(election=election, grantor=organisation)
        .values_list("holder", flat=True)
        .first()
    )
    by_proxy = holder is not None
    allowed = holder in own if by_proxy else organisation.pk in own
    if not allowed or not is_eligible_voter(election, organisation):
        return None
    return VotingRight(organisation, by_proxy=by_proxy, has_voted=False)


def voting_is_open(election: Election, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        election.state == Election.State.VOTING
        and election.voting_opens_at <= now < election.voting_closes_at
    )


@dataclass(frozen=True)
class EligibilityFacts:
    """What the checks on candidacies in an election read from the database, read once for
    any number of candidates (``eligibility_facts``)."""

    today: datetime.date
    standing: frozenset[int]  # the candidates' organisations in good standing today
    representing: frozenset[tuple[int, int]]  # (person, organisation): current representatives
    seconders_required: int
    mandates: MandateFacts | None  # for an election to an office, from the start of its term


def eligibility_facts(
    election: Election, candidates: list[tuple[Person, Organisation]]
) -> EligibilityFacts:
    """Read what ``candidacy_problems`` needs about ``candidates`` (person, organisation) in
    ``election``: a number of queries that does not grow with the number of candidates."""
    platform = election.platform
    today = local_date(platform, timezone.now())
    person_ids = {person.pk for person, organisation in candidates}
    organisation_ids = {organisation.pk for person, organisation in candidates}
    mandates = None
    office = election.office if election.office_id else None
    if office is not None and election.term_starts_on:
        mandates = mandate_facts(
            office=office,
            starts_on=election.term_starts_on,
            persons=person_ids,
            organisations=organisation_ids,
        )
    return EligibilityFacts(
        today=today,
        standing=frozenset(
            standing_in(election, today)
            .filter(organisation__in=organisation_ids)
            .values_list("organisation", flat=True)
        ),
        representing=frozenset(
            Representative.objects.filter(
                person__in=person_ids, organisation__in=organisation_ids, until__isnull=True
            ).values_list("person", "organisation")
        ),
        seconders_required=rules_in_force(platform, today).nominations.seconders_required,
        mandates=mandates,
    )


def candidacy_problems(
    facts: EligibilityFacts,
    *,
    person: Person,
    organisation: Organisation,
    seconders: int | None = None,
) -> list[str]:
    """Every reason against this candidacy (empty: eligible), in the words shown to people,
    from ``facts`` read for (at least) this person and organisation; no query."""
    problems: list[str] = []
    if organisation.pk not in facts.standing:
        problems.append(
            _("%(organisation)s is not a member in good standing on %(date)s.")
            % {"organisation": organisation, "date": date_format(facts.today)}
        )
    if (person.pk, organisation.pk) not in facts.representing:
        problems.append(
            _("%(person)s does not currently represent %(organisation)s.")
            % {"person": person, "organisation": organisation}
        )
    if facts.mandates is not None:
        problems += mandate_problems_from(facts.mandates, person=person, organisation=organisation)
    required = facts.seconders_required
    if seconders is not None and seconders < required:
        problems.append(
            _("The statute asks for %(required)d seconders; this nomination has %(count)d.")
            % {"required": required, "count": seconders}
        )
    return list(dict.fromkeys(problems))


def nomination_problems(
    election: Election, *, person, organisation: Organisation, seconders: int | None = None
) -> list[str]:
    """Every reason against this candidacy (empty: eligible), in the words shown to people."""
    facts = eligibility_facts(election, [(person, organisation)])
    return candidacy_problems(facts, person=person, organisation=organisation, seconders=seconders)


def nominations_with_problems(election: Election) -> Sequence[Nomination]:
    """The election's nominations, each with ``problems`` (reasons it is not eligible).

    The same checks as ``nomination_problems``, in a number of queries that does not grow
    with the number of nominations.
    """
    nominations = list(
        Nomination.objects.filter(election=election)
        .select_related("person", "organisation", "nominated_by")
        .annotate(seconder_count=Count("seconders"))
        .order_by("person__last_name", "person__first_name", "pk")
    )
    if not nominations:
        return nominations
    facts = eligibility_facts(election, [(n.person, n.organisation) for n in nominations])
    for nomination in nominations:
        nomination.problems = candidacy_problems(
            facts,
            person=nomination.person,
            organisation=nomination.organisation,
            seconders=nomination.seconder_count,
        )
    return nominations


def candidates(election: Election) -> list[Nomination]:
    """The candidates on the ballot, by name."""
    return list(
        Nomination.objects.filter(election=election, on_ballot=True)
        .select_related("person", "organisation")
        .order_by("person__last_name", "person__first_name", "pk")
    )


@dataclass
class PaperGroup:
    batch: str
    sequence: int
    entries: list[PaperBallotEntry]

    @property
    def status(self) -> str:
        if len(self.entries) < 2:
            return "single"
        return "agree" if len({e.digest or e.content for e in self.entries}) == 1 else "differ"


def paper_groups(election: Election) -> list[PaperGroup]:
    """Paper ballot entries grouped by ballot (batch, number): one or two tellers' readings."""
    groups: dict[tuple[str, int], PaperGroup] = {}
    entries = PaperBallotEntry.objects.filter(election=election)
    for entry in entries.order_by("batch", "sequence", "teller_label"):
        key = (entry.batch, entry.sequence)
        groups.setdefault(key, PaperGroup(entry.batch, entry.sequence, [])).entries.append(entry)
    return list(groups.values())


def turnout(election: Election) -> dict[str, int]:
    counts = VoterRecord.objects.filter(election=election).aggregate(
        total=Count("pk"),
        paper=Count("pk", filter=Q(channel=VoterRecord.Channel.PAPER)),
        proxy=Count("pk", filter=Q(by_proxy=True)),
    )
    return counts


def second_round_of(election: Election) -> Election | None:
    """The public second round held after ``election`` (two-round method), if any."""
    return public_elections(election.platform).filter(first_round=election).first()


def _own(user, own: list[Organisation] | None) -> list[Organisation]:
    """``user``'s organisations (``primary_organisations``) by name, unless already read."""
    if own is not None:
        return own
    return list(primary_organisations(user).order_by("legal_name"))


def seconding_options(
    user,
    election: Election,
    nominations: Sequence[Nomination],
    *,
    own: list[Organisation] | None = None,
) -> None:
    """Mark each nomination with what ``user`` may do about seconding it, in four queries.

    Sets ``second_for`` (organisations ``user`` is the primary representative of that may
    still second it) and ``seconded_by_you`` (those that already do) on every nomination.
    The same rules as ``services.nomination_second``: nominations open, neither the
    candidate's nor the nominating organisation, a member in good standing (today or on the
    day voting opens), once per organisation.
    """
    for nomination in nominations:
        nomination.second_for, nomination.seconded_by_you = [], []
    if election.state != Election.State.NOMINATIONS or not nominations:
        return
    own = _own(user, own)
    if not own:
        return
    today = local_date(election.platform, timezone.now())
    standing = set(
        standing_in(election, today)
        .filter(organisation__in=own)
        .values_list("organisation", flat=True)
    ) | set(
        electorate(election).filter(organisation__in=own).values_list("organisation", flat=True)
    )
    seconded = set(
        Seconder.objects.filter(nomination__in=nominations, organisation__in=own).values_list(
            "nomination", "organisation"
        )
    )
    for nomination in nominations:
        for organisation in own:
            if (nomination.pk, organisation.pk) in seconded:
                nomination.seconded_by_you.append(organisation)
            elif organisation.pk in standing and organisation.pk not in (
                nomination.organisation_id,
                nomination.nominated_by_id,
            ):
                nomination.second_for.append(organisation)


@dataclass(frozen=True)
class ProxyOptions:
    """What a primary representative may do about their organisations' proxies."""

    given: list[ElectionProxy]  # proxies their organisations have given in this election
    grantors: list[Organisation]  # their organisations that may still give theirs
    holders: QuerySet[Organisation]  # the organisations that may be chosen to carry it


def proxies_may_be_given(election: Election, now: datetime.datetime | None = None) -> bool:
    """Whether a representative may give a proxy now: nominations, or voting until it closes."""
    now = now or timezone.now()
    if election.state == Election.State.NOMINATIONS:
        return True
    return election.state == Election.State.VOTING and now < election.voting_closes_at


def proxy_options(
    user, election: Election, *, own: list[Organisation] | None = None
) -> ProxyOptions | None:
    """``user``'s organisations' proxies in ``election``; None when there is nothing to show.

    Nothing to show: not the time for proxies, the statute allows none, or ``user`` is no
    organisation's primary representative. Constant in the number of organisations.
    ``own`` is ``user``'s organisations when the caller has read them already.
    """
    if not proxies_may_be_given(election):
        return None
    own = _own(user, own)
    if not own:
        return None
    if not rules_in_force(election.platform, opening_day(election)).proxies.allowed:
        return None
    proxies = ElectionProxy.objects.filter(election=election)
    given = list(proxies.filter(grantor__in=own).select_related("grantor", "holder"))
    gone = {proxy.grantor_id for proxy in given} | set(
        VoterRecord.objects.filter(election=election, organisation__in=own).values_list(
            "organisation", flat=True
        )
    )
    eligible = set(
        electorate(election).filter(organisation__in=own).values_list("organisation", flat=True)
    )
    grantors = [o for o in own if o.pk in eligible and o.pk not in gone]
    holders = (
        Organisation.objects.filter(pk__in=electorate(election).values("organisation"))
        .exclude(pk__in=[o.pk for o in own])
        .exclude(pk__in=proxies.values("grantor"))
        .order_by("legal_name")
    )
    return ProxyOptions(given=given, grantors=grantors, holders=holders)


def public_nominations(election: Election) -> list[Nomination]:
    """The nominations the public election page lists: while nominations are open every one
    not declined (with its acceptance), afterwards the candidates on the ballot; by name."""
    nominations = (
        Nomination.objects.filter(election=election)
        .exclude(acceptance=Nomination.Acceptance.DECLINED)
        .select_related("person", "organisation", "nominated_by")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    if election.state != Election.State.NOMINATIONS:
        nominations = nominations.filter(on_ballot=True)
    return list(nominations)
