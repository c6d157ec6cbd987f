"""Staff editing: create, update with If-Match, soft delete, publish, history, revert, 412."""

from __future__ import annotations

import threading

import pytest

ADVISORY_SESSION = {
    "place": "huset-tvaers",
    "title": "Åben Rådgivning",
    "kind": "advisory",
    "description": "Hjælp til breve fra kommunen.",
    "appointment_needed": False,
    "frequency_note": "to gange om ugen",
    "valid_from": None,
    "valid_to": None,
    "slots": [
        {"weekday": "tuesday", "start": "09:00", "end": "11:30", "staff": None, "notes": None}
    ],
    "exceptions": [],
    "source": "Medarbejder",
    "last_verified": "2025-06-01",
}


def fields_of(record: dict, drop=("slug", "version", "stale", "advisory_sessions")) -> dict:
    staff_only = ("deleted", "updated_at", "updated_by")
    return {k: v for k, v in record.items() if k not in drop + staff_only}


def test_create_read_update_delete_cycle(seeded, editor):
    body = {"name": "Jobcafé", "aliases": ["jobcafeen"], "source": "Medarbejder"}
    created = seeded.post("/api/staff/places/jobcafe", json=body, headers=editor)
    assert created.status_code == 201, created.text
    assert created.headers["ETag"] == '"1"'
    record = created.json()
    assert record["updated_by"] == "editor" and record["deleted"] is False
    assert record["stale"] is True  # no last_verified
    assert seeded.get("/api/places/jobcafe").json()["name"] == "Jobcafé"
    dup = seeded.post("/api/staff/places/jobcafe", json=body, headers=editor)
    assert dup.status_code == 409

    changed = fields_of(record) | {"phone": "89 15 00 00", "last_verified": "2025-06-01"}
    updated = seeded.put(
        "/api/staff/places/jobcafe", json=changed, headers=editor | {"If-Match": '"1"'}
    )
    assert updated.status_code == 200, updated.text
    assert updated.headers["ETag"] == '"2"'
    assert seeded.get("/api/places/jobcafe").json()["phone"] == "89 15 00 00"

    deleted = seeded.delete("/api/staff/places/jobcafe", headers=editor | {"If-Match": '"2"'})
    assert deleted.status_code == 204
    assert seeded.get("/api/places/jobcafe").status_code == 404
    assert "jobcafe" not in [p["slug"] for p in seeded.get("/api/places").json()]
    kept = seeded.get("/api/staff/places/jobcafe", headers=editor).json()
    assert kept["deleted"] is True and kept["phone"] == "89 15 00 00"  # soft: nothing lost
    listed = seeded.get("/api/staff/places", params={"include_deleted": True}, headers=editor)
    assert "jobcafe" in [p["slug"] for p in listed.json()]
    again = seeded.post("/api/staff/places/jobcafe", json=body, headers=editor)
    assert again.status_code == 409 and "slettet" in again.json()["detail"]


def test_update_without_if_match_is_428(seeded, editor):
    place = seeded.get("/api/places/jobcenter").json()
    response = seeded.put("/api/staff/places/jobcenter", json=fields_of(place), headers=editor)
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    assert seeded.delete("/api/staff/places/jobcenter", headers=editor).status_code == 428


