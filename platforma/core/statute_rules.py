"""The rules a platform's statute sets, as data.

A statute version stores its rules as JSON; this module is the one place that knows their shape.
``StatuteRules.from_dict`` validates a dict (from the admin, an import or a fixture) and gives clear
messages for every problem; the rest of the system reads typed attributes and never asks which
platform it is serving (house rule 5: rules from statutes are data, never ``if platform == ...``).

Pure Python: no Django import, so counting and quorum code can use it anywhere.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any

# How a motion's result is judged. The denominator of each kind:
#   simple                 more "for" than "against" among votes cast
#   absolute_members       more than half of all members in good standing vote "for"
#   two_thirds_cast        at least two thirds of votes cast are "for"
#   two_thirds_present     at least two thirds of members present (and represented) vote "for"
#   two_thirds_members     at least two thirds of all members in good standing vote "for"
#   simple_present         more than half of the members present (and represented) vote "for"
#   unanimity              every vote cast is "for"
MAJORITY_KINDS = (
    "simple",
    "simple_present",
    "absolute_members",
    "two_thirds_cast",
    "two_thirds_present",
    "two_thirds_members",
    "unanimity",
)

# What motions are about; each kind may have its own majority in a statute.
MOTION_KINDS = (
    "ordinary",
    "statute_change",
    "admission",
    "suspension",
    "expulsion",
    "no_confidence",
    "report_approval",
    "budget_approval",
)

# Office kinds the system knows how to treat; a statute may define further ones by name.
OFFICE_KINDS = (
    "platform_coordinator",
    "wg_coordinator",
    "subgroup_coordinator",
    "board_member",
    "auditor",
    "ethics_council_member",
    "co_chair",
    "other",
)

# What a Forum statute's Steering Committee is made of: the platforms' coordinators (the
# Country Facilitators), and the holders of the Forum's own offices of the kinds named.
COUNTRY_FACILITATORS = "country_facilitators"

ADMISSION_DECIDERS = ("board", "board_then_assembly", "general_assembly", "steering_committee")

DOCUMENT_KINDS = ("registration_extract", "statute", "activity_report", "recommendation_letter")

# Membership decisions a member (or an applicant) may appeal, and the bodies that may hear them:
# the kinds of governance's bodies, or ``other`` with the body's name (a Compliance Committee).
APPEALABLE_DECISIONS = ("rejection", "suspension", "expulsion")
APPEAL_BODIES = ("general_assembly", "board", "steering_committee", "annual_assembly", "other")


class RulesError(ValueError):
    """Raised with every problem found in a rules dict, one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _fraction(value: Any, where: str, problems: list[str]) -> Fraction | None:
    try:
        result = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        problems.append(f"{where}: '{value}' is not a fraction such as 1/2 or 2/3")
        return None
    if not 0 < result <= 1:
        problems.append(f"{where}: {value} must be more than 0 and at most 1")
        return None
    return result


def _int(
    value: Any, where: str, problems: list[str], *, minimum: int = 0, optional: bool = False
) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{where}: '{value}' is not a whole number")
        return None
    if value < minimum:
        problems.append(f"{where}: {value} is less than {minimum}")
        return None
    return int(value)


def _bool(value: Any, where: str, problems: list[str]) -> bool:
    if not isinstance(value, bool):
        problems.append(f"{where}: '{value}' must be true or false")
        return False
    return value


def _choice(value: Any, choices: tuple[str, ...], where: str, problems: list[str]) -> str:
    if value not in choices:
        problems.append(f"{where}: '{value}' is not one of {', '.join(choices)}")
    return str(value)


