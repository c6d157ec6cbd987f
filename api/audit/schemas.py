from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

Action = Literal[
    "sign_in",
    "sign_in_failed",
    "sign_in_refused",
    "sign_in_delay_started",
    "account_unlocked",
    "user_created",
    "user_deleted",
    "record_created",
    "record_updated",
    "record_deleted",
    "record_published",
    "record_reverted",
    "content_imported",
]

ACTION_HELP = {
    "sign_in": "logget ind",
    "sign_in_failed": "forkert adgangskode eller ukendt bruger (adgangskoden blev kontrolleret)",
    "sign_in_refused": "afvist uden at kontrollere adgangskoden: ventetid efter for mange forsøg",
    "sign_in_delay_started": "for mange forkerte forsøg: ventetid begynder (konto og klient, "
    "eller klienten for alle konti)",
    "account_unlocked": "en administrator har fjernet en kontos ventetider",
    "user_created": "bruger oprettet",
    "user_deleted": "bruger slettet",
    "record_created": "post oprettet",
    "record_updated": "post rettet",
    "record_deleted": "post slettet (blødt)",
    "record_published": "post udgivet",
    "record_reverted": "tidligere version gendannet",
    "content_imported": "indhold indlæst fra YAML",
}


class AuditOut(BaseModel):
    id: int
    at: datetime = Field(description="Tidspunkt (UTC)")
    action: Action = Field(
        description="; ".join(f"{name}: {text}" for name, text in ACTION_HELP.items())
    )
    actor: str = Field(description="Brugeren der handlede eller forsøgte at logge ind")
    target: str | None = Field(description="Hvad det gjaldt, fx places/huset-tvaers")
    client: str | None = Field(description="Klientens adresse")
    detail: dict[str, Any] | None = Field(description="Version, antal, ventetid ...")
