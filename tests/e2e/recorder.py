"""A recording reverse proxy: forwards every request to a real server and keeps a copy.

The end-to-end tests put one between Rasa and the action server and one between the action
server and the facts service, to check what actually crosses those wires (e.g. that a CPR
number never does). With ``from_address`` it acts as the TLS proxy in production does: it
connects from its own address and appends each client's address to X-Forwarded-For.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass
class Recorded:
    method: str
    path: str
    body: bytes


class RecordingProxy:
    def __init__(self, target: str, from_address: str | None = None) -> None:
        self.target = target.rstrip("/")
        self.requests: list[Recorded] = []
        self.delay = 0.0  # seconds to hold each request, to make the server behind it slow
        self.from_address = from_address
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                proxy.requests.append(Recorded(self.command, self.path, body))
                if proxy.delay:
                    time.sleep(proxy.delay)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                if proxy.from_address:
                    sent = [self.headers.get("X-Forwarded-For"), self.client_address[0]]
                    headers["X-Forwarded-For"] = ", ".join(a for a in sent if a)
                transport = httpx.HTTPTransport(local_address=proxy.from_address)
                try:
                    with httpx.Client(transport=transport, timeout=30) as http:
                        resp = http.request(
                            self.command, proxy.target + self.path, content=body, headers=headers
                        )
                except httpx.HTTPError:
                    self.send_error(502, "upstream unreachable")
                    return
                self.send_response(resp.status_code)
                for key, value in resp.headers.items():
                    if key.lower() not in HOP_BY_HOP | {"content-encoding"}:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(resp.content)))
                self.end_headers()
                # The client may have given up (the abandoned-request test does so on purpose).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(resp.content)

            do_GET = do_POST = do_PUT = do_DELETE = _forward  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> RecordingProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()

    def all_bodies(self) -> bytes:
        return b"\n".join(r.path.encode() + b" " + r.body for r in self.requests)
