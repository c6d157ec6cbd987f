"""/privatliv states the retention periods from the settings, never numbers written by hand."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import REPO_ROOT
from api.web_pages import days_in_danish
from tests.api.conftest import make_settings

PAGE = REPO_ROOT / "web" / "demo" / "privatliv.html"


def privacy_page(tmp_path, **overrides) -> str:
    settings = make_settings(f"sqlite:///{tmp_path / 'p.db'}", **overrides)
    with TestClient(create_app(settings)) as client:
        response = client.get("/privatliv")
    assert response.status_code == 200
    return response.text


def visible_text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))


def test_default_periods_are_stated(tmp_path):
    text = visible_text(privacy_page(tmp_path))
    assert "slettes 30 dage efter din sidste besked" in text
    assert "Vurderingen slettes efter 1 år" in text
    assert "De slettes efter 30 dage" in text
    assert "{{" not in text


def test_changing_a_setting_changes_the_page(tmp_path):
    text = visible_text(
        privacy_page(
            tmp_path,
            conversation_retention_days=14,
            log_retention_days=7,
            rating_retention_days=90,
        )
    )
    assert "slettes 14 dage efter din sidste besked" in text
    assert "Vurderingen slettes efter 90 dage" in text
    assert "De slettes efter 7 dage" in text
    assert "30 dage" not in text and "1 år" not in text


def test_the_page_file_has_no_hand_written_periods():
    source = PAGE.read_text(encoding="utf-8")
    for field in ("conversation_retention", "log_retention", "rating_retention"):
        assert "{{" + field + "}}" in source
    assert not re.search(r"\d+\s*(dage|dag|måneder|år)\b", source)


def test_the_page_says_what_is_stored_and_how_to_delete_it(tmp_path):
    text = visible_text(privacy_page(tmp_path))
    assert "bliver det skjult" in text  # masked text only
    assert "gemmer vi kun, hvilket svar du vurderede, og om det hjalp" in text
    assert "slettes samtalen også på serveren med det samme" in text


def test_days_in_danish():
    assert [days_in_danish(d) for d in (1, 2, 30, 365, 730, 400)] == [
        "1 dag",
        "2 dage",
        "30 dage",
        "1 år",
        "2 år",
        "400 dage",
    ]
