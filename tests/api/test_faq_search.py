"""FAQ search: Danish inflection (snowball stemming) and typos (rapidfuzz)."""

from __future__ import annotations

import pytest

from tests.api.conftest import SEED_FILE, import_file


def top(client, query: str) -> str | None:
    hits = client.get("/api/faq/search", params={"q": query}).json()
    return hits[0]["slug"] if hits else None


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("praktikpladserne", "praktikplads"),  # inflected (definite plural)
        ("virksomhedspraktick", "praktikplads"),  # misspelled
        ("Hvordan finder jeg praktikpladser?", "praktikplads"),
        ("hvad sker der når man er sygemeldt", "sygemeldt"),
        ("sygemelt", "sygemeldt"),  # dropped letter
        ("åbningstider for rådgivningen i huset tvers", "aabningstider"),
    ],
)
def test_inflected_and_misspelled_questions_are_found(seeded, query, slug):
    assert top(seeded, query) == slug


def test_hits_carry_answer_source_and_score(seeded):
    hits = seeded.get("/api/faq/search", params={"q": "praktikpladserne", "limit": 1}).json()
    assert len(hits) == 1
    hit = hits[0]
    assert hit["answer"] == "Spørg din sagsbehandler om praktiklisten."
    assert hit["source"] == "Test: FAQ"
    assert hit["question"] == "hvordan finder jeg en praktikplads"
    assert 40 <= hit["score"] <= 100


def test_unrelated_or_empty_queries_find_nothing(seeded):
    assert seeded.get("/api/faq/search", params={"q": "kvantefysik og rumraketter"}).json() == []
    assert seeded.get("/api/faq/search", params={"q": "og i på"}).json() == []
    assert seeded.get("/api/faq/search", params={"q": ""}).status_code == 422
    assert seeded.get("/api/faq/search", params={"q": "x", "limit": 0}).status_code == 422


def test_drafts_are_not_searched_until_published(seeded, editor):
    assert top(seeded, "løntilskuddet") is None
    seeded.post("/api/staff/faq/loentilskud-kladde/publish", headers=editor | {"If-Match": "1"})
    assert top(seeded, "løntilskuddet") == "loentilskud-kladde"


def test_search_sees_staff_edits_at_once(seeded, editor):
    faq = seeded.get("/api/staff/faq/sygemeldt", headers=editor).json()
    body = {k: faq[k] for k in ("answer", "topic", "status", "url", "source", "last_verified")}
    body["questions"] = ["hvad gør jeg med mine feriepenge"]
    r = seeded.put("/api/staff/faq/sygemeldt", json=body, headers=editor | {"If-Match": '"1"'})
    assert r.status_code == 200
    assert top(seeded, "feriepengene") == "sygemeldt"
    assert top(seeded, "sygemeldt") != "sygemeldt"


@pytest.mark.skipif(not SEED_FILE.exists(), reason="content/seed.yml not written yet")
def test_search_over_the_real_seed(app, client):
    import_file(app, SEED_FILE)
    for query in ("praktikpladserne", "virksomhedspraktick"):
        hits = client.get("/api/faq/search", params={"q": query}).json()
        assert hits, query
        assert "praktik" in (hits[0]["question"] + hits[0]["answer"]).lower()
