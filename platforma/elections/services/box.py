"""The sealed ballot box: appointing the tellers, their shares, sealing, and opening the box.

The key pair is made when the tellers are appointed (in the draft or while nominations are
open), and each teller takes their share once; voting opens only when every share has been
taken, so no share rests on the server while ballots are cast. At closing, ``needed`` tellers
enter their shares (``open_box``): the key exists in memory for that one request and is then
forgotten. See docs/elections.md, "Sealed ballots".
"""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from platforma.core import audit
from platforma.core.mail import absolute_url, send_templated
from platforma.core.tenancy import require_manage
from platforma.core.types import Actor

from .. import board as fmt
from .. import sealing
from .. import selectors as sel
from ..models import BallotBox, Election, Teller

APPOINTABLE = {Election.State.DRAFT, Election.State.NOMINATIONS}
MAX_TELLERS = 15


@transaction.atomic
def election_tellers_appoint(
    *,
    actor: Actor,
    election: Election,
    users: Sequence[User],
    needed: int,
    actor_label: str = "",
) -> list[Teller]:
    """Appoint ``users`` as the election's tellers, ``needed`` of whom will open the box.

    A fresh key pair is made and split at once; each teller takes their share on their own
    page. Appointing again (someone cannot come, say) makes a new key: the shares already
    taken open nothing any more.
    """
    users = list(dict.fromkeys(users))
    require_manage(actor, election, *users)
    election = Election.objects.select_for_update(of=("self",)).get(pk=election.pk)
    if election.state not in APPOINTABLE:
        raise ValidationError(
            _("Tellers are appointed before voting opens; the election is “%(state)s”.")
            % {"state": election.get_state_display()}
        )
    if not users:
        raise ValidationError(_("Choose at least one teller."))
    if len(users) > MAX_TELLERS:
        raise ValidationError(_("At most %(max)d tellers.") % {"max": MAX_TELLERS})
    allowed = set(sel.teller_choices(election.platform).values_list("pk", flat=True))
    outsiders = [u for u in users if u.pk not in allowed]
    if outsiders:
        raise ValidationError(
            _(
                "Not eligible as tellers here: %(users)s. A teller works in this platform's "
                "back office or represents one of its members."
            )
            % {"users": ", ".join(u.get_username() for u in outsiders)}
        )
    if not 1 <= needed <= len(users):
        raise ValidationError(
            _("The shares needed must be between 1 and the number of tellers (%(count)d).")
            % {"count": len(users)}
        )
    public_key, shares = sealing.new_key_shares(election.pk, needed, len(users))
    Teller.objects.filter(election=election).delete()
    tellers = Teller.objects.bulk_create(
        Teller(
            election=election,
            user=user,
            number=share.number,
            pending_share=share.text,
            share_digest=share.digest,
        )
        for user, share in zip(users, shares, strict=True)
    )
    election.public_key = public_key
    election.tellers_needed = needed
    election.save(update_fields=["public_key", "tellers_needed", "updated_at"])
    audit.record(
        "elections.tellers.appointed",
        actor=actor,
        actor_label=actor_label,
        target=election,
        platform=election.platform,
        data={
            "tellers": [{"number": t.number, "user": t.user.get_username()} for t in tellers],
            "needed": needed,
            "public_key": public_key,
        },
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    _tell_tellers(election.pk, language)  # queued with the appointment (core.mail.queue)
    return tellers


def _tell_tellers(election_pk: int, language: str) -> None:
    """Queue an e-mail to each teller saying where to take their share (sent after the commit)."""
    election = Election.objects.select_related("platform").get(pk=election_pk)
    tellers = list(Teller.objects.filter(election=election).select_related("user"))
    for teller in tellers:
        send_templated(
            to=[teller.user.email],
            language=language,
            template="elections/email/teller_appointed",
            platform=election.platform,
            context={
                "election": election,
                "platform": election.platform,
                "number": teller.number,
                "total": len(tellers),
                "fingerprint": election.key_fingerprint,
                "url": absolute_url(
                    "elections:teller-share",
                    language=language,
                    args=[election.platform.slug, election.pk],
                ),
            },
        )


@transaction.atomic
def teller_share_take(*, actor: Actor, election: Election) -> str:
    """The acting teller's share, handed over once; the server keeps only its digest."""
    teller = (
        None
        if actor is None
        else Teller.objects.select_for_update().filter(election=election, user=actor).first()
    )
    if teller is None:
        raise ValidationError(_("You are not a teller of this election."))
    if teller.share_taken_at is not None:
        raise ValidationError(
            _(
                "You took your share on %(when)s. It is not kept anywhere and cannot be shown "
                "again; if it is lost, the secretariat appoints the tellers again before voting "
                "opens."
            )
            % {
                "when": date_format(
                    timezone.localtime(
                        teller.share_taken_at, zoneinfo.ZoneInfo(election.platform.time_zone)
                    ),
                    "DATETIME_FORMAT",
                )
            }
        )
    share = teller.pending_share
    teller.pending_share = ""
    teller.share_taken_at = timezone.now()
    teller.save(update_fields=["pending_share", "share_taken_at"])
    audit.record(
        "elections.tellers.share_taken",
        actor=actor,
        target=election,
        platform=election.platform,
        data={"number": teller.number},
    )
    return share


def readiness_problems(election: Election, tellers: list[Teller] | None = None) -> list[str]:
    """Why the box is not ready for voting to open (empty: ready); ``tellers`` if read already."""
    if tellers is None:
        tellers = list(Teller.objects.filter(election=election).select_related("user"))
    if not tellers or not election.public_key:
        return [_("Appoint the tellers first: they hold the key that opens the ballots.")]
    waiting = [t.user.get_username() for t in tellers if t.share_taken_at is None]
    if waiting:
        return [
            ngettext(
                "%(count)d teller has not taken their share yet: %(names)s.",
                "%(count)d tellers have not taken their share yet: %(names)s.",
                len(waiting),
            )
            % {"count": len(waiting), "names": ", ".join(waiting)}
        ]
    return []


def box_create(election: Election) -> BallotBox:
    """The empty box, sized for the longest ballot this election can have (at voting open)."""
    keys = [n.candidate_key for n in sel.candidates(election)]
    longest = fmt.canonical(
        fmt.ballot_content(
            election_id=election.pk, tracker=fmt.new_tracker(), choices=keys, invalid=True
        )
    )
    size = sealing.padded_size(len(longest.encode("utf-8")))
    return BallotBox.objects.create(election=election, record_size=size + sealing.SEAL_OVERHEAD)


def box_insert(election: Election, content: str) -> None:
    """Seal ``content`` and put it at a random place in the election's box (in a transaction).

    The box's row is locked for the insert. On PostgreSQL the insert is made by the database
    itself (``substring(...) || record || substring(...)``), so the box never travels to the
    application and back; elsewhere it is read, spliced and written.
    """
    boxes = BallotBox.objects.select_for_update().filter(pk=election.pk)
    count, size = boxes.values_list("count", "record_size").get()
    record = sealing.seal(election.public_key, content, size - sealing.SEAL_OVERHEAD)
    place = sealing.random_place(count) * size
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(BallotBox._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET sealed = substring(sealed from 1 for %s) || %s::bytea "  # noqa: S608
                "|| substring(sealed from %s), count = count + 1 WHERE election_id = %s",
                [place, record, place + 1, election.pk],
            )
        return
    sealed = bytes(BallotBox.objects.filter(pk=election.pk).values_list("sealed", flat=True).get())
    BallotBox.objects.filter(pk=election.pk).update(
        sealed=sealed[:place] + record + sealed[place:], count=count + 1
    )


def seal_reading(election: Election, content: str) -> bytes:
    box = BallotBox.objects.get(pk=election.pk)
    return sealing.seal(election.public_key, content, box.record_size - sealing.SEAL_OVERHEAD)


def reading_digest(election: Election, batch: str, sequence: int, content: str) -> str:
    """Equal for two equal readings of one paper ballot; guessable only with the server's key."""
    return salted_hmac(
        f"platforma.elections.paper.{election.pk}",
        json.dumps([batch, sequence, content]),
        algorithm="sha256",
    ).hexdigest()


def open_box(election: Election, shares: Sequence[str]) -> bytes:
    """The private key from the tellers' ``shares``, or a refusal that says what is wrong."""
    tellers = {t.number: t for t in Teller.objects.filter(election=election).select_related("user")}
    problems: list[str] = []
    valid: dict[int, sealing.Share] = {}
    for position, text in enumerate(shares, start=1):
        if not (text or "").strip():
            continue
        try:
            share = sealing.parse_share(text)
        except sealing.ShareError:
            problems.append(
                _(
                    "Share %(n)d is not a share: a share reads PS1-, the election's number, "
                    "the teller's number, and 64 hexadecimal digits (0-9, a-f)."
                )
                % {"n": position}
            )
            continue
        teller = tellers.get(share.number)
        if share.election != election.pk or teller is None:
            problems.append(_("Share %(n)d belongs to another election.") % {"n": position})
        elif share.digest != teller.share_digest:
            problems.append(
                _("Share %(n)d is not the share teller %(teller)s took.")
                % {"n": position, "teller": teller.user.get_username()}
            )
        else:
            valid[share.number] = share
    needed = election.tellers_needed
    if len(valid) < needed:
        problems.append(
            ngettext(
                "%(needed)d teller's share is needed to open the ballots; %(given)d valid "
                "were given. Nothing was opened.",
                "%(needed)d tellers' shares are needed to open the ballots; %(given)d valid "
                "were given. Nothing was opened.",
                needed,
            )
            % {"needed": needed, "given": len(valid)}
        )
    if problems:
        raise ValidationError(problems)
    private = sealing.combine(list(valid.values()), needed)
    if not sealing.opens(private, election.public_key):
        raise ValidationError(_("These shares do not open the ballot box. Nothing was opened."))
    return private
