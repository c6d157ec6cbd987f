"""Every kind of content record, in the content file's order. Each topic declares its own kind;
this module only lists them. Import order follows from the kinds' references."""

from __future__ import annotations

from api.advisory_sessions.kind import ADVISORY_SESSIONS
from api.codex.kind import CODEX
from api.faq.kind import FAQ
from api.offers.kind import OFFERS
from api.org_units.kind import ORG_UNITS
from api.places.kind import PLACES
from api.process_rules.kind import PROCESS_RULES
from api.records.kind import Kind
from api.texts.kind import TEXTS

KINDS: tuple[Kind, ...] = (
    PLACES,
    ADVISORY_SESSIONS,
    OFFERS,
    CODEX,
    PROCESS_RULES,
    ORG_UNITS,
    FAQ,
    TEXTS,
)


def referenced_first(kinds: tuple[Kind, ...]) -> tuple[Kind, ...]:
    """The kinds with every kind a kind refers to before it (org units before offers)."""
    ordered: list[Kind] = []

    def visit(kind: Kind) -> None:
        if kind not in ordered:
            for target in kind.references.values():
                visit(target)
            ordered.append(kind)

    for kind in kinds:
        visit(kind)
    return tuple(ordered)


IMPORT_ORDER = referenced_first(KINDS)
BY_NAME = {k.name: k for k in KINDS}
BY_SECTION = {k.section: k for k in KINDS}
