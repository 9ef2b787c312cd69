"""Who holds what about a person: the registry the privacy app walks (docs/privacy.md).

Each app that keeps personal data contributes a module ``platforma/<app>/personal_data.py`` that
calls :func:`register` with a :class:`Holder`: what it holds about an e-mail address on one
platform (``export``), what an erasure would do to it (``describe``, the dry run the secretariat
reads before approving) and the erasure itself (``erase``). The privacy app discovers the modules
(``autodiscover_modules("personal_data")``) and calls the holders; no app imports privacy.

Addresses are compared normalised (:func:`normalise`); what replaces an erased address or name
is derived from a keyed hash of the address (:func:`address_hash`), so the same person erased
twice gets the same pseudonym and an opt-out can be kept without keeping the address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.crypto import salted_hmac

from .languages import codes
from .types import Actor

ERASED_DOMAIN = "erased.invalid"
ERASE, PSEUDONYMISE, KEEP = "erase", "pseudonymise", "keep"


def normalise(email: str) -> str:
    return (email or "").strip().lower()


def address_hash(email: str) -> str:
    """A keyed SHA-256 of the normalised address (the key derives from ``SECRET_KEY``): stable,
    and useless to whoever lacks the key to test a guessed address."""
    return salted_hmac("platforma.personal_data", normalise(email), algorithm="sha256").hexdigest()


def pseudonym(email: str) -> str:
    """The name that replaces an erased person's: ``Erased 1a2b3c4d``."""
    return f"Erased {address_hash(email)[:8]}"


def erased_address(email: str) -> str:
    """The address that replaces an erased one where one is required (never deliverable)."""
    return f"erased-{address_hash(email)[:16]}@{ERASED_DOMAIN}"


def set_translated(obj: models.Model, name: str, value: str) -> list[str]:
    """Set ``name`` and its translations (``name_en``...) when the model has them; the fields
    written, for ``save(update_fields=...)``."""
    written = [name]
    setattr(obj, name, value)
    for code in codes():
        attname = f"{name}_{code.replace('-', '_')}"
        if hasattr(obj, attname):
            setattr(obj, attname, value)
            written.append(attname)
    return written


