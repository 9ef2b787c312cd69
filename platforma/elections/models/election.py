"""Elections, their nominations (with seconders) and the proxies given for one election."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from platforma.core.models import Person, Platform, TimeStampedModel
from platforma.governance.models import Body, Office
from platforma.members.models import Organisation


class Election(TimeStampedModel):
    """One election: an office or a number of seats, filled by a body with a counting method."""

    class Method(models.TextChoices):
        PLURALITY = "plurality", _("Plurality (block voting for several seats)")
        APPROVAL = "approval", _("Approval voting")
        TWO_ROUND = "two-round", _("Two-round system (absolute majority)")
        IRV = "irv", _("Instant-runoff voting")
        STV = "stv", _("Single transferable vote")

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("election state", "Draft")
        NOMINATIONS = "nominations", pgettext_lazy("election state", "Nominations open")
        VOTING = "voting", pgettext_lazy("election state", "Voting")
        CLOSED = "closed", pgettext_lazy("election state", "Closed")
        PUBLISHED = "published", pgettext_lazy("election state", "Published")

    RANKED = frozenset({Method.IRV, Method.STV})

    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="elections"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("electing body"), on_delete=models.PROTECT, related_name="elections"
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        help_text=_("The office the election fills; leave empty for seats of another kind."),
    )
    title = models.CharField(_("title"), max_length=200)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    term_starts_on = models.DateField(
        _("term starts on"),
        null=True,
        blank=True,
        help_text=_("First day of the elected candidates' mandates (needed to fill an office)."),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        help_text=_("The meeting that holds the election, when it is recorded here."),
    )
    # For meetings held before the platform used Platforma, or elsewhere.
    meeting_reference = models.CharField(
        _("meeting reference"),
        max_length=200,
        null=True,
        blank=True,
        help_text=_("e.g. “GA-2013”."),
    )
    # A second round (two-round method) points to the first round whose result called for it.
    first_round = models.ForeignKey(
        "self",
        verbose_name=_("first round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="second_rounds",
        help_text=_("Set on the second round of a two-round election."),
    )
    nominations_open_at = models.DateTimeField(_("nominations open at"), null=True, blank=True)
    nominations_close_at = models.DateTimeField(_("nominations close at"), null=True, blank=True)
    voting_opens_at = models.DateTimeField(_("voting opens at"))
    voting_closes_at = models.DateTimeField(_("voting closes at"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    electorate = models.PositiveIntegerField(
        _("eligible organisations"),
        null=True,
        blank=True,
        help_text=_("Members in good standing when voting opened."),
    )
    # The sealed box (issue 12): the tellers who hold the key's shares, how many of them
    # open the box, and the public key ballots are sealed to (the private key is never kept).
    tellers_needed = models.PositiveSmallIntegerField(
        _("shares needed to open the ballots"),
        default=1,
        help_text=_("How many of the tellers must enter their share to open the ballot box."),
    )
    public_key = models.CharField(
        _("public key of the ballot box"), max_length=64, blank=True, editable=False
    )
    # Frozen at closing: the bulletin board (ballots, hash chain, result) and its last hash.
    board = models.JSONField(_("bulletin board"), null=True, blank=True, editable=False)
    board_head = models.CharField(_("last hash of the board"), max_length=64, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["platform", "-voting_opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(voting_closes_at__gt=models.F("voting_opens_at")),
                name="election_voting_window_order",
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="election_seats_min"),
            # A first round has at most one second round (NULLs do not collide).
            models.UniqueConstraint(fields=["first_round"], name="election_one_second_round"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_ranked(self) -> bool:
        return self.method in self.RANKED

    @property
    def key_fingerprint(self) -> str:
        """What voters compare: the SHA-256 of the ballot box's public key ("" before tellers)."""
        from ..sealing import fingerprint

        return fingerprint(self.public_key) if self.public_key else ""

    @property
    def board_is_public(self) -> bool:
        return self.state in {self.State.CLOSED, self.State.PUBLISHED} and self.board is not None

    # The state machine's one way forward (services.election_transition makes each step).
    NEXT_STATE = {
        State.DRAFT: State.NOMINATIONS,
        State.NOMINATIONS: State.VOTING,
        State.VOTING: State.CLOSED,
        State.CLOSED: State.PUBLISHED,
    }

    @property
    def next_state(self) -> str | None:
        """The state the secretariat may move the election to next (None once published)."""
        return self.NEXT_STATE.get(self.State(self.state))

    @property
    def accepts_nominations(self) -> bool:
        """Nominations are added and answered only while they are open (never in a second
        round, whose two candidates are the first round's)."""
        return self.state == self.State.NOMINATIONS and self.first_round_id is None

    @property
    def accepts_proxies(self) -> bool:
        """Proxies are recorded from the draft until the vote closes."""
        return self.state in {self.State.DRAFT, self.State.NOMINATIONS, self.State.VOTING}


class Nomination(TimeStampedModel):
    """A candidate (a person, for an organisation) put forward in an election."""

    class Acceptance(models.TextChoices):
        PENDING = "pending", pgettext_lazy("nomination acceptance", "Awaiting acceptance")
        ACCEPTED = "accepted", pgettext_lazy("nomination acceptance", "Accepted")
        DECLINED = "declined", pgettext_lazy("nomination acceptance", "Declined")

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="nominations"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="nominations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("candidate's organisation"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    nominated_by = models.ForeignKey(
        Organisation,
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations_made",
        help_text=_("Empty for a self-nomination."),
    )
    acceptance = models.CharField(
        _("acceptance"), max_length=10, choices=Acceptance.choices, default=Acceptance.PENDING
    )
    accepted_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    on_ballot = models.BooleanField(
        _("on the ballot"), default=False, help_text=_("Set when voting opens.")
    )

    # Set by the selectors and services that judge a candidacy (not a field).
    problems: list[str]
    # Set for the pages that list nominations (not fields): whether the visitor may answer it,
    # the visitor's organisations that may still second it and those that already do
    # (``selectors.seconding_options``).
    answerable: bool
    second_for: list[Organisation]
    seconded_by_you: list[Organisation]

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["election", "person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "person"], name="nomination_once_per_election"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})"

    @property
    def candidate_key(self) -> str:
        """How ballots and the count name this candidate: the nomination's id, as text."""
        return str(self.pk)

    @property
    def self_nominated(self) -> bool:
        return self.nominated_by_id is None


class Seconder(models.Model):
    """A member organisation supporting a nomination, where the statute asks for seconders."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("nomination"), on_delete=models.CASCADE, related_name="seconders"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("seconder")
        verbose_name_plural = _("seconders")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "organisation"], name="seconder_once_per_nomination"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class ElectionProxy(TimeStampedModel):
    """Organisation ``grantor`` lets ``holder``'s primary representative vote for it."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="proxies"
    )
    grantor = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation giving its vote"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    holder = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation holding the proxy"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("election proxy")
        verbose_name_plural = _("election proxies")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "grantor"], name="election_one_proxy_per_grantor"
            ),
            models.CheckConstraint(
                condition=~models.Q(grantor=models.F("holder")), name="election_proxy_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grantor} → {self.holder}"
