"""The sealed ballot box: a key pair per election, its private key split among the tellers.

Pure Python over PyNaCl (libsodium) and pycryptodome, no Django; the formats are documented
in docs/elections.md ("Sealed ballots").

- **Key pair**: X25519 (``nacl.public.PrivateKey``). The public key is published with its
  fingerprint (SHA-256 of the 32 key bytes, hex). The private key exists only while the
  tellers' shares are being made and while the box is being opened; it is never stored.
- **Shares**: the 32-byte private key is cut in two halves of 16 bytes and each half is
  split with Shamir's scheme (pycryptodome ``Shamir.split(k, n, half)``, the same x for
  both halves). Teller *i*'s share is the text ``PS1-<election>-<i>-<64 hex digits>``: the
  two 16-byte y values. Any ``k`` shares rebuild the key; ``k - 1`` reveal nothing of it.
  The server keeps only the SHA-256 of each share text, to tell a teller that a share is
  not theirs.
- **A sealed ballot**: the canonical ballot JSON, padded with spaces to the election's fixed
  size (so that a ballot's length says nothing of how many candidates it ranks), sealed with
  ``nacl.public.SealedBox`` (an ephemeral X25519 key, XSalsa20-Poly1305): 48 bytes longer
  than the padded text.
- **The box**: the sealed ballots of an election, concatenated in one value. Each new ballot
  is inserted at a position drawn with ``secrets.randbelow`` among all the places between
  the ones already there, so whatever the order of casting, the order in the box is a
  uniformly random permutation of it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from Crypto.Protocol.SecretSharing import Shamir
from nacl.bindings import crypto_box_SEALBYTES
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

SHARE_PREFIX = "PS1"
SEAL_OVERHEAD = crypto_box_SEALBYTES  # 48: the ephemeral public key and the MAC
_SHARE = re.compile(r"^PS1-(\d+)-(\d+)-([0-9a-f]{64})$")


class ShareError(ValueError):
    """A share that is not one: wrong form, another election, or not the teller's."""


@dataclass(frozen=True)
class Share:
    election: int
    number: int
    value: bytes  # 32 bytes: the y values of both halves

    @property
    def text(self) -> str:
        return f"{SHARE_PREFIX}-{self.election}-{self.number}-{self.value.hex()}"

    @property
    def digest(self) -> str:
        return digest(self.text)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def fingerprint(public_key_hex: str) -> str:
    """SHA-256 of the public key's 32 bytes, as hex in groups of four (what voters compare)."""
    raw = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def new_key_shares(election: int, needed: int, tellers: int) -> tuple[str, list[Share]]:
    """A fresh key pair: its public key (hex) and ``tellers`` shares of which ``needed`` open it.

    The private key is dropped when this returns: only the shares can rebuild it.
    """
    if not 1 <= needed <= tellers:
        raise ValueError("needed must be between 1 and the number of tellers")
    private = PrivateKey.generate()
    secret = bytes(private)
    public = bytes(private.public_key).hex()
    shares = [
        Share(election, number, left + right)
        for (number, left), (_, right) in zip(
            _split(needed, tellers, secret[:16]), _split(needed, tellers, secret[16:]), strict=True
        )
    ]
    return public, shares


def _split(needed: int, tellers: int, half: bytes) -> list[tuple[int, bytes]]:
    if needed == 1:
        # A polynomial of degree 0: every share is the secret itself (Shamir with k = 1).
        return [(number, half) for number in range(1, tellers + 1)]
    return list(Shamir.split(needed, tellers, half))


def parse_share(text: str) -> Share:
    """A share from what a teller typed or pasted (spaces, line breaks and case ignored)."""
    cleaned = re.sub(r"\s+", "", text or "").lower().replace("ps1-", "PS1-", 1)
    match = _SHARE.match(cleaned)
    if not match:
        raise ShareError("not a share")
    return Share(int(match[1]), int(match[2]), bytes.fromhex(match[3]))


def combine(shares: Sequence[Share], needed: int) -> bytes:
    """The private key from ``needed`` distinct shares (the caller checks it against the public)."""
    chosen = list({s.number: s for s in shares}.values())[:needed]
    if len(chosen) < needed:
        raise ShareError("too few shares")
    if needed == 1:
        return chosen[0].value
    left = Shamir.combine([(s.number, s.value[:16]) for s in chosen])
    right = Shamir.combine([(s.number, s.value[16:]) for s in chosen])
    return left + right


def opens(private: bytes, public_key_hex: str) -> bool:
    return bytes(PrivateKey(private).public_key).hex() == public_key_hex


def padded_size(longest_content: int) -> int:
    """The plain size every ballot of an election is padded to: a multiple of 64 bytes."""
    return -(-max(longest_content, 1) // 64) * 64


def seal(public_key_hex: str, content: str, size: int) -> bytes:
    """``content`` (canonical JSON) padded to ``size`` bytes and sealed to the election's key."""
    plain = content.encode("utf-8")
    if len(plain) > size:
        raise ValueError(f"a ballot of {len(plain)} bytes does not fit the box's {size}")
    plain += b" " * (size - len(plain))
    return SealedBox(PublicKey(bytes.fromhex(public_key_hex))).encrypt(plain)


def unseal(private: bytes, record: bytes) -> str:
    try:
        return SealedBox(PrivateKey(private)).decrypt(record).decode("utf-8").rstrip(" ")
    except CryptoError as exc:
        raise ShareError("a sealed ballot does not open with this key") from exc


def random_place(count: int) -> int:
    """Where the next ballot goes among ``count`` already in the box: 0 .. count, uniformly."""
    return secrets.randbelow(count + 1)


def insert_at_random(box: bytes, record: bytes) -> bytes:
    """``box`` with ``record`` put at a uniformly random place among the records already in it."""
    size = len(record)
    if len(box) % size:
        raise ValueError("the box holds records of another size")
    place = random_place(len(box) // size) * size
    return box[:place] + record + box[place:]


def records(box: bytes, size: int) -> Iterable[bytes]:
    for start in range(0, len(box), size):
        yield box[start : start + size]


def shuffled(items: Sequence[str]) -> list[str]:
    """A copy of ``items`` in an order drawn from the operating system's random source."""
    result = list(items)
    secrets.SystemRandom().shuffle(result)
    return result
