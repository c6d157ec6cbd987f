"""The action server: rasa-sdk's app, closed by default.

``python -m actions.server`` instead of ``rasa run actions``, because rasa-sdk 3.6

- binds to 0.0.0.0 unless ``SANIC_HOST`` says otherwise; this binds to ``ACTIONS_HOST``
  (default 127.0.0.1);
- answers anyone who can reach it, while every call carries a whole conversation; this asks
  for ``Authorization: Bearer <ACTIONS_TOKEN>`` on ``/webhook`` (Rasa sends it, see
  ``endpoints.yml``);
- answers an unexpected error with the request body, i.e. the whole tracker; this answers
  with the error's type only and logs no message text.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request

logger = logging.getLogger("actions.server")

UNAUTHORISED = {"error": "unauthorised: Rasa must send the action server token"}


def build_app(token: str) -> Sanic:
    app = create_app("actions", cors_origins=None)
    expected = f"Bearer {token}".encode()

    @app.middleware("request")
    async def require_token(request: Request) -> response.HTTPResponse | None:
        if request.path != "/webhook":
            return None
        given = (request.headers.get("Authorization") or "").encode()
        if not hmac.compare_digest(given, expected):
            return response.json(UNAUTHORISED, status=401)
        return None

    async def internal_error(request: Request, exception: Exception) -> response.HTTPResponse:
        logger.error("Action server error: %s", type(exception).__name__)
        return response.json({"error": type(exception).__name__}, status=500)

    app.error_handler.add(Exception, internal_error)
    return app


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    token = os.environ.get("ACTIONS_TOKEN", "")
    if len(token) < 32:
        print("ACTIONS_TOKEN must be a random secret of at least 32 characters.", file=sys.stderr)
        return 2
    host = os.environ.get("ACTIONS_HOST", "127.0.0.1")
    port = int(os.environ.get("ACTIONS_PORT", "5055"))
    logger.info("Action server on http://%s:%d", host, port)
    build_app(token).run(host=host, port=port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
