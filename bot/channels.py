"""Input channels that mask personal data before Rasa sees a message.

Rasa 3.6 stores the text of the ``UserMessage`` an input channel creates (the processor
builds ``UserUttered`` from it), so masking in an NLU component would be too late. These
channels wrap the ``on_new_message`` callback: the masked message is the only one that reaches
the processor, the tracker store, the logs, the action server and the facts service.

They keep Rasa's channel names (``rest``, ``socketio``), so the webhook URLs stay the standard
ones (``/webhooks/rest/webhook``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request

from bot import action_response
from bot.privacy import mask_sensitive
from bot.spacy_danish import active_pipeline

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def masked(on_new_message: OnNewMessage) -> OnNewMessage:
    """Wrap Rasa's callback so that it only ever receives masked text."""

    async def handler(message: UserMessage) -> Any:
        text, found = mask_sensitive(message.text or "")
        if found:
            # Log what kind of data was removed, never the data itself.
            logger.info("Masked personal data (%s) in a message.", ", ".join(found))
        clean = UserMessage(
            text=text,
            output_channel=message.output_channel,
            sender_id=message.sender_id,
            parse_data=message.parse_data,
            input_channel=message.input_channel,
            message_id=message.message_id,
            metadata=message.metadata,
        )
        return await on_new_message(clean)

    return handler


class MaskedRestInput(RestInput):
    """Rasa's REST channel with masking, plus ``GET /webhooks/rest/pipeline``."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        # The server builds its routes once at start-up: the place to apply our Rasa fix.
        action_response.install()
        bp = super().blueprint(masked(on_new_message))

        @bp.route("/pipeline", methods=["GET"])
        async def pipeline(request: Request) -> response.HTTPResponse:
            """Which spaCy pipeline the loaded model uses (name, version, components)."""
            return response.json(active_pipeline() or {"loaded": False})

        return bp


class MaskedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel with masking."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        action_response.install()
        return super().blueprint(masked(on_new_message))


__all__: list[str] = ["MaskedRestInput", "MaskedSocketIOInput", "masked"]
