"""The chat's REST channel: personal data is masked before Rasa sees the request.

Rasa 3.6's REST route reads the sender, text, input channel and metadata from the request and
logs the text itself when a request is abandoned (``rest.message.received.timeout``) or fails,
before any callback runs. So masking happens where Rasa reads the request: every
``_extract_*``/``get_metadata`` method below returns only cleaned values, and a request
middleware refuses what must never reach NLU at all, before the route runs:

- the text is normalised and masked (``privacy.masking``), also inside a button-payload
  shortcut (``/ask_location{"place": "..."}``), whose JSON may hide digits as ``\\u0031``;
- the crisis check runs on the unmasked text, here, and only its verdict travels on (as
  metadata ``{"crisis": true}``): a masked word must never cost a citizen the crisis answer;
- the client's own metadata and input channel name are not kept;
- the sender id is stored as a keyed hash (``privacy.pseudonym``);
- a message longer than ``CHAT_MAX_CHARS`` gets a short Danish reply (413) and is neither
  processed, stored nor logged; too many messages per conversation or per client address get
  429 with ``Retry-After``.

``POST /webhooks/rest/forget`` deletes the caller's conversation from the tracker store ("Ny
samtale" in the widget). Only a browser that knows the id it chatted with can do this.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request

from bot import action_response
from bot.conversations import delete_conversation
from bot.crisis import CRISIS_METADATA_KEY, is_crisis
from bot.published_names import PublishedNames
from bot.spacy_danish import active_pipeline
from privacy.masking import mask_message, normalise
from privacy.pseudonym import pseudonym

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

TOO_LONG = (
    "Din besked er for lang til mig. Skriv dit spørgsmål kort, med højst {limit} tegn, "
    "så prøver jeg igen."
)
TOO_FAST = "Du skriver hurtigere, end jeg kan følge med. Vent et øjeblik, og prøv så igen."
BAD_REQUEST = "Beskeden kunne ikke læses. Prøv at skrive den igen."


@dataclass(frozen=True)
class ChatSettings:
    """The channel's settings, from the environment (README, Configuration)."""

    sender_key: bytes
    max_chars: int = 1000
    rate_per_conversation: str = "30/minute"
    rate_per_address: str = "120/minute"
    facts_url: str | None = None

    @classmethod
    def from_env(cls) -> ChatSettings:
        env = os.environ
        key = env.get("CHAT_SENDER_KEY", "")
        if len(key) < 32:
            raise RuntimeError(
                "CHAT_SENDER_KEY must be set to a random secret of at least 32 characters "
                "(`make run` creates one in var/run/). It keys the hash that conversation ids "
                "are stored under."
            )
        return cls(
            sender_key=key.encode(),
            max_chars=int(env.get("CHAT_MAX_CHARS", cls.max_chars)),
            rate_per_conversation=env.get("CHAT_RATE_PER_CONVERSATION", cls.rate_per_conversation),
            rate_per_address=env.get("CHAT_RATE_PER_ADDRESS", cls.rate_per_address),
            facts_url=env.get("FACTS_URL"),
        )


def incoming(request: Request, settings: ChatSettings, names: PublishedNames) -> SimpleNamespace:
    """The request's sender, text and metadata as they may be stored (computed once)."""
    cached = getattr(request.ctx, "chat", None)
    if cached is not None:
        return cached
    body = request.json if isinstance(request.json, dict) else {}
    raw_text = body.get("message") if isinstance(body.get("message"), str) else ""
    raw_sender = body.get("sender") if isinstance(body.get("sender"), str) else ""
    request.ctx.chat = SimpleNamespace(
        sender=pseudonym(raw_sender, settings.sender_key),
        text=mask_message(raw_text, names.names),
        metadata={CRISIS_METADATA_KEY: True} if is_crisis(normalise(raw_text)) else {},
    )
    return request.ctx.chat


def reply(text: str, status: int, **headers: str) -> response.HTTPResponse:
    """A bot-shaped answer (list of messages) with an error status, for the widget to show."""
    return response.json([{"text": text}], status=status, headers=headers)


