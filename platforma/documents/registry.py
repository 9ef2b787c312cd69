"""The kinds of document the worker builds, registered by the apps that own them.

A kind says how to build its PDF and which cheap facts (besides the audit chains) show that the
records it is built from have changed. The apps above call :func:`register` from their ``pdf``
module, which ``DocumentsConfig.ready`` imports (rule 13: the lower app never imports them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from platforma.core.models import Platform


@dataclass(frozen=True)
class Kind:
    name: str
    # The PDF of ``key`` (for example "2014/en") of ``platform`` (None: the Forum's).
    render: Callable[[Platform | None, str], bytes]
    # Cheap facts about the records, without rendering anything: their change means rebuild.
    facts: Callable[[Platform | None, str], Iterable[object]]
    # The file name offered to the browser.
    filename: Callable[[Platform | None, str], str]
    # Bump when the layout changes, so that PDFs built with the old one are built again.
    version: str = "1"


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    _kinds[kind.name] = kind
    return kind


def kind_named(name: str) -> Kind:
    try:
        return _kinds[name]
    except KeyError:
        raise LookupError(f"No document kind {name!r} is registered") from None