def record_of(obj: models.Model, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """An object's concrete fields as JSON-ready values (foreign keys as ids, files as names)."""
    from .audit import _jsonable

    skip = set(exclude)
    result: dict[str, Any] = {"type": obj._meta.label_lower}
    for f in obj._meta.concrete_fields:
        if f.name in skip or f.attname in skip:
            continue
        value = getattr(obj, f.attname)
        if isinstance(value, FieldFile):
            value = value.name or ""
        result[f.attname] = _jsonable(value)
    return result


@dataclass
class ExportFile:
    """A file in the copy: its name in the ZIP and the stored file (or bytes)."""

    name: str
    file: FieldFile | None = None
    content: bytes | None = None

    def read(self) -> bytes:
        if self.content is not None:
            return self.content
        if self.file is None or not self.file.name:
            return b""
        with self.file.open("rb") as handle:
            data = handle.read()
        return data if isinstance(data, bytes) else data.encode()


@dataclass
class Export:
    records: list[dict[str, Any]] = field(default_factory=list)
    files: list[ExportFile] = field(default_factory=list)


@dataclass
class Item:
    """A line of the dry run: what ``count`` rows of ``what`` become, and why."""

    what: str
    count: int
    action: str  # ERASE, PSEUDONYMISE or KEEP
    reason: str = ""


@dataclass
class Holder:
    """One app's personal data. ``order``: erasures run in increasing order (the shared person
    and account last, once every app has let go of them)."""

    name: str
    export: Callable[[str, Any], Export]
    describe: Callable[[str, Any], list[Item]]
    erase: Callable[[str, Any, Actor], dict[str, int]]
    # The platforms (ids) where this holder keeps live records of the address.
    platforms: Callable[[str], set[int]] = lambda email: set()
    # Why a person must keep their name (an office held, a candidacy, an authorship), if so.
    public_record: Callable[[list[int]], list[str]] = lambda person_ids: []
    order: int = 50
    # Shared by the platforms (the person, the account): what it holds counts as a platform's
    # only when ``platforms`` names that platform (see :func:`held_by`).
    shared: bool = False


_HOLDERS: dict[str, Holder] = {}


def register(holder: Holder) -> Holder:
    _HOLDERS[holder.name] = holder
    return holder


def holders() -> list[Holder]:
    return sorted(_HOLDERS.values(), key=lambda h: (h.order, h.name))


def public_record_reasons(person_ids: list[int]) -> list[str]:
    """Why these people's names stay in the record (empty: nothing keeps them)."""
    reasons: list[str] = []
    for holder in holders():
        reasons += holder.public_record(person_ids)
    return reasons


def held_by(email: str, platform_id: int, export_of: Callable[[Holder], Export]) -> bool:
    """Whether the platform holds anything about the address: a record of its own, or a shared
    person or account that belongs to it. (Whoever is known only to other platforms gets no link
    from this one's site.)"""
    for holder in holders():
        if holder.shared:
            if platform_id in holder.platforms(email):
                return True
        elif export_of(holder).records:
            return True
    return False


def other_platforms(email: str, platform_id: int) -> set[int]:
    """The platforms other than ``platform_id`` that hold live records of the address."""
    ids: set[int] = set()
    for holder in holders():
        ids |= holder.platforms(email)
    ids.discard(platform_id)
    return ids


# The core's own holder: the shared person (names, address, phone, account link) and the
# platform's outgoing mail to the address.


def _persons(email: str) -> models.QuerySet[Any]:
    from .models import Person

    return (
        Person.objects.filter(email__iexact=normalise(email))
        if normalise(email)
        else (Person.objects.none())
    )


def _mails(email: str, platform: Any) -> list[Any]:
    from django.db.models import TextField
    from django.db.models.functions import Cast

    from .models import OutgoingMail

    address = normalise(email)
    if not address:
        return []
    rows = (
        OutgoingMail.objects.filter(platform=platform)
        .annotate(recipients=Cast("to", TextField()))
        .filter(recipients__icontains=address)
        .order_by("created_at")
    )
    return [m for m in rows if address in {normalise(a) for a in [*m.to, *m.cc, *m.bcc]}]


def _core_export(email: str, platform: Any) -> Export:
    records = [record_of(p) for p in _persons(email)]
    for mail in _mails(email, platform):
        record = record_of(mail, exclude=("attachments", "last_error", "next_attempt_at"))
        if mail.purpose == "privacy_link":
            record["body"] = ""  # it holds a live link to this very copy
        records.append(record)
    return Export(records=records)


def _core_platforms(email: str) -> set[int]:
    from .tenancy import platforms_of

    ids: set[int] = set()
    for person in _persons(email):
        ids |= platforms_of(person)
    return ids


def _person_fate(email: str, platform: Any) -> tuple[str, str]:
    from django.utils.translation import gettext as _

    if other_platforms(email, platform.pk):
        return KEEP, _(
            "Also known to another platform: the shared person is kept there as it is; "
            "only this platform's records are erased."
        )
    reasons = public_record_reasons([p.pk for p in _persons(email)])
    if reasons:
        return ERASE, _(
            "Address and phone erased; the name is kept in the public record: %(reasons)s."
        ) % {"reasons": "; ".join(reasons)}
    return PSEUDONYMISE, _("Name replaced by a pseudonym; address and phone erased.")


def _core_describe(email: str, platform: Any) -> list[Item]:
    from django.utils.translation import gettext as _

    action, reason = _person_fate(email, platform)
    return [
        Item(_("person"), _persons(email).count(), action, reason),
        Item(
            _("e-mails sent to the address"),
            len(_mails(email, platform)),
            PSEUDONYMISE,
            _("What was sent and when stays, without the address and the text."),
        ),
    ]


def _core_erase(email: str, platform: Any, actor: Actor) -> dict[str, int]:
    # The outbox rows stay (what was sent, when, for the figures), without the address, the
    # text or the attachments.
    address = normalise(email)
    mails = _mails(email, platform)
    for mail in mails:
        for name in ("to", "cc", "bcc", "reply_to"):
            setattr(
                mail,
                name,
                [erased_address(a) if normalise(a) == address else a for a in getattr(mail, name)],
            )
        mail.body, mail.attachments = "", []
        mail.save(update_fields=["to", "cc", "bcc", "reply_to", "body", "attachments"])
    counts = {"mails_pseudonymised": len(mails), "persons_pseudonymised": 0}
    action, _reason = _person_fate(email, platform)
    for person in _persons(email):
        if action == KEEP:
            counts["persons_kept"] = counts.get("persons_kept", 0) + 1
            continue
        fields = ["email", "phone", "user"]
        person.email, person.phone, person.user = "", "", None
        if action == PSEUDONYMISE:
            fields += set_translated(person, "first_name", "Erased")
            fields += set_translated(person, "last_name", address_hash(email)[:8])
            counts["persons_pseudonymised"] += 1
        else:
            counts["persons_contact_erased"] = counts.get("persons_contact_erased", 0) + 1
        person.save(update_fields=[*fields, "updated_at"])
    return counts


register(
    Holder(
        name="core",
        export=_core_export,
        describe=_core_describe,
        erase=_core_erase,
        platforms=_core_platforms,
        order=90,
        shared=True,
    )
)
