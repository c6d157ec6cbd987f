"""Link fields (places, offers, FAQ) take only https: and http: links, kept exactly as typed."""

from __future__ import annotations

import pytest
import yaml

from api import content_io
from tests.api.conftest import FIXTURE_CONTENT

RECORDS = {
    "places/huset-tvaers": "/api/places/huset-tvaers",
    "offers/virksomhedspraktik": "/api/offers/virksomhedspraktik",
    "faq/praktikplads": "/api/faq/praktikplads",
}

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://www.randers.dk/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://ftp.example.dk/x",
    "//evil.example/x",
    "www.randers.dk",
    "https:evil.example",
    "https://",
    "http:///path-only",
    "https://www.randers.dk/a b",
    "https://www.randers.dk/\u0000x",
    "https://www.randers.dk/\u200bx",
    "https://[::1",
]

KEPT_AS_TYPED = [
    "https://www.randers.dk/borger/job-og-ledighed?fane=1#kontakt",
    "HTTPS://Www.Randers.DK/Borger/",
    "http://randers.dk",
    "https://www.randers.dk/søg?q=æble%20og%20pære",
    "https://www.randers.dk:443//dobbelt//skråstreg/?",
]


def fields_of(record: dict) -> dict:
    drop = ("slug", "version", "stale", "advisory_sessions", "deleted", "updated_at", "updated_by")
    return {k: v for k, v in record.items() if k not in drop}


def put_url(client, headers, path: str, url: str):
    staff = client.get(f"/api/staff/{path}", headers=headers)
    body = fields_of(staff.json()) | {"url": url}
    etag = staff.headers["ETag"]
    return client.put(f"/api/staff/{path}", json=body, headers=headers | {"If-Match": etag})


def test_other_schemes_are_422(seeded, editor):
    for path, public in RECORDS.items():
        for url in HOSTILE:
            response = put_url(seeded, editor, path, url)
            assert response.status_code == 422, (path, url, response.text)
            assert response.json()["detail"][0]["loc"] == ["body", "url"]
            assert "url: " in response.json()["message"]
        assert seeded.get(public).json()["url"] is None


def test_web_links_are_kept_as_typed_through_export_and_import(seeded, editor, admin):
    for url in KEPT_AS_TYPED:
        for path, public in RECORDS.items():
            saved = put_url(seeded, editor, path, url)
            assert saved.status_code == 200, saved.text
            assert saved.json()["url"] == url
            assert seeded.get(public).json()["url"] == url
        exported = seeded.get("/api/staff/export", headers=admin).text
        again = seeded.post(
            "/api/staff/import",
            content=exported.encode(),
            headers=admin | {"Content-Type": "application/yaml"},
        )
        assert again.status_code == 200, again.text
        assert sum(again.json()["updated"].values()) == 0  # nothing rewritten
        assert seeded.get("/api/staff/export", headers=admin).text == exported


def test_a_link_with_spaces_around_is_trimmed_like_other_text(seeded, editor):
    saved = put_url(seeded, editor, "places/huset-tvaers", "  https://www.randers.dk/ ")
    assert saved.json()["url"] == "https://www.randers.dk/"


def test_the_content_file_refuses_a_javascript_link():
    data = yaml.safe_load(FIXTURE_CONTENT.read_text(encoding="utf-8"))
    data["offers"][0]["url"] = "javascript:alert(1)"
    with pytest.raises(content_io.ContentErrors) as refused:
        content_io.parse_yaml(yaml.safe_dump(data, allow_unicode=True))
    assert refused.value.errors[0]["loc"][:3] == ["offers", 0, "url"]
    assert "https://" in refused.value.errors[0]["msg"]
