"""Demo election: the General Assembly's 2013 election of the WG3 coordinator (fictional).

Everything here is invented, like the demo mandates it matches: Nigar Huseynova (a fictional
person of the demo data) wins the instant-runoff count and the demo loader has already given
her the WG3 coordinator's mandate from 16 November 2013. So the election records the result
without an office link and is published with ``start_mandates=False``: publishing it does
not create the mandate a second time. The ballots are paper ballots read by two tellers, as
they would be in the room, so the board, the chain and ``verify_election`` work on it.

Hook: add "platforma.elections.demo.load" to ``platforma.demo.loader.DEMO_EXTENSIONS``.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.contrib.auth import get_user_model

from platforma.core import services as core
from platforma.core.models import Person, Platform
from platforma.governance.models import Body
from platforma.members import services as members
from platforma.members.models import Organisation, Representative
from platforma.members.selectors import members_in_good_standing

from . import services
from .models import Election

BAKU = zoneinfo.ZoneInfo("Asia/Baku")
DAY = datetime.date(2013, 11, 16)
TITLE = {
    "en": "Election of the WG3 coordinator, 2013 (demo)",
    "az": "İQ3 koordinatorunun seçkisi, 2013 (demo)",
    "ru": "Выборы координатора РГ3, 2013 (демо)",
}
NEW_CANDIDATES = [
    {
        "first_name": {"en": "Farid", "az": "Fərid", "ru": "Фарид"},
        "last_name": {"en": "Aliyev", "az": "Əliyev", "ru": "Алиев"},
    },
    {
        "first_name": {"en": "Gunel", "az": "Günel", "ru": "Гюнель"},
        "last_name": {"en": "Rzayeva", "az": "Rzayeva", "ru": "Рзаева"},
    },
]
# First preferences 15 / 12 / 9, one blank, one invalid: the third candidate is excluded in
# round 1 and two thirds of their ballots go to the first, who then has a majority.
PATTERN = (
    [("N", "F")] * 10 + [("N",)] * 5 + [("F", "N")] * 4 + [("F",)] * 8
    + [("G", "N")] * 6 + [("G", "F")] * 2 + [("G",)] * 1 + [()] + ["invalid"]
)  # fmt: skip


def _langs(prefix: str, values: dict[str, str]) -> dict[str, Any]:  # keyword arguments
    return {f"{prefix}_{lang}": text for lang, text in values.items()}


def load(*, platform: Platform, who: dict) -> Election:
    assembly = Body.objects.get(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY)
    nigar = Person.objects.get(email__startswith="nigar", representations__isnull=False)
    nigar_org = Representative.objects.get(person=nigar, until__isnull=True).organisation
    others = list(
        Organisation.objects.filter(
            memberships__platform=platform,
            memberships__enrolments__working_group__slug="wg3",
            representatives__isnull=True,
        )
        .exclude(pk=nigar_org.pk)
        .order_by("legal_name")[: len(NEW_CANDIDATES)]
    )
    election = services.election_create(
        platform=platform,
        body=assembly,
        method=Election.Method.IRV,
        seats=1,
        voting_opens_at=datetime.datetime.combine(DAY, datetime.time(11), BAKU),
        voting_closes_at=datetime.datetime.combine(DAY, datetime.time(13), BAKU),
        meeting_reference="GA-2013 (demo)",
        title=TITLE["en"],
        **_langs("title", TITLE),
        **who,
    )
    services.election_open_nominations(election=election, **who)
    keys = {}
    candidates = [(nigar, nigar_org, "N")]
    for data, organisation, letter in zip(NEW_CANDIDATES, others, "FG", strict=True):
        person = core.person_create(
            platform=platform,
            **_langs("first_name", data["first_name"]),
            **_langs("last_name", data["last_name"]),
            is_demo=True,
            **who,
        )
        members.representative_assign(
            organisation=organisation,
            person=person,
            role=Representative.Role.ALTERNATE,
            since=datetime.date(2012, 1, 1),
            **who,
        )
        candidates.append((person, organisation, letter))
    for person, organisation, letter in candidates:
        nomination = services.nomination_create(
            election=election, person=person, organisation=organisation, **who
        )
        services.nomination_answer(nomination=nomination, accept=True, **who)
        keys[letter] = nomination.candidate_key
    tellers = _demo_tellers(election, exclude={p.pk for p, _o, _l in candidates}, who=who)
    services.election_tellers_appoint(election=election, users=tellers, needed=2, **who)
    shares = [services.teller_share_take(actor=user, election=election) for user in tellers]
    election = services.election_open_voting(election=election, **who)

    standing = members_in_good_standing(platform, DAY).select_related("organisation")
    voters = sorted((m.organisation for m in standing), key=lambda o: o.legal_name)
    for organisation in voters[: len(PATTERN)]:
        services.paper_voter_record(election=election, organisation=organisation, **who)
    for teller in ("teller 1 (demo)", "teller 2 (demo)"):
        for number, ballot in enumerate(PATTERN, start=1):
            invalid = ballot == "invalid"
            services.paper_entry_save(
                actor=None,
                actor_label=teller,
                election=election,
                batch="GA-2013",
                sequence=number,
                choices=[] if invalid else [keys[letter] for letter in ballot],
                invalid=invalid,
            )
    election = services.election_close(election=election, shares=shares[:2], **who)
    return services.election_publish(election=election, start_mandates=False, **who)


def _demo_tellers(election: Election, *, exclude: set[int], who: dict) -> list:
    """Two members' representatives, with accounts that cannot log in, as the demo's tellers.

    Their shares are taken and used by the loader itself: the demo election was counted long
    ago, and a teller's share is never kept.
    """
    User = get_user_model()
    people = (
        Person.objects.filter(
            representations__until__isnull=True,
            representations__role=Representative.Role.PRIMARY,
            representations__organisation__memberships__platform=election.platform,
            user__isnull=True,
        )
        .exclude(pk__in=exclude)
        .distinct()
        .order_by("last_name", "first_name")[:2]
    )
    tellers = []
    for number, person in enumerate(people, start=1):
        user = User.objects.create_user(f"demo-teller-{election.pk}-{number}", person.email)
        user.set_unusable_password()
        user.save(update_fields=["password"])
        core.person_update(person=person, user=user, **who)
        tellers.append(user)
    return tellers
