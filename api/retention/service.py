"""The purge: conversations, logs, ratings and staff audit entries older than their retention
periods, and sign-in counters whose time is over.

The periods are the facts service's settings (``conversation_retention_days``,
``log_retention_days``, ``rating_retention_days``, ``audit_retention_days``; the first three
are the ones /privatliv states). The
report holds counts only, never content. Each part runs even if another fails (a PostgreSQL
tracker store that is down must not keep the logs from being rotated).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from api.audit import service as audit
from api.auth.throttle import Policy, SignInThrottle
from api.feedback.service import delete_ratings_before
from api.retention.logs import LogPurge, rotate_and_delete
from api.retention.tracker_store import ConversationPurge, purge_conversations
from api.settings import Settings


@dataclass
class PurgeReport:
    now: datetime
    conversations: ConversationPurge | None = None
    logs: LogPurge | None = None
    ratings: int | None = None
    audit_entries: int | None = None
    sign_in_counters: int | None = None
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """What was deleted, as counts (the errors are in ``errors``)."""
        lines = [f"purge at {self.now.isoformat(timespec='seconds')}"]
        if self.conversations is not None:
            if self.conversations.store_found:
                lines.append(
                    f"conversations: deleted {self.conversations.conversations} "
                    f"({self.conversations.events} events)"
                )
            else:
                lines.append("conversations: no tracker store yet, nothing to delete")
        if self.logs is not None:
            lines.append(
                f"logs: rotated {self.logs.rotated}, deleted {self.logs.deleted} rotated files"
            )
        if self.ratings is not None:
            lines.append(f"ratings: deleted {self.ratings}")
        if self.audit_entries is not None:
            lines.append(f"audit log: deleted {self.audit_entries}")
        if self.sign_in_counters is not None:
            lines.append(f"sign-in counters: deleted {self.sign_in_counters}")
        return lines


def describe_error(part: str, exc: Exception) -> str:
    """The error's kind and first line only: no SQL parameters, no connection string."""
    cause = getattr(exc, "orig", None) or exc
    first_line = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return f"{part}: {type(cause).__name__}: {first_line}"[:300]


def purge(settings: Settings, *, now: datetime) -> PurgeReport:
    from api.db import make_engine, make_session_factory

    report = PurgeReport(now=now)
    try:
        cutoff = now - timedelta(days=settings.conversation_retention_days)
        report.conversations = purge_conversations(
            settings.tracker_sqlalchemy_url, cutoff=cutoff.timestamp()
        )
    except Exception as exc:  # noqa: BLE001 - reported, and the other parts still run
        report.errors.append(describe_error("conversations", exc))
    try:
        report.logs = rotate_and_delete(
            settings.log_dir, now=now, keep_days=settings.log_retention_days
        )
    except OSError as exc:
        report.errors.append(describe_error("logs", exc))
    engine = make_engine(settings.sqlalchemy_url)
    try:
        with make_session_factory(engine)() as session:
            cutoff = now - timedelta(days=settings.rating_retention_days)
            report.ratings = delete_ratings_before(session, cutoff=cutoff)
            session.commit()
    except Exception as exc:  # noqa: BLE001
        report.errors.append(describe_error("ratings", exc))
    try:
        with make_session_factory(engine)() as session:
            days = settings.audit_retention_days
            report.audit_entries = audit.purge(session, retention_days=days, now=now)
            throttle = SignInThrottle(Policy.from_settings(settings), clock=lambda: now)
            report.sign_in_counters = throttle.forget_old(session)
            session.commit()
    except Exception as exc:  # noqa: BLE001
        report.errors.append(describe_error("audit log", exc))
    finally:
        engine.dispose()
    return report