class Limiter:
    """Messages per conversation and per client address, in a moving window."""

    def __init__(self, settings: ChatSettings) -> None:
        # limits 2.x keeps only a weak reference to its storage: hold it here.
        self.storage = MemoryStorage()
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.per_conversation = parse(settings.rate_per_conversation)
        self.per_address = parse(settings.rate_per_address)

    def retry_after(self, sender: str, address: str) -> int | None:
        """Seconds to wait if either limit is used up, else None (and the hit is counted)."""
        for item, key in ((self.per_conversation, sender), (self.per_address, address)):
            if not self.limiter.hit(item, "chat", key):
                reset, _ = self.limiter.get_window_stats(item, "chat", key)
                return max(1, int(reset - time.time()) + 1)
        return None


class MaskedRestInput(RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``) that stores nothing personal."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self, settings: ChatSettings | None = None) -> None:
        self.settings = settings or ChatSettings.from_env()
        self.names = PublishedNames(self.settings.facts_url)
        self.limiter = Limiter(self.settings)

    async def _extract_sender(self, req: Request) -> str:
        return incoming(req, self.settings, self.names).sender

    def _extract_message(self, req: Request) -> str:
        return incoming(req, self.settings, self.names).text

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any]:
        return incoming(request, self.settings, self.names).metadata

    def refusal(self, request: Request) -> response.HTTPResponse | None:
        """Why this webhook request must not reach Rasa, as the reply; None if it may."""
        body = request.json
        if not (
            isinstance(body, dict)
            and isinstance(body.get("message"), str)
            and isinstance(body.get("sender"), str)
            and body["sender"]
        ):
            return reply(BAD_REQUEST, 400)
        if len(body["message"]) > self.settings.max_chars:
            return reply(TOO_LONG.format(limit=self.settings.max_chars), 413)
        sender = incoming(request, self.settings, self.names).sender
        wait = self.limiter.retry_after(sender, request.remote_addr or request.ip)
        if wait is not None:
            return reply(TOO_FAST, 429, **{"Retry-After": str(wait)})
        return None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        # The server builds its routes once at start-up: the place to apply our Rasa fix.
        action_response.install()
        bp = super().blueprint(on_new_message)

        @bp.middleware("request")
        async def guard(request: Request) -> response.HTTPResponse | None:
            if request.method == "POST" and request.path.endswith("/webhook"):
                try:
                    return self.refusal(request)
                except Exception as exc:  # noqa: BLE001 - e.g. unreadable JSON
                    # The type only: the message may hold what must never be logged.
                    logger.warning("Chat request refused: %s", type(exc).__name__)
                    return reply(BAD_REQUEST, 400)
            return None

        @bp.listener("after_server_start")
        async def start(app: Any, loop: Any) -> None:
            self.refresher = loop.create_task(self.names.keep_fresh())
            # Bodies over SANIC_REQUEST_MAX_SIZE are refused before any route runs: say so in
            # the same words as the channel's own length limit.
            app.error_handler.add(PayloadTooLarge, too_large)

        @bp.listener("before_server_stop")
        async def stop(app: Any, _loop: Any) -> None:
            self.refresher.cancel()

        async def too_large(request: Request, exception: Exception) -> response.HTTPResponse:
            return reply(TOO_LONG.format(limit=self.settings.max_chars), 413)

        @bp.route("/forget", methods=["POST"])
        async def forget(request: Request) -> response.HTTPResponse:
            """Delete the caller's conversation: ``{"sender": <the id it chatted with>}``."""
            body = request.json if isinstance(request.json, dict) else {}
            if not isinstance(body.get("sender"), str) or not body["sender"]:
                return response.json({"detail": BAD_REQUEST}, status=400)
            sender = pseudonym(body["sender"], self.settings.sender_key)
            deleted = await delete_conversation(request.app.ctx.agent, sender)
            return response.json({"deleted": deleted})

        @bp.route("/pipeline", methods=["GET"])
        async def pipeline(request: Request) -> response.HTTPResponse:
            """Which spaCy pipeline the loaded model uses (name, version, components)."""
            return response.json(active_pipeline() or {"loaded": False})

        return bp


__all__: list[str] = ["MaskedRestInput"]
