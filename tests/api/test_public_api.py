"""Public read endpoints (no sign-in): what the bot and the widget use."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import make_settings


def test_health_reports_database_ok(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_reports_unreachable_database_as_503():
    settings = make_settings("postgresql+psycopg://nobody:x@127.0.0.1:1/nothing")
    with TestClient(create_app(settings)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"}


def test_places_list_and_detail_with_advisory_sessions_and_etag(seeded):
    places = seeded.get("/api/places").json()
    assert [p["slug"] for p in places] == ["huset-tvaers", "jobcenter", "no17"]
    response = seeded.get("/api/places/huset-tvaers")
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    body = response.json()
    assert body["name"] == "Huset Tværs"
    assert body["street"] is None  # unknown stays empty, never invented
    assert body["source"] == "Test: steder"
    assert body["version"] == 1
    assert [s["slug"] for s in body["advisory_sessions"]] == ["aaben-raadgivning-huset-tvaers"]
    assert body["advisory_sessions"][0]["slots"][0] == {
        "weekday": "monday",
        "start": "10:00",
        "end": "12:00",
        "staff": "Jobcentret",
        "notes": None,
    }


def test_stale_flag_follows_last_verified_and_setting(app, seeded):
    body = seeded.get("/api/places/no17").json()
    assert body["stale"] is True  # never verified
    app.state.settings.stale_after_days = 100_000
    assert seeded.get("/api/places/jobcenter").json()["stale"] is False
    app.state.settings.stale_after_days = 1
    assert seeded.get("/api/places/jobcenter").json()["stale"] is True


@pytest.mark.parametrize(
    "url",
    [
        "/api/places/nowhere",
        "/api/advisory-sessions/nothing",
        "/api/offers/nothing",
        "/api/codex/99",
        "/api/process-rules/nothing",
        "/api/org-units/nothing",
        "/api/texts/nothing",
        "/api/faq/nothing",
        "/api/places/nowhere/next-session",
        "/api/places/nowhere/open-now",
    ],
)
def test_unknown_records_are_404_with_danish_detail(seeded, url):
    response = seeded.get(url)
    assert response.status_code == 404
    assert "findes ikke" in response.json()["detail"]


def test_advisory_sessions_filter_by_place(seeded):
    assert [s["slug"] for s in seeded.get("/api/advisory-sessions").json()] == [
        "aaben-raadgivning-huset-tvaers",
        "no17-onsdag",
    ]
    only = seeded.get("/api/advisory-sessions", params={"place": "no17"}).json()
    assert [s["slug"] for s in only] == ["no17-onsdag"]
    assert only[0]["slots"][0]["start"] is None
    one = seeded.get("/api/advisory-sessions/no17-onsdag")
    assert one.status_code == 200 and one.headers["ETag"] == '"1"'
    assert seeded.get("/api/sessions").status_code == 404  # the old name is gone


def test_offers_filter_by_audience_and_target_group(seeded):
    assert [o["slug"] for o in seeded.get("/api/offers").json()] == [
        "virksomhedspraktik",
        "virksomhedsservice",
    ]
    company = seeded.get("/api/offers", params={"audience": "company"}).json()
    assert [o["slug"] for o in company] == ["virksomhedsservice"]
    young = seeded.get("/api/offers", params={"target_group": "UNGE"}).json()
    assert [o["slug"] for o in young] == ["virksomhedspraktik"]
    offer = seeded.get("/api/offers/virksomhedspraktik").json()
    assert offer["unit"] == "cvr" and offer["how_to_get"] == "Spørg din sagsbehandler."
    assert seeded.get("/api/offers", params={"audience": "alien"}).status_code == 422


def test_codex_process_rules_org_units_texts(seeded):
    codex = seeded.get("/api/codex").json()
    assert [(c["number"], c["title"]) for c in codex] == [
        (1, "Tryghed og tillid"),
        (2, "Gennemsigtighed"),
    ]
    assert seeded.get("/api/codex/2").json()["title"] == "Gennemsigtighed"
    rules = seeded.get("/api/process-rules", params={"situation": "sygedagpenge"}).json()
    assert rules[0]["deadline"] == "senest en uge efter at sagen er oprettet"
    assert seeded.get("/api/process-rules", params={"situation": "ledighedsydelse"}).json() == []
    assert seeded.get("/api/process-rules/sygedagpenge-samtale").status_code == 200
    units = seeded.get("/api/org-units").json()
    assert units[0]["short_name"] == "CVR"
    assert seeded.get("/api/org-units/cvr").json()["name"].startswith("Center for")
    text = seeded.get("/api/texts/human_routes").json()
    assert text["body"] == "Ring til jobcentret." and text["source"] == "Test: tekster"
    assert {t["key"] for t in seeded.get("/api/texts").json()} == {"human_routes", "service_down"}


def test_faq_list_and_detail_hide_drafts(seeded):
    slugs = [f["slug"] for f in seeded.get("/api/faq").json()]
    assert "loentilskud-kladde" not in slugs and "praktikplads" in slugs
    assert seeded.get("/api/faq/loentilskud-kladde").status_code == 404
    assert seeded.get("/api/faq/praktikplads").status_code == 200


@pytest.mark.parametrize(
    ("query", "kind", "slug"),
    [
        ("huset tvers", None, "huset-tvaers"),
        ("HUSET TVÆRS", "place", "huset-tvaers"),
        ("husettvaers", "place", "huset-tvaers"),
        ("Huset Tvärs", "place", "huset-tvaers"),
        ("regimentsvej", "place", "jobcenter"),
        ("jobcentret", "place", "jobcenter"),
        ("huset-tvaers", "place", "huset-tvaers"),
        ("virksomhedspraktick", "offer", "virksomhedspraktik"),
        ("sygedagpenge", "situation", "sygedagpenge"),
    ],
)
def test_resolve_is_case_accent_and_typo_tolerant(seeded, query, kind, slug):
    params = {"q": query} | ({"kind": kind} if kind else {})
    response = seeded.get("/api/resolve", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["slug"] == slug
    assert 0 < body["score"] <= 100


def test_resolve_unknown_is_404_and_kind_restricts(seeded):
    assert seeded.get("/api/resolve", params={"q": "månebasen alfa"}).status_code == 404
    assert (
        seeded.get("/api/resolve", params={"q": "huset tvers", "kind": "offer"}).status_code == 404
    )
    assert seeded.get("/api/resolve", params={"q": "x", "kind": "planet"}).status_code == 422


def test_feedback_stores_rating_without_free_text(seeded, editor):
    ok = seeded.post(
        "/api/feedback",
        json={"answer_id": "places:huset-tvaers", "intent": "ask_location", "helpful": True},
    )
    assert ok.status_code == 201
    assert ok.json()["helpful"] is True
    seeded.post(
        "/api/feedback",
        json={"answer_id": "places:huset-tvaers", "intent": "ask_location", "helpful": False},
    )
    with_text = seeded.post(
        "/api/feedback",
        json={
            "answer_id": "places:huset-tvaers",
            "intent": "ask_location",
            "helpful": False,
            "message": "mit cpr er 010101-1234",
        },
    )
    assert with_text.status_code == 422
    assert seeded.post("/api/feedback", json={"answer_id": "x", "helpful": 1}).status_code == 422
    summary = seeded.get("/api/staff/feedback", headers=editor).json()
    assert summary == [{"answer_id": "places:huset-tvaers", "helpful": 1, "not_helpful": 1}]
    assert seeded.get("/api/staff/feedback").status_code == 401


def test_openapi_documents_responses(client):
    schema = client.get("/openapi.json").json()
    put = schema["paths"]["/api/staff/places/{key}"]["put"]
    assert {"200", "401", "403", "404", "412", "422", "428"} <= set(put["responses"])
    assert put["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "PlaceFields"
    )
    get_place = schema["paths"]["/api/places/{slug}"]["get"]
    assert get_place["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "PlaceOut"
    )
    assert "/api/search" in schema["paths"]
    assert "/health" in schema["paths"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/places",
        "/api/advisory-sessions",
        "/api/advisory-sessions?place=no17",
        "/api/offers",
        "/api/codex",
        "/api/process-rules",
        "/api/org-units",
        "/api/faq",
        "/api/texts",
    ],
)
def test_public_lists_send_an_etag_that_follows_the_content(seeded, editor, url):
    first = seeded.get(url)
    assert first.status_code == 200 and first.headers["ETag"].startswith('"')
    assert seeded.get(url).headers["ETag"] == first.headers["ETag"]
    place = seeded.get("/api/staff/places/no17", headers=editor).json()
    body = {k: place[k] for k in ("name", "source", "aliases")} | {"phone": "12 34 56 78"}
    seeded.put("/api/staff/places/no17", json=body, headers=editor | {"If-Match": '"1"'})
    changed = seeded.get(url)
    assert (changed.headers["ETag"] != first.headers["ETag"]) == (url == "/api/places")
    assert (changed.json() != first.json()) == (url == "/api/places")


def test_single_records_send_their_version_as_etag(seeded):
    for url in ("/api/faq/praktikplads", "/api/codex/1", "/api/texts/human_routes"):
        assert seeded.get(url).headers["ETag"] == '"1"', url