@dataclass(frozen=True)
class QuorumRule:
    """Quorum: present members (plus proxies where counted) against members in good standing."""

    share: Fraction = Fraction(1, 2)
    # True: more than the share is needed (50% + 1); False: the share itself is enough (two thirds).
    more_than: bool = True
    count_proxies: bool = True

    def required(self, members: int) -> int:
        """The smallest number of members present that makes the quorum."""
        exact = self.share * members
        if self.more_than:
            return int(exact) + 1 if members else 1
        return -(-exact.numerator // exact.denominator)  # ceiling

    def is_met(self, present: int, members: int) -> bool:
        return members > 0 and present >= self.required(members)


@dataclass(frozen=True)
class OfficeRule:
    term_years: int = 2
    max_consecutive_terms: int | None = 2
    max_total_terms: int | None = None


@dataclass(frozen=True)
class AdmissionRule:
    min_years_registered: int = 2
    min_years_experience: int = 1
    documents: tuple[str, ...] = ("registration_extract", "statute", "activity_report")
    # How old (in days) a document may be at the time of application; absent = any age.
    document_max_age_days: dict[str, int] = field(default_factory=dict)
    recommendations_required: int = 2
    min_working_groups: int = 1
    decided_by: str = "board"
    majority: str = "simple_present"
    declarations: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppealRule:
    """Who hears an appeal against one kind of membership decision, and within how many days of
    its notification it may be lodged."""

    body: str = "general_assembly"
    body_name: str = ""  # the body's name when ``body`` is ``other``
    deadline_days: int = 30


def _appeals(raw: Any, problems: list[str]) -> dict[str, AppealRule]:
    if not isinstance(raw, dict):
        problems.append("appeals: must map decisions (rejection, suspension, expulsion) to rules")
        raw = {}
    rules = {decision: AppealRule() for decision in APPEALABLE_DECISIONS}
    for decision, value in raw.items():
        where = f"appeals.{decision}"
        if decision not in APPEALABLE_DECISIONS:
            problems.append(
                f"{where}: '{decision}' is not one of {', '.join(APPEALABLE_DECISIONS)}"
            )
            continue
        if not isinstance(value, dict):
            problems.append(f"{where}: must be an object with body and deadline_days")
            continue
        for key in sorted(set(value) - {"body", "body_name", "deadline_days"}):
            problems.append(f"{where}.{key}: unknown rule")
        body = _choice(
            value.get("body", "general_assembly"), APPEAL_BODIES, f"{where}.body", problems
        )
        name = value.get("body_name", "")
        if not isinstance(name, str) or len(name) > 200:
            problems.append(f"{where}.body_name: must be a name of at most 200 characters")
            name = ""
        if body == "other" and not name.strip():
            problems.append(
                f"{where}.body_name: name the body that hears the appeal (body is other)"
            )
        days = _int(value.get("deadline_days", 30), f"{where}.deadline_days", problems, minimum=1)
        rules[decision] = AppealRule(body=body, body_name=name.strip(), deadline_days=days or 30)
    return rules


@dataclass(frozen=True)
class NominationRule:
    # How many member organisations must second a nomination (besides the nominating one).
    seconders_required: int = 0


@dataclass(frozen=True)
class ProxyRule:
    allowed: bool = True
    max_per_delegate: int = 1


@dataclass(frozen=True)
class QuotaBounds:
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class DelegateRule:
    """How the Forum's Annual Assembly delegates are selected (a Forum statute's rule).

    ``per_country`` is keyed by platform slug (``"forum"`` for the Forum's direct, EU-side
    members); countries and working groups not named take the defaults.
    """

    seats: int = 0
    reserve: int = 0
    per_country: dict[str, QuotaBounds] = field(default_factory=dict)
    default_country: QuotaBounds = field(default_factory=QuotaBounds)
    per_working_group: dict[int, QuotaBounds] = field(default_factory=dict)
    default_working_group: QuotaBounds = field(default_factory=QuotaBounds)
    # At least this share of women and at least this share of men among the selected.
    min_share_each_gender: Fraction | None = None


def _bounds(value: Any, where: str, problems: list[str]) -> QuotaBounds:
    if not isinstance(value, dict):
        problems.append(f"{where}: must be an object with minimum and maximum")
        return QuotaBounds()
    minimum = _int(value.get("minimum", 0), f"{where}.minimum", problems) or 0
    maximum = _int(value.get("maximum"), f"{where}.maximum", problems, optional=True)
    if maximum is not None and maximum < minimum:
        problems.append(f"{where}: the maximum {maximum} is below the minimum {minimum}")
    return QuotaBounds(minimum=minimum, maximum=maximum)


def _delegates(d: Any, problems: list[str]) -> DelegateRule:
    if not isinstance(d, dict):
        problems.append("delegates: must be an object")
        return DelegateRule()
    per_country_raw = d.get("per_country", {})
    per_group_raw = d.get("per_working_group", {})
    if not isinstance(per_country_raw, dict) or not isinstance(per_group_raw, dict):
        problems.append("delegates.per_country, delegates.per_working_group: must be objects")
        per_country_raw, per_group_raw = {}, {}
    per_group: dict[int, QuotaBounds] = {}
    for key, value in per_group_raw.items():
        if not str(key).isdigit():
            problems.append(f"delegates.per_working_group: '{key}' is not a group number")
            continue
        per_group[int(key)] = _bounds(value, f"delegates.per_working_group.{key}", problems)
    share = d.get("min_share_each_gender")
    return DelegateRule(
        seats=_int(d.get("seats", 0), "delegates.seats", problems) or 0,
        reserve=_int(d.get("reserve", 0), "delegates.reserve", problems) or 0,
        per_country={
            str(key): _bounds(value, f"delegates.per_country.{key}", problems)
            for key, value in per_country_raw.items()
        },
        default_country=_bounds(
            d.get("default_country", {}), "delegates.default_country", problems
        ),
        per_working_group=per_group,
        default_working_group=_bounds(
            d.get("default_working_group", {}), "delegates.default_working_group", problems
        ),
        min_share_each_gender=(
            None if share is None else _fraction(share, "delegates.min_share_each_gender", problems)
        ),
    )


def _bounds_dict(bounds: QuotaBounds) -> dict[str, Any]:
    return {"minimum": bounds.minimum, "maximum": bounds.maximum}


@dataclass(frozen=True)
class StatuteRules:
    quorum: QuorumRule = field(default_factory=QuorumRule)
    majorities: dict[str, str] = field(default_factory=lambda: {"ordinary": "simple"})
    abstentions_count_as_cast: bool = False
    offices: dict[str, OfficeRule] = field(default_factory=dict)
    # The Board of Governance is made of the holders of these office kinds.
    board_composition: tuple[str, ...] = ("platform_coordinator", "wg_coordinator")
    admission: AdmissionRule = field(default_factory=AdmissionRule)
    proxies: ProxyRule = field(default_factory=ProxyRule)
    nominations: NominationRule = field(default_factory=NominationRule)
    max_coordinator_posts_per_organisation: int = 1
    notice_days: dict[str, int] = field(
        default_factory=lambda: {"ordinary": 14, "extraordinary": 7}
    )
    # A Forum statute: the Steering Committee's composition ("country_facilitators" and the
    # kinds of the Forum's own offices whose holders sit in it), and the delegate selection.
    steering_committee: tuple[str, ...] = ()
    delegates: DelegateRule = field(default_factory=DelegateRule)
    # Appeals against membership decisions, keyed by APPEALABLE_DECISIONS (all three present).
    appeals: dict[str, AppealRule] = field(
        default_factory=lambda: {decision: AppealRule() for decision in APPEALABLE_DECISIONS}
    )

    # --- reading ---------------------------------------------------------------------------
    def majority_for(self, motion_kind: str) -> str:
        return self.majorities.get(motion_kind) or self.majorities.get("ordinary", "simple")

    def office(self, kind: str) -> OfficeRule:
        return self.offices.get(kind, OfficeRule())

    def appeal(self, decision: str) -> AppealRule:
        return self.appeals.get(decision, AppealRule())

    # --- (de)serialising -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["quorum"]["share"] = str(self.quorum.share)
        data["board_composition"] = list(self.board_composition)
        data["admission"]["documents"] = list(self.admission.documents)
        data["admission"]["declarations"] = list(self.admission.declarations)
        data["steering_committee"] = list(self.steering_committee)
        d = self.delegates
        data["delegates"] = {
            "seats": d.seats,
            "reserve": d.reserve,
            "per_country": {k: _bounds_dict(v) for k, v in d.per_country.items()},
            "default_country": _bounds_dict(d.default_country),
            "per_working_group": {str(k): _bounds_dict(v) for k, v in d.per_working_group.items()},
            "default_working_group": _bounds_dict(d.default_working_group),
            "min_share_each_gender": (
                None if d.min_share_each_gender is None else str(d.min_share_each_gender)
            ),
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> StatuteRules:
        """Validate ``data`` and build the rules; missing keys take the defaults above."""
        data = dict(data or {})
        problems: list[str] = []
        known = {
            "quorum",
            "majorities",
            "abstentions_count_as_cast",
            "offices",
            "board_composition",
            "admission",
            "proxies",
            "nominations",
            "max_coordinator_posts_per_organisation",
            "notice_days",
            "steering_committee",
            "delegates",
            "appeals",
        }
        for key in sorted(set(data) - known):
            problems.append(f"{key}: unknown rule")
        defaults = cls()

        q = data.get("quorum", {})
        quorum = defaults.quorum
        if not isinstance(q, dict):
            problems.append("quorum: must be an object")
        else:
            share = _fraction(q.get("share", "1/2"), "quorum.share", problems)
            quorum = QuorumRule(
                share=share or Fraction(1, 2),
                more_than=_bool(q.get("more_than", True), "quorum.more_than", problems),
                count_proxies=_bool(q.get("count_proxies", True), "quorum.count_proxies", problems),
            )

        majorities = data.get("majorities", defaults.majorities)
        if not isinstance(majorities, dict):
            problems.append("majorities: must map motion kinds to majority kinds")
            majorities = defaults.majorities
        for kind, majority in majorities.items():
            _choice(kind, MOTION_KINDS, "majorities", problems)
            _choice(majority, MAJORITY_KINDS, f"majorities.{kind}", problems)

        offices: dict[str, OfficeRule] = {}
        raw_offices = data.get("offices", {})
        if not isinstance(raw_offices, dict):
            problems.append("offices: must map office kinds to their rules")
            raw_offices = {}
        for kind, rule in raw_offices.items():
            where = f"offices.{kind}"
            if not isinstance(rule, dict):
                problems.append(f"{where}: must be an object")
                continue
            offices[kind] = OfficeRule(
                term_years=_int(
                    rule.get("term_years", 2), f"{where}.term_years", problems, minimum=1
                )
                or 2,
                max_consecutive_terms=_int(
                    rule.get("max_consecutive_terms"),
                    f"{where}.max_consecutive_terms",
                    problems,
                    minimum=1,
                    optional=True,
                ),
                max_total_terms=_int(
                    rule.get("max_total_terms"),
                    f"{where}.max_total_terms",
                    problems,
                    minimum=1,
                    optional=True,
                ),
            )

        board = data.get("board_composition", list(defaults.board_composition))
        if not isinstance(board, list) or not board:
            problems.append("board_composition: must be a non-empty list of office kinds")
            board = list(defaults.board_composition)

        a = data.get("admission", {})
        admission = defaults.admission
        if not isinstance(a, dict):
            problems.append("admission: must be an object")
        else:
            documents = a.get("documents", list(defaults.admission.documents))
            for doc in documents:
                _choice(doc, DOCUMENT_KINDS, "admission.documents", problems)
            ages = a.get("document_max_age_days", {})
            for doc, days in ages.items():
                _choice(doc, DOCUMENT_KINDS, "admission.document_max_age_days", problems)
                _int(days, f"admission.document_max_age_days.{doc}", problems, minimum=1)
            admission = AdmissionRule(
                min_years_registered=_int(
                    a.get("min_years_registered", 2), "admission.min_years_registered", problems
                )
                or 0,
                min_years_experience=_int(
                    a.get("min_years_experience", 1), "admission.min_years_experience", problems
                )
                or 0,
                documents=tuple(documents),
                document_max_age_days=dict(ages),
                recommendations_required=_int(
                    a.get("recommendations_required", 2),
                    "admission.recommendations_required",
                    problems,
                )
                or 0,
                min_working_groups=_int(
                    a.get("min_working_groups", 1), "admission.min_working_groups", problems
                )
                or 0,
                decided_by=_choice(
                    a.get("decided_by", "board"),
                    ADMISSION_DECIDERS,
                    "admission.decided_by",
                    problems,
                ),
                majority=_choice(
                    a.get("majority", "simple_present"),
                    MAJORITY_KINDS,
                    "admission.majority",
                    problems,
                ),
                declarations=tuple(a.get("declarations", ())),
            )

        p = data.get("proxies", {})
        proxies = defaults.proxies
        if not isinstance(p, dict):
            problems.append("proxies: must be an object")
        else:
            proxies = ProxyRule(
                allowed=_bool(p.get("allowed", True), "proxies.allowed", problems),
                max_per_delegate=_int(
                    p.get("max_per_delegate", 1), "proxies.max_per_delegate", problems
                )
                or 0,
            )

        n = data.get("nominations", {})
        nominations = defaults.nominations
        if not isinstance(n, dict):
            problems.append("nominations: must be an object")
        else:
            nominations = NominationRule(
                seconders_required=_int(
                    n.get("seconders_required", 0), "nominations.seconders_required", problems
                )
                or 0
            )

        notice = data.get("notice_days", defaults.notice_days)
        if not isinstance(notice, dict):
            problems.append("notice_days: must map meeting kinds to days")
            notice = defaults.notice_days
        for kind, days in notice.items():
            _int(days, f"notice_days.{kind}", problems)

        committee = data.get("steering_committee", [])
        if not isinstance(committee, list):
            problems.append("steering_committee: must be a list")
            committee = []
        for part in committee:
            _choice(part, (COUNTRY_FACILITATORS, *OFFICE_KINDS), "steering_committee", problems)

        rules = cls(
            quorum=quorum,
            majorities=dict(majorities),
            abstentions_count_as_cast=_bool(
                data.get("abstentions_count_as_cast", False),
                "abstentions_count_as_cast",
                problems,
            ),
            offices=offices,
            board_composition=tuple(board),
            admission=admission,
            proxies=proxies,
            nominations=nominations,
            max_coordinator_posts_per_organisation=_int(
                data.get("max_coordinator_posts_per_organisation", 1),
                "max_coordinator_posts_per_organisation",
                problems,
                minimum=1,
            )
            or 1,
            notice_days=dict(notice),
            steering_committee=tuple(committee),
            delegates=_delegates(data.get("delegates", {}), problems),
            appeals=_appeals(data.get("appeals", {}), problems),
        )
        if problems:
            raise RulesError(problems)
        return rules
