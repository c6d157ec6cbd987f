"""Import reports each record it changes (also as a dry run that saves nothing), refuses records
changed since the export when asked (check_versions), and brings a deleted record back only
when asked (restore_deleted)."""

from __future__ import annotations

import yaml


def yaml_headers(admin: dict[str, str]) -> dict[str, str]:
    return admin | {"Content-Type": "application/yaml"}


def exported(client, admin) -> dict:
    response = client.get("/api/staff/export", headers=admin)
    assert response.status_code == 200
    return yaml.safe_load(response.text)


def send(client, admin, data: dict, **params):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return client.post(
        "/api/staff/import", content=text.encode(), params=params, headers=yaml_headers(admin)
    )


def staff_put(client, headers, path: str, **changes):
    record = client.get(f"/api/staff/{path}", headers=headers)
    drop = ("slug", "version", "stale", "advisory_sessions", "deleted", "updated_at", "updated_by")
    body = {k: v for k, v in record.json().items() if k not in drop} | changes
    etag = record.headers["ETag"]
    response = client.put(f"/api/staff/{path}", json=body, headers=headers | {"If-Match": etag})
    assert response.status_code == 200, response.text


def history_length(client, headers, path: str) -> int:
    return len(client.get(f"/api/staff/{path}/history", headers=headers).json())


def test_dry_run_reports_each_change_and_saves_nothing(seeded, admin):
    data = exported(seeded, admin)
    data["places"][0]["phone"] = "89 15 00 00"
    data["places"][0]["aliases"] = ["tværs"]
    data["codex"] = data["codex"][:1]
    data["offers"].append({"slug": "nyt-tilbud", "name": "Nyt tilbud", "source": "Test"})
    before = seeded.get("/api/staff/export", headers=admin).text

    report = send(seeded, admin, data, dry_run=True, replace=True)
    assert report.status_code == 200, report.text
    body = report.json()
    assert body["dry_run"] is True
    changes = {(c["section"], c["key"]): c for c in body["changes"]}
    assert changes[("places", "huset-tvaers")] == {
        "section": "places", "key": "huset-tvaers", "action": "updated", "version": 1,
        "fields": ["aliases", "phone"],
    }  # fmt: skip
    assert changes[("codex", "2")]["action"] == "deleted"
    assert changes[("offers", "nyt-tilbud")]["action"] == "created"
    assert {"name", "source"} <= set(changes[("offers", "nyt-tilbud")]["fields"])
    assert len(changes) == 3
    assert body["updated"]["places"] == 1 and body["deleted"]["codex"] == 1

    # Nothing was saved: no content, no history, no audit entry.
    assert seeded.get("/api/staff/export", headers=admin).text == before
    assert history_length(seeded, admin, "places/huset-tvaers") == 1
    assert seeded.get("/api/staff/offers/nyt-tilbud", headers=admin).status_code == 404
    audit = seeded.get("/api/staff/audit", params={"action": "content_imported"}, headers=admin)
    assert audit.json() == []

    # The same import for real makes exactly the changes the dry run listed.
    real = send(seeded, admin, data, replace=True).json()
    assert real["dry_run"] is False and real["changes"] == body["changes"]
    entry = seeded.get("/api/staff/audit", params={"action": "content_imported"}, headers=admin)
    assert "places/huset-tvaers: updated" in entry.json()[0]["detail"]["changes"]


def test_check_versions_refuses_records_changed_since_the_export(seeded, admin, editor):
    data = exported(seeded, admin)
    data["places"][0]["phone"] = "11 11 11 11"  # the admin's offline edit
    staff_put(seeded, editor, "places/jobcenter", phone="22 22 22 22")  # a colleague meanwhile

    refused = send(seeded, admin, data, check_versions=True)
    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert body["detail"].startswith("Ændret siden eksporten: places/jobcenter.")
    [conflict] = body["conflicts"]
    assert conflict["section"] == "places" and conflict["key"] == "jobcenter"
    assert (conflict["exported_version"], conflict["current_version"]) == (1, 2)
    assert conflict["updated_by"] == "editor"
    # Nothing written, also not the records that did not conflict.
    assert seeded.get("/api/places/huset-tvaers").json()["phone"] is None
    assert seeded.get("/api/places/jobcenter").json()["phone"] == "22 22 22 22"

    # A dry run shows the conflicts with the changes.
    dry = send(seeded, admin, data, check_versions=True, dry_run=True).json()
    assert [(c["section"], c["key"]) for c in dry["conflicts"]] == [("places", "jobcenter")]

    # Without the flag the import goes ahead (and overwrites, as it always did).
    assert send(seeded, admin, data).status_code == 200
    assert seeded.get("/api/places/huset-tvaers").json()["phone"] == "11 11 11 11"


