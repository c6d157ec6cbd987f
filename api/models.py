"""Imports every table so ``Base.metadata`` is complete (Alembic, tests)."""

from api.advisory_sessions.models import (
    AdvisorySession,
    AdvisorySessionException,
    AdvisorySessionSlot,
)
from api.audit.models import AuditEntry
from api.auth.models import SignInCounter, StaffUser
from api.codex.models import CodexPrinciple
from api.db import Base
from api.faq.models import FaqEntry
from api.feedback.models import Rating
from api.history.models import RecordVersion
from api.offers.models import Offer
from api.org_units.models import OrgUnit
from api.places.models import Place
from api.process_rules.models import ProcessRule
from api.texts.models import BotText

__all__ = [
    "AdvisorySession",
    "AdvisorySessionException",
    "AdvisorySessionSlot",
    "AuditEntry",
    "Base",
    "BotText",
    "CodexPrinciple",
    "FaqEntry",
    "Offer",
    "OrgUnit",
    "Place",
    "ProcessRule",
    "Rating",
    "RecordVersion",
    "SignInCounter",
    "StaffUser",
]