def test_two_editors_one_gets_412_and_nothing_is_lost(seeded, editor, editor2):
    # Both open the same record (version 1) in the editor.
    first = seeded.get("/api/staff/places/jobcenter", headers=editor)
    second = seeded.get("/api/staff/places/jobcenter", headers=editor2)
    etag = first.headers["ETag"]
    assert etag == second.headers["ETag"] == '"1"'
    mine = fields_of(first.json()) | {"phone": "11 11 11 11"}
    theirs = fields_of(second.json()) | {"email": "jobcenter@example.dk"}

    ok = seeded.put("/api/staff/places/jobcenter", json=mine, headers=editor | {"If-Match": etag})
    assert ok.status_code == 200
    late = seeded.put(
        "/api/staff/places/jobcenter", json=theirs, headers=editor2 | {"If-Match": etag}
    )
    assert late.status_code == 412
    conflict = late.json()
    assert "nyere version" in conflict["detail"]
    assert conflict["current"]["version"] == 2
    assert conflict["current"]["phone"] == "11 11 11 11"  # they see what changed
    assert conflict["current"]["updated_by"] == "editor"

    # The second editor merges and saves against the version they were shown.
    merged = fields_of(conflict["current"]) | {"email": "jobcenter@example.dk"}
    saved = seeded.put(
        "/api/staff/places/jobcenter", json=merged, headers=editor2 | {"If-Match": '"2"'}
    )
    assert saved.status_code == 200
    final = seeded.get("/api/places/jobcenter").json()
    assert final["phone"] == "11 11 11 11" and final["email"] == "jobcenter@example.dk"
    history = seeded.get("/api/staff/places/jobcenter/history", headers=editor).json()
    assert [(v["version"], v["who"]) for v in history] == [
        (3, "editor2"),
        (2, "editor"),
        (1, "seed"),
    ]