def test_check_versions_passes_an_unchanged_export_and_sees_new_and_deleted_records(
    seeded, admin, editor
):
    data = exported(seeded, admin)
    data["places"][0]["phone"] = "11 11 11 11"
    assert send(seeded, admin, data, check_versions=True).status_code == 200

    data = exported(seeded, admin)
    created = {"name": "Jobcafé", "source": "M"}
    assert seeded.post("/api/staff/places/jobcafe", json=created, headers=editor).status_code == 201
    codex = seeded.get("/api/staff/codex/2", headers=editor).headers["ETag"]
    assert seeded.delete("/api/staff/codex/2", headers=editor | {"If-Match": codex}).status_code
    refused = send(seeded, admin, data, check_versions=True, replace=True)
    assert refused.status_code == 409
    keys = {(c["section"], c["key"]): c for c in refused.json()["conflicts"]}
    # replace would delete the place created since the export
    assert keys[("places", "jobcafe")]["exported_version"] is None
    # and write over the codex point deleted since the export
    assert keys[("codex", "2")]["current_version"] == 2


def test_check_versions_needs_the_exported_versions(seeded, admin):
    data = exported(seeded, admin)
    del data["exported_versions"]
    refused = send(seeded, admin, data, check_versions=True)
    assert refused.status_code == 422
    assert "exported_versions" in refused.json()["message"]
    bad = exported(seeded, admin) | {"exported_versions": {"planets": {"mars": 1}}}
    assert send(seeded, admin, bad).status_code == 422


def test_a_deleted_record_comes_back_only_when_asked(seeded, admin, editor):
    data = exported(seeded, admin)
    etag = seeded.get("/api/staff/codex/2", headers=editor).headers["ETag"]
    assert seeded.delete("/api/staff/codex/2", headers=editor | {"If-Match": etag}).status_code

    kept = send(seeded, admin, data)
    assert kept.status_code == 200, kept.text
    assert kept.json()["kept_deleted"]["codex"] == 1
    assert kept.json()["changes"] == [
        {"section": "codex", "key": "2", "action": "kept_deleted", "version": 2, "fields": []}
    ]
    assert seeded.get("/api/codex/2").status_code == 404

    back = send(seeded, admin, data, restore_deleted=True)
    assert back.json()["restored"]["codex"] == 1
    assert back.json()["changes"] == [
        {"section": "codex", "key": "2", "action": "restored", "version": 2, "fields": []}
    ]
    assert seeded.get("/api/codex/2").status_code == 200
    history = seeded.get("/api/staff/codex/2/history", headers=admin).json()
    assert [v["action"] for v in history][:2] == ["import", "delete"]


def test_a_record_that_refers_to_a_deleted_one_says_so(seeded, admin, editor):
    data = exported(seeded, admin)
    etag = seeded.get("/api/staff/places/no17", headers=editor).headers["ETag"]
    assert seeded.delete("/api/staff/places/no17", headers=editor | {"If-Match": etag}).status_code
    refused = send(seeded, admin, data)
    assert refused.status_code == 422
    assert "sted 'no17' er slettet; gendan det først" in refused.json()["message"]
    assert send(seeded, admin, data, restore_deleted=True).status_code == 200


def test_export_import_export_is_the_same_text(seeded, admin):
    first = seeded.get("/api/staff/export", headers=admin).text
    report = seeded.post(
        "/api/staff/import",
        content=first.encode(),
        params={"check_versions": True},
        headers=yaml_headers(admin),
    )
    assert report.status_code == 200 and report.json()["changes"] == []
    assert seeded.get("/api/staff/export", headers=admin).text == first


def with_former_section_name(data: dict) -> dict:
    """The file as exported before advisory sessions had their name: ``sessions``."""
    renamed = {("sessions" if k == "advisory_sessions" else k): v for k, v in data.items()}
    versions = renamed["exported_versions"]
    versions["sessions"] = versions.pop("advisory_sessions")
    return renamed


def test_a_file_exported_under_the_former_section_name_still_imports(seeded, admin, editor):
    old = with_former_section_name(exported(seeded, admin))
    old["sessions"][0]["title"] = "Åben Rådgivning i Huset Tværs"
    body = send(seeded, admin, old, check_versions=True).json()
    assert body["updated"] == {"advisory_sessions": 1}
    assert [(c["section"], c["key"]) for c in body["changes"]] == [
        ("advisory_sessions", "aaben-raadgivning-huset-tvaers")
    ]
    record = seeded.get("/api/advisory-sessions/aaben-raadgivning-huset-tvaers").json()
    assert record["title"] == "Åben Rådgivning i Huset Tværs"
    # exported_versions under the old name is checked too: the record changed since
    staff_put(seeded, editor, "advisory-sessions/no17-onsdag", title="Onsdag på No.17")
    refused = send(seeded, admin, old, check_versions=True)
    assert refused.status_code == 409, refused.text
    assert "advisory_sessions/no17-onsdag" in refused.json()["detail"]
    both = dict(old, advisory_sessions=old["sessions"])
    twice = send(seeded, admin, both)
    assert twice.status_code == 422
    assert "sessions og advisory_sessions er samme sektion" in twice.json()["message"]
