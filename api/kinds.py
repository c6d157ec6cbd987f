"""The registry of record kinds: one entry per topic, in import (dependency) order."""

from __future__ import annotations

from api.codex.models import CodexPrinciple
from api.codex.schemas import CodexFields, CodexOut, CodexRecord
from api.faq.models import FaqEntry
from api.faq.schemas import FaqFields, FaqOut, FaqRecord
from api.offers import service as offers_service
from api.offers.models import Offer
from api.offers.schemas import OfferFields, OfferOut, OfferRecord
from api.org_units.models import OrgUnit
from api.org_units.schemas import OrgUnitFields, OrgUnitOut, OrgUnitRecord
from api.places import service as places_service
from api.places.models import Place
from api.places.schemas import PlaceFields, PlaceOut, PlaceRecord
from api.process_rules.models import ProcessRule
from api.process_rules.schemas import ProcessRuleFields, ProcessRuleOut, ProcessRuleRecord
from api.records.kinds import Kind
from api.sessions import service as sessions_service
from api.sessions.models import AdvisorySession
from api.sessions.schemas import SessionFields, SessionOut, SessionRecord
from api.texts.models import BotText
from api.texts.schemas import TextFields, TextOut, TextRecord

ORG_UNITS = Kind(
    name="org-units",
    section="org_units",
    label="organisationsenhed",
    model=OrgUnit,
    key_field="slug",
    fields_schema=OrgUnitFields,
    record_schema=OrgUnitRecord,
    out_schema=OrgUnitOut,
)
PLACES = Kind(
    name="places",
    section="places",
    label="sted",
    model=Place,
    key_field="slug",
    fields_schema=PlaceFields,
    record_schema=PlaceRecord,
    out_schema=PlaceOut,
    out_extras=places_service.out_extras,
    load_options=places_service.LOAD_OPTIONS,
)
SESSIONS = Kind(
    name="sessions",
    section="sessions",
    label="åbningstid",
    model=AdvisorySession,
    key_field="slug",
    fields_schema=SessionFields,
    record_schema=SessionRecord,
    out_schema=SessionOut,
    child_fields=("slots", "exceptions"),
    column_map={"place": "place_slug"},
    read_children=sessions_service.read_children,
    write_children=sessions_service.write_children,
    check_refs=sessions_service.check_refs,
    load_options=sessions_service.LOAD_OPTIONS,
)
OFFERS = Kind(
    name="offers",
    section="offers",
    label="tilbud",
    model=Offer,
    key_field="slug",
    fields_schema=OfferFields,
    record_schema=OfferRecord,
    out_schema=OfferOut,
    check_refs=offers_service.check_refs,
)
CODEX = Kind(
    name="codex",
    section="codex",
    label="kodeksprincip",
    model=CodexPrinciple,
    key_field="number",
    fields_schema=CodexFields,
    record_schema=CodexRecord,
    out_schema=CodexOut,
)
PROCESS_RULES = Kind(
    name="process-rules",
    section="process_rules",
    label="procesregel",
    model=ProcessRule,
    key_field="slug",
    fields_schema=ProcessRuleFields,
    record_schema=ProcessRuleRecord,
    out_schema=ProcessRuleOut,
)
FAQ = Kind(
    name="faq",
    section="faq",
    label="FAQ-svar",
    model=FaqEntry,
    key_field="slug",
    fields_schema=FaqFields,
    record_schema=FaqRecord,
    out_schema=FaqOut,
    publishable=True,
)
TEXTS = Kind(
    name="texts",
    section="texts",
    label="bottekst",
    model=BotText,
    key_field="key",
    fields_schema=TextFields,
    record_schema=TextRecord,
    out_schema=TextOut,
)

# Import order respects references: org units before offers, places before sessions.
ALL_KINDS: tuple[Kind, ...] = (
    ORG_UNITS,
    PLACES,
    SESSIONS,
    OFFERS,
    CODEX,
    PROCESS_RULES,
    FAQ,
    TEXTS,
)
# Export order follows the contract's content file.
EXPORT_ORDER = (
    "places",
    "sessions",
    "offers",
    "codex",
    "process_rules",
    "org_units",
    "faq",
    "texts",
)
BY_NAME = {k.name: k for k in ALL_KINDS}
BY_SECTION = {k.section: k for k in ALL_KINDS}
