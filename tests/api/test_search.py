"""The search over all published content: every kind, Danish inflection, typos, no æøå."""

from __future__ import annotations

import pytest

from tests.api.conftest import SEED_FILE, import_file


def search(client, query: str, **params) -> dict:
    response = client.get("/api/search", params={"q": query, **params})
    assert response.status_code == 200, response.text
    return response.json()


def top(client, query: str, **params) -> tuple[str, str] | None:
    hits = search(client, query, **params)["hits"]
    return (hits[0]["kind"], hits[0]["key"]) if hits else None


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("praktikpladserne", "praktikplads"),  # inflected (definite plural)
        ("Hvordan finder jeg praktikpladser?", "praktikplads"),
        ("hvad sker der når man er sygemeldt", "sygemeldt"),
        ("sygemelt", "sygemeldt"),  # dropped letter
        ("åbningstider for rådgivningen i huset tvers", "aabningstider"),
        ("hvornaar er der aaben raadgivning i huset tvaers", "aabningstider"),  # no æøå
    ],
)
def test_inflected_and_misspelled_questions_are_found(seeded, query, slug):
    assert top(seeded, query, kind="faq") == ("faq", slug)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("huset tvers", ("places", "huset-tvaers")),
        ("den gamle kaserne", ("places", "jobcenter")),
        ("virksomhedsservicen", ("offers", "virksomhedsservice")),
        ("tryghed og tillid", ("codex", "1")),
        ("gennemsigtighed", ("codex", "2")),
        ("samtale på sygedagpenge", ("process-rules", "sygedagpenge-samtale")),
        ("virksomhedsrettet rehabilitering", ("org-units", "cvr")),
        ("jobcentret på no 17", ("advisory-sessions", "no17-onsdag")),
    ],
)
def test_every_kind_is_searched(seeded, query, found):
    assert top(seeded, query) == found


def test_a_session_is_found_by_its_place(seeded):
    hits = search(seeded, "rådgivning i huset tværs", kind="advisory-sessions")["hits"]
    assert hits[0]["key"] == "aaben-raadgivning-huset-tvaers"
    assert hits[0]["refs"] == {"place": "huset-tvaers"}


def test_hits_carry_the_record_its_source_and_score(seeded):
    hit = search(seeded, "praktikpladserne", kind="faq", limit=1)["hits"][0]
    assert hit["record"]["answer"] == "Spørg din sagsbehandler om praktiklisten."
    assert hit["source"] == "Test: FAQ"
    assert hit["matched"] == "hvordan finder jeg en praktikplads"
    assert hit["title"] == "hvordan finder jeg en praktikplads"
    assert 40 <= hit["score"] <= 100


def test_a_clear_hit_leads_and_a_vague_one_does_not(seeded):
    assert search(seeded, "gennemsigtighed")["clear"] is True
    vague = search(seeded, "rådgivning")
    assert vague["hits"] and vague["clear"] is False


def test_the_clear_rule_follows_the_settings(app, seeded):
    assert search(seeded, "samtale på sygedagpenge")["clear"] is True
    app.state.settings.search_clear_score = 99.0
    assert search(seeded, "samtale på sygedagpenge")["clear"] is False


def test_unrelated_or_empty_queries_find_nothing(seeded):
    assert search(seeded, "kvantefysik og rumraketter") == {"clear": False, "hits": []}
    assert search(seeded, "og i på")["hits"] == []
    assert seeded.get("/api/search", params={"q": ""}).status_code == 422
    assert seeded.get("/api/search", params={"q": "x", "limit": 0}).status_code == 422
    assert seeded.get("/api/search", params={"q": "x", "kind": "texts"}).status_code == 422


def test_drafts_are_not_searched_until_published(seeded, editor):
    assert top(seeded, "løntilskuddet") is None
    seeded.post("/api/staff/faq/loentilskud-kladde/publish", headers=editor | {"If-Match": "1"})
    assert top(seeded, "løntilskuddet") == ("faq", "loentilskud-kladde")


def test_search_sees_staff_edits_at_once(seeded, editor):
    faq = seeded.get("/api/staff/faq/sygemeldt", headers=editor).json()
    body = {k: faq[k] for k in ("answer", "topic", "status", "url", "source", "last_verified")}
    body["questions"] = ["hvad gør jeg med mine feriepenge"]
    r = seeded.put("/api/staff/faq/sygemeldt", json=body, headers=editor | {"If-Match": '"1"'})
    assert r.status_code == 200
    assert top(seeded, "feriepengene") == ("faq", "sygemeldt")
    assert top(seeded, "sygemeldt", kind="faq") != ("faq", "sygemeldt")


def test_a_new_record_is_searchable_at_once(seeded, editor):
    unit = {
        "name": "Rehabiliteringsteamet",
        "short_name": None,
        "description": "Ser på sager om fleksjob og førtidspension.",
        "source": "Test: organisation",
        "last_verified": "2025-04-01",
    }
    r = seeded.post("/api/staff/org-units/rehab", json=unit, headers=editor)
    assert r.status_code == 201, r.text
    assert top(seeded, "hvad laver rehabiliteringsteamet") == ("org-units", "rehab")


@pytest.mark.skipif(not SEED_FILE.exists(), reason="content/seed.yml not written yet")
@pytest.mark.parametrize(
    ("query", "kind", "key"),
    [
        ("hvad er CJU", "org-units", "cju"),
        ("hvor finder jeg ydelseskontoret", "org-units", "byd"),
        ("hvor hurtigt kan fast-track finde en medarbejder til os", "offers", None),
    ],
)
def test_search_over_the_real_seed(app, client, query, kind, key):
    import_file(app, SEED_FILE)
    hits = search(client, query)["hits"]
    assert hits, query
    assert hits[0]["kind"] == kind
    assert key is None or hits[0]["key"] == key