def test_simultaneous_updates_race_exactly_one_wins(seeded, editor, editor2):
    place = fields_of(seeded.get("/api/places/jobcenter").json())
    barrier = threading.Barrier(2)
    results: dict[str, tuple[int, dict]] = {}

    def save(name: str, headers: dict, phone: str) -> None:
        barrier.wait()
        response = seeded.put(
            "/api/staff/places/jobcenter",
            json=place | {"phone": phone},
            headers=headers | {"If-Match": '"1"'},
        )
        results[name] = (response.status_code, response.json())

    threads = [
        threading.Thread(target=save, args=("a", editor, "22 22 22 22")),
        threading.Thread(target=save, args=("b", editor2, "33 33 33 33")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    codes = sorted(code for code, _ in results.values())
    assert codes == [200, 412]
    winner = next(body for code, body in results.values() if code == 200)
    final = seeded.get("/api/places/jobcenter").json()
    assert final["version"] == 2 and final["phone"] == winner["phone"]
    history = seeded.get("/api/staff/places/jobcenter/history", headers=editor).json()
    assert [v["version"] for v in history] == [2, 1]


def test_history_records_who_when_what_and_revert_restores(seeded, editor, editor2):
    advisory_session = seeded.get(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers", headers=editor
    ).json()
    new = fields_of(advisory_session) | {
        "slots": [
            {"weekday": "friday", "start": "08:00", "end": "09:00", "staff": None, "notes": None}
        ]
    }
    r = seeded.put(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers",
        json=new,
        headers=editor | {"If-Match": '"1"'},
    )
    assert r.status_code == 200
    history = seeded.get(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers/history", headers=editor
    ).json()
    latest = history[0]
    assert latest["version"] == 2 and latest["who"] == "editor" and latest["action"] == "update"
    assert set(latest["changes"]) == {"slots"}
    assert latest["changes"]["slots"]["from"][0]["weekday"] == "monday"
    assert latest["changes"]["slots"]["to"][0]["weekday"] == "friday"
    assert latest["when"]

    unconditional = seeded.post(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers/revert/1", headers=editor2
    )
    assert unconditional.status_code == 428
    reverted = seeded.post(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers/revert/1",
        headers=editor2 | {"If-Match": '"2"'},
    )
    assert reverted.status_code == 200, reverted.text
    assert reverted.json()["version"] == 3
    assert [s["weekday"] for s in reverted.json()["slots"]] == ["monday", "thursday"]
    assert reverted.json()["exceptions"] == advisory_session["exceptions"]
    history = seeded.get(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers/history", headers=editor
    ).json()
    assert [(v["version"], v["action"], v["who"]) for v in history] == [
        (3, "revert", "editor2"),
        (2, "update", "editor"),
        (1, "import", "seed"),
    ]
    missing = seeded.post(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers/revert/9",
        headers=editor | {"If-Match": '"3"'},
    )
    assert missing.status_code == 404
    stale = seeded.post(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers/revert/1",
        headers=editor | {"If-Match": '"2"'},
    )
    assert stale.status_code == 412


def test_revert_brings_back_a_deleted_record(seeded, editor):
    assert (
        seeded.delete("/api/staff/codex/2", headers=editor | {"If-Match": '"1"'}).status_code == 204
    )
    assert seeded.get("/api/codex/2").status_code == 404
    restored = seeded.post("/api/staff/codex/2/revert/1", headers=editor | {"If-Match": '"2"'})
    assert restored.status_code == 200
    assert restored.json()["deleted"] is False
    assert seeded.get("/api/codex/2").json()["title"] == "Gennemsigtighed"


def test_publish_makes_a_draft_visible(seeded, editor):
    assert seeded.get("/api/faq/loentilskud-kladde").status_code == 404
    unconditional = seeded.post("/api/staff/faq/loentilskud-kladde/publish", headers=editor)
    assert unconditional.status_code == 428
    assert "If-Match" in unconditional.json()["detail"]
    published = seeded.post(
        "/api/staff/faq/loentilskud-kladde/publish", headers=editor | {"If-Match": '"1"'}
    )
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert seeded.get("/api/faq/loentilskud-kladde").status_code == 200
    history = seeded.get("/api/staff/faq/loentilskud-kladde/history", headers=editor).json()
    assert history[0]["action"] == "publish"
    assert history[0]["changes"] == {"status": {"from": "draft", "to": "published"}}


def test_every_kind_has_staff_crud(seeded, editor):
    bodies = {
        "advisory-sessions/ny-raadgivning": ADVISORY_SESSION,
        "offers/nyt-tilbud": {"name": "Nyt tilbud", "source": "Medarbejder", "unit": "cvr"},
        "codex/3": {
            "title": "Respekt",
            "description": "Du bliver mødt med respekt.",
            "source": "M",
        },
        "process-rules/ny-regel": {
            "situation": "ledighedsydelse",
            "what_happens": "Samtale.",
            "source": "M",
        },
        "org-units/byd": {"name": "Beskæftigelse og Ydelser", "source": "M"},
        "faq/ny-faq": {
            "questions": ["hvad nu"],
            "answer": "Sådan.",
            "topic": "human",
            "source": "M",
        },
        "texts/complaint": {"title": "Klage", "body": "Sådan klager du.", "source": "M"},
    }
    for path, body in bodies.items():
        created = seeded.post(f"/api/staff/{path}", json=body, headers=editor)
        assert created.status_code == 201, (path, created.text)
        got = seeded.get(f"/api/staff/{path}", headers=editor)
        assert got.status_code == 200 and got.headers["ETag"] == '"1"'
        put = seeded.put(
            f"/api/staff/{path}",
            json=body | {"source": "Ændret"},
            headers=editor | {"If-Match": '"1"'},
        )
        assert put.status_code == 200 and put.json()["source"] == "Ændret", (path, put.text)
        history = seeded.get(f"/api/staff/{path}/history", headers=editor).json()
        assert [v["action"] for v in history] == ["update", "create"]
        deleted = seeded.delete(f"/api/staff/{path}", headers=editor | {"If-Match": '"2"'})
        assert deleted.status_code == 204, path


def test_unchanged_save_does_not_bump_version(seeded, editor):
    place = seeded.get("/api/staff/places/no17", headers=editor).json()
    same = seeded.put(
        "/api/staff/places/no17", json=fields_of(place), headers=editor | {"If-Match": '"1"'}
    )
    assert same.status_code == 200 and same.json()["version"] == 1


def test_staff_edit_is_visible_to_the_bot_immediately(seeded, editor):
    advisory_session = seeded.get(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers", headers=editor
    ).json()
    new = fields_of(advisory_session) | {
        "slots": [
            {"weekday": "tuesday", "start": "14:00", "end": "16:00", "staff": None, "notes": None}
        ],
        "exceptions": [],
    }
    seeded.put(
        "/api/staff/advisory-sessions/aaben-raadgivning-huset-tvaers",
        json=new,
        headers=editor | {"If-Match": '"1"'},
    )
    nxt = seeded.get(
        "/api/places/huset-tvaers/next-session", params={"after": "2025-11-10T12:00:00+01:00"}
    ).json()
    assert nxt["start"] == "2025-11-11T14:00:00+01:00"


@pytest.mark.parametrize(
    ("path", "body", "needle"),
    [
        (
            "advisory-sessions/x",
            ADVISORY_SESSION | {"slots": [{"weekday": "monday", "start": "12:00", "end": "10:00"}]},
            "sluttidspunktet skal være efter starttidspunktet",
        ),
        (
            "advisory-sessions/x",
            ADVISORY_SESSION
            | {"slots": [{"weekday": "blursdag", "start": "10:00", "end": "12:00"}]},
            "ukendt ugedag 'blursdag'",
        ),
        (
            "advisory-sessions/x",
            ADVISORY_SESSION | {"slots": [{"weekday": "monday", "start": "25:00", "end": "26:00"}]},
            "ugyldigt klokkeslæt",
        ),
        (
            "advisory-sessions/x",
            ADVISORY_SESSION | {"valid_from": "2025-06-01", "valid_to": "2025-05-01"},
            "gyldig-til-datoen",
        ),
        ("advisory-sessions/x", ADVISORY_SESSION | {"place": "atlantis"}, "ukendt sted 'atlantis'"),
        ("places/x", {"name": "   ", "source": "M"}, "name: må ikke være tom"),
        ("places/x", {"source": "M"}, "name: skal udfyldes"),
        ("places/x", {"name": "X", "source": "M", "colour": "red"}, "colour: ukendt felt"),
        ("places/x", {"name": "X", "source": "M", "last_verified": "igår"}, "ugyldig dato"),
        ("offers/x", {"name": "X", "source": "M", "unit": "mars"}, "ukendt organisationsenhed"),
        ("faq/x", {"questions": [], "answer": "A", "topic": "offers", "source": "M"}, "mindst 1"),
        (
            "faq/x",
            {"questions": ["q"], "answer": "A", "topic": "weather", "source": "M"},
            "ukendt værdi",
        ),
        ("places/Bad_Slug", {"name": "X", "source": "M"}, "ugyldigt format"),
    ],
)
def test_validation_errors_are_422_in_danish(seeded, editor, path, body, needle):
    response = seeded.post(f"/api/staff/{path}", json=body, headers=editor)
    assert response.status_code == 422, response.text
    assert needle in response.json()["message"]
    assert all("msg" in e and "loc" in e for e in response.json()["detail"])
    kind, key = path.split("/")
    assert seeded.get(f"/api/staff/{kind}/{key}", headers=editor).status_code in (404, 422)


def test_danish_weekday_names_are_accepted(seeded, editor):
    body = ADVISORY_SESSION | {"slots": [{"weekday": "Onsdag", "start": "9.30", "end": "11:00"}]}
    created = seeded.post("/api/staff/advisory-sessions/onsdag", json=body, headers=editor)
    assert created.status_code == 201, created.text
    assert created.json()["slots"][0] == {
        "weekday": "wednesday",
        "start": "09:30",
        "end": "11:00",
        "staff": None,
        "notes": None,
    }


def test_oversized_body_is_413(seeded, editor, app):
    big = {"name": "X", "source": "M", "description": "x" * (app.state.settings.max_body_bytes + 1)}
    response = seeded.post("/api/staff/places/stort", json=big, headers=editor)
    assert response.status_code == 413
    assert "for stor" in response.json()["detail"]


def test_oversized_chunked_body_is_413(seeded, editor, app):
    limit = app.state.settings.max_body_bytes

    def chunks():
        for _ in range(limit // 1000 + 2):
            yield b"x" * 1000

    response = seeded.post(
        "/api/staff/import", content=chunks(), headers=editor | {"Content-Type": "application/yaml"}
    )
    assert response.status_code in (403, 413)
    admin_like = seeded.post(
        "/api/feedback", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert admin_like.status_code == 413


def test_stale_lists_records_not_verified_in_time(seeded, editor, app):
    app.state.settings.stale_after_days = 100_000
    stale = seeded.get("/api/staff/stale", headers=editor).json()
    assert [(s["kind"], s["key"]) for s in stale] == [("places", "no17")]  # never verified
    assert stale[0]["title"] == "No.17" and stale[0]["last_verified"] is None
    app.state.settings.stale_after_days = 1
    stale = seeded.get("/api/staff/stale", headers=editor).json()
    kinds = {s["kind"] for s in stale}
    assert {"places", "advisory-sessions", "offers", "codex", "faq", "texts"} <= kinds
    assert ("codex", "1") in [(s["kind"], s["key"]) for s in stale]


@pytest.mark.parametrize("etag", ['W/"1"', "1"])
def test_if_match_accepts_weak_and_bare_versions(seeded, editor, etag):
    place = seeded.get("/api/staff/places/no17", headers=editor).json()
    body = fields_of(place) | {"last_verified": "2025-09-01"}
    saved = seeded.put("/api/staff/places/no17", json=body, headers=editor | {"If-Match": etag})
    assert saved.status_code == 200 and saved.json()["stale"] in (True, False)
    assert saved.json()["version"] == 2
    garbage = seeded.put("/api/staff/places/no17", json=body, headers=editor | {"If-Match": "abc"})
    assert garbage.status_code == 412


def test_every_write_needs_the_version_not_a_star(seeded, editor):
    """`If-Match: *` would match any version: PUT, DELETE, revert and publish refuse it (428),
    and revert and publish, like PUT and DELETE, refuse a request without If-Match (428)."""
    place = fields_of(seeded.get("/api/staff/places/no17", headers=editor).json())
    writes = [
        ("PUT", "/api/staff/places/no17", {"json": place}),
        ("DELETE", "/api/staff/places/no17", {}),
        ("POST", "/api/staff/places/no17/revert/1", {}),
        ("POST", "/api/staff/faq/loentilskud-kladde/publish", {}),
    ]
    for method, url, kwargs in writes:
        for extra in ({"If-Match": "*"}, {"If-Match": 'W/"*"'}, {"If-Match": " "}, {}):
            response = seeded.request(method, url, headers=editor | extra, **kwargs)
            assert response.status_code == 428, (method, url, extra, response.text)
            assert "If-Match" in response.json()["detail"]
    assert seeded.get("/api/staff/places/no17", headers=editor).json()["version"] == 1
    assert seeded.get("/api/faq/loentilskud-kladde").status_code == 404


def test_read_cache_follows_changes_made_by_another_worker(seeded, editor, settings):
    """Two app instances on one database (like two uvicorn workers): reads never go stale."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    assert seeded.get("/api/resolve", params={"q": "kulturhuset"}).status_code == 404
    assert seeded.get("/api/places/no17").json()["phone"] is None  # now cached in worker 1
    with TestClient(create_app(settings)) as other:
        place = other.get("/api/staff/places/no17", headers=editor).json()
        body = fields_of(place) | {"phone": "12 34 56 78", "aliases": ["kulturhuset"]}
        saved = other.put("/api/staff/places/no17", json=body, headers=editor | {"If-Match": '"1"'})
        assert saved.status_code == 200
    fresh = seeded.get("/api/places/no17")
    assert fresh.json()["phone"] == "12 34 56 78" and fresh.headers["ETag"] == '"2"'
    assert seeded.get("/api/resolve", params={"q": "kulturhuset"}).json()["slug"] == "no17"
    listed = {p["slug"]: p for p in seeded.get("/api/places").json()}
    assert listed["no17"]["phone"] == "12 34 56 78"
