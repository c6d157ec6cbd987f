"""YAML import/export: round trip without loss, staff edits survive re-seeding, one transaction."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from api import content_io
from tests.api.conftest import FIXTURE_CONTENT, REPO_ROOT, SECRET, import_file, seed_file


def normalised(text: str) -> dict:
    """The content of a file, without the versions an export adds."""
    content = content_io.ContentFile.model_validate(yaml.safe_load(text))
    return content.model_dump(mode="json", exclude={"exported_versions"})


def export(app) -> str:
    with app.state.session_factory() as session:
        return content_io.export_yaml(session)


def test_seed_import_export_round_trip(app, tmp_path):
    source = seed_file()  # content/seed.yml once it exists, else the fixture
    import_file(app, source)
    first = export(app)
    assert normalised(first) == normalised(source.read_text(encoding="utf-8"))
    # export -> import into a fresh database -> export is the identical text
    from tests.api.conftest import build_app, make_settings

    other = build_app(make_settings(f"sqlite:///{tmp_path / 'other.db'}"))
    path = tmp_path / "export.yml"
    path.write_text(first, encoding="utf-8")
    import_file(other, path)
    assert export(other) == first


def test_export_keeps_contract_shape(seeded, editor):
    response = seeded.get("/api/staff/export", headers=editor)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    data = yaml.safe_load(response.text)
    assert list(data) == [
        "version", "places", "advisory_sessions", "offers", "codex",
        "process_rules", "org_units", "faq", "texts", "exported_versions",
    ]  # fmt: skip
    assert data["exported_versions"]["places"]["huset-tvaers"] == 1
    assert data["exported_versions"]["codex"] == {1: 1, 2: 1}
    assert data["advisory_sessions"][0]["slots"][0] == {
        "weekday": "monday", "start": "10:00", "end": "12:00", "staff": "Jobcentret", "notes": None,
    }  # fmt: skip
    assert str(data["places"][0]["last_verified"]) == "2025-04-01"
    assert "\\u00e6" not in response.text and "Tværs" in response.text


def test_import_endpoint_updates_with_history_and_replace_deletes(seeded, admin):
    data = yaml.safe_load(FIXTURE_CONTENT.read_text(encoding="utf-8"))
    data["places"][1]["phone"] = "89 15 00 00"
    data["codex"] = data["codex"][:1]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    headers = admin | {"Content-Type": "application/yaml"}
    report = seeded.post("/api/staff/import", content=text.encode(), headers=headers)
    assert report.status_code == 200, report.text
    body = report.json()
    assert body["updated"]["places"] == 1 and body["unchanged"]["places"] == 2
    assert body["deleted"] == {}
    assert seeded.get("/api/places/jobcenter").json()["phone"] == "89 15 00 00"
    history = seeded.get("/api/staff/places/jobcenter/history", headers=admin).json()
    assert history[0]["action"] == "import" and history[0]["who"] == "admin"
    assert seeded.get("/api/codex/2").status_code == 200  # not in file, but no replace
    replaced = seeded.post(
        "/api/staff/import", params={"replace": True}, content=text.encode(), headers=headers
    ).json()
    assert replaced["deleted"]["codex"] == 1
    assert seeded.get("/api/codex/2").status_code == 404


def test_bad_import_is_422_and_writes_nothing(seeded, admin):
    data = yaml.safe_load(FIXTURE_CONTENT.read_text(encoding="utf-8"))
    data["places"][0]["name"] = "Huset Tværs ÆNDRET"
    data["advisory_sessions"][0]["place"] = "atlantis"  # fails after the places were written
    headers = admin | {"Content-Type": "application/yaml"}
    text = yaml.safe_dump(data, allow_unicode=True)
    response = seeded.post("/api/staff/import", content=text.encode(), headers=headers)
    assert response.status_code == 422
    assert "ukendt sted 'atlantis'" in response.json()["message"]
    assert seeded.get("/api/places/huset-tvaers").json()["name"] == "Huset Tværs"
    broken = seeded.post("/api/staff/import", content=b"places: [", headers=headers)
    assert broken.status_code == 422 and "YAML" in broken.json()["message"]
    wrong = seeded.post(
        "/api/staff/import", content=b"version: 1\nplaces: [{slug: x}]\n", headers=headers
    )
    assert wrong.status_code == 422 and "skal udfyldes" in wrong.json()["message"]
    dup = dict(data, advisory_sessions=[], places=[data["places"][0], data["places"][0]])
    twice = seeded.post(
        "/api/staff/import",
        content=yaml.safe_dump(dup, allow_unicode=True).encode(),
        headers=headers,
    )
    assert twice.status_code == 422 and "flere gange" in twice.json()["message"]
    as_json = seeded.post("/api/staff/import", json={"version": 1}, headers=admin)
    assert as_json.status_code == 415


def test_unquoted_yaml_times_are_understood():
    text = (
        "version: 1\nadvisory_sessions:\n  - {slug: s, place: p, title: T, source: S,\n"
        "     slots: [{weekday: monday, start: 10:00, end: 12:30}]}\n"
    )
    content = content_io.parse_yaml(text)
    slot = content.advisory_sessions[0].slots[0]
    assert (slot.start.hour, slot.start.minute, slot.end.minute) == (10, 0, 30)


def cli(env: dict, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        cwd=REPO_ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_cli_migrate_seed_is_idempotent_and_keeps_staff_edits(tmp_path):
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}",
        FACTS_ENV="production",
        FACTS_SECRET_KEY=SECRET,
    )
    assert cli(env, "migrate").returncode == 0
    first = cli(env, "seed", "--file", str(FIXTURE_CONTENT))
    assert first.returncode == 0, first.stderr
    assert "created" in first.stdout
    made = cli(
        env, "create-admin", "--username", "boss", "--password-stdin", stdin="a long passphrase\n"
    )
    assert made.returncode == 0, made.stderr

    from fastapi.testclient import TestClient

    from api.main import create_app
    from tests.api.conftest import make_settings, sign_in

    with TestClient(create_app(make_settings(env["DATABASE_URL"]))) as client:
        headers = sign_in(client, "boss", "a long passphrase")
        place = client.get("/api/staff/places/jobcenter", headers=headers).json()
        keep = (
            "deleted",
            "updated_at",
            "updated_by",
            "slug",
            "version",
            "stale",
            "advisory_sessions",
        )
        body = {k: v for k, v in place.items() if k not in keep} | {"phone": "70 70 70 70"}
        r = client.put(
            "/api/staff/places/jobcenter", json=body, headers=headers | {"If-Match": '"1"'}
        )
        assert r.status_code == 200

    again = cli(env, "seed", "--file", str(FIXTURE_CONTENT))
    assert again.returncode == 0 and "nothing imported" in again.stdout
    exported = cli(env, "export")
    assert "70 70 70 70" in exported.stdout  # the staff edit survived re-seeding
    replaced = cli(env, "seed", "--file", str(FIXTURE_CONTENT), "--replace")
    assert replaced.returncode == 0
    assert "70 70 70 70" not in cli(env, "export").stdout
    short = cli(env, "create-admin", "--username", "x1", "--password-stdin", stdin="kort\n")
    assert short.returncode == 2


def test_cli_needs_the_secret_only_to_serve(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTS_")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", FACTS_ENV="production")
    assert cli(env, "migrate").returncode == 0
    assert cli(env, "export").returncode == 0
    done = cli(env, "serve")
    assert done.returncode == 2
    assert "FACTS_SECRET_KEY" in done.stderr


def test_import_refuses_other_media_types_and_non_utf8(seeded, admin):
    as_json = seeded.post("/api/staff/import", json={"version": 1}, headers=admin)
    assert as_json.status_code == 415
    assert as_json.json() == {"detail": "Send indholdet som application/yaml"}
    latin1 = seeded.post(
        "/api/staff/import",
        content="version: 1\ntexts: []\n# Tværs".encode("latin-1"),
        headers=admin | {"Content-Type": "application/yaml"},
    )
    assert latin1.status_code == 422 and "UTF-8" in latin1.json()["message"]


def check_seed(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "content" / "check_seed.py"), str(path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_an_editor_export_passes_the_seed_check(app, client, editor, tmp_path):
    import_file(app, seed_file())
    # What the editor allows: no aliases, never verified, no slots and no frequency note,
    # one question variant, a gap in the codex numbers.
    made = {
        "places/jobcafe": {"name": "Jobcafé", "source": "M"},
        "advisory-sessions/jobcafe-aaben": {"place": "jobcafe", "title": "Åben", "source": "M"},
        "faq/ny-faq": {
            "questions": ["hvad nu"],
            "answer": "Sådan.",
            "topic": "human",
            "source": "M",
        },
    }
    for path, body in made.items():
        assert client.post(f"/api/staff/{path}", json=body, headers=editor).status_code == 201
    codex = client.get("/api/staff/codex/2", headers=editor).headers["ETag"]
    assert (
        client.delete("/api/staff/codex/2", headers=editor | {"If-Match": codex}).status_code == 204
    )
    export = client.get("/api/staff/export", headers=editor)
    assert export.status_code == 200
    path = tmp_path / "export.yml"
    path.write_text(export.text, encoding="utf-8")
    checked = check_seed(path)
    assert checked.returncode == 0, checked.stdout
    assert "ok (places=9, advisory_sessions=7," in checked.stdout


def test_seed_check_reports_the_seeds_own_rules(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text(
        "version: 1\n"
        "places: [{slug: x, name: X, source: S, phone: '89 15 00 00', postcode: '89'}]\n"
        "advisory_sessions: [{slug: s, place: y, title: T, source: S}]\n"
        "offers: [{slug: o, name: O, source: ' '}]\n",
        encoding="utf-8",
    )
    checked = check_seed(path)
    assert checked.returncode == 1
    assert "offers.0.source: må ikke være tom" in checked.stdout  # a source on every record
    path.write_text(path.read_text(encoding="utf-8").replace("' '", "S"), encoding="utf-8")
    problems = check_seed(path).stdout.splitlines()
    for expected in (
        "advisory_sessions[s]: place 'y' not in places",
        "places: required place 'jobcenter' missing",
        "process_rules: no rule for situation 'sygedagpenge'",
        "texts: required key 'service_down' missing",
        "seed.places[0].phone: phone-number-like digits '89 15 00 00'",
        "places[x]: postcode must be four digits",
    ):
        assert expected in problems


def test_seed_check_accepts_the_former_section_name(tmp_path):
    path = tmp_path / "old.yml"
    seed = (REPO_ROOT / "content" / "seed.yml").read_text(encoding="utf-8")
    path.write_text(seed.replace("\nadvisory_sessions:\n", "\nsessions:\n"), encoding="utf-8")
    checked = check_seed(path)
    assert checked.returncode == 0, checked.stdout
    assert "advisory_sessions=6," in checked.stdout


def test_former_faq_topics_are_read_as_the_topics_names():
    faq = "{slug: f, questions: [q], answer: A, topic: advisory_hours, source: S}"
    text = f"version: 1\nfaq:\n  - {faq}\n"
    assert content_io.parse_yaml(text).faq[0].topic == "advisory_sessions"
