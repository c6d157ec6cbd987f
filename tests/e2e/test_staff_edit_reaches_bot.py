"""End to end: a staff edit through the staff API is in the bot's very next answer."""

from pathlib import Path

import httpx
import pytest
import yaml

from tests.e2e.chat import ask, new_sender, texts
from tests.staff_accounts import FactsServer, create_staff_user, token_for

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
ADVISORY_SESSION = "aaben-raadgivning-huset-tvaers"


def test_new_advisory_hours_are_in_the_next_answer(stack):
    server = FactsServer.of(stack.cfg)
    token = token_for(server, "e2e-redaktoer", create_staff_user(server, "e2e-redaktoer"))
    auth = {"Authorization": f"Bearer {token}"}
    url = f"{stack.cfg.facts_url}/api/staff/advisory-sessions/{ADVISORY_SESSION}"
    current = httpx.get(url, headers=auth, timeout=10)
    current.raise_for_status()

    seed = yaml.safe_load((ROOT / "content" / "seed.yml").read_text())
    records = seed["advisory_sessions"]
    fields = next(a for a in records if a["slug"] == ADVISORY_SESSION).keys() - {"slug"}
    body = {k: v for k, v in current.json().items() if k in fields}
    body["slots"] = [
        {"weekday": "tuesday", "start": "09:30", "end": "11:45", "staff": None, "notes": None},
        {"weekday": "thursday", "start": "13:15", "end": "14:50", "staff": None, "notes": None},
    ]
    saved = httpx.put(
        url, json=body, headers={**auth, "If-Match": current.headers["ETag"]}, timeout=10
    )
    assert saved.status_code == 200, saved.text

    sender = new_sender()
    reply = texts(ask(stack, "hvornår er der åben rådgivning i huset tværs", sender))
    assert "11.45" in reply or "14.50" in reply, reply
    # A follow-up without naming the place again uses the conversation.
    follow_up = texts(ask(stack, "og hvad med torsdag", sender))
    assert "13.15" in follow_up, follow_up
