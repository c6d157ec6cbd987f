"""The audit log: who changed, reverted, published, imported what, and when; admins read it
through GET /api/staff/audit. (Sign-in entries: tests/api/test_login_throttle.py.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import yaml
from sqlalchemy import func, select

from api.audit import service as audit
from api.audit.models import AuditEntry
from tests.api.conftest import FIXTURE_CONTENT, PASSWORD


def entries(client, admin, **params) -> list[dict]:
    response = client.get("/api/staff/audit", params=params, headers=admin)
    assert response.status_code == 200, response.text
    return response.json()


def fields_of(record: dict) -> dict:
    drop = ("slug", "version", "stale", "advisory_sessions", "deleted", "updated_at", "updated_by")
    return {k: v for k, v in record.items() if k not in drop}


def test_record_changes_are_logged_with_who_what_and_when(seeded, editor, admin):
    before = datetime.now(UTC)
    body = {"name": "Jobcafé", "source": "Medarbejder"}
    assert seeded.post("/api/staff/places/jobcafe", json=body, headers=editor).status_code == 201
    record = seeded.get("/api/staff/places/jobcafe", headers=editor).json()
    changed = fields_of(record) | {"phone": "89 15 00 00"}
    one = editor | {"If-Match": '"1"'}
    assert seeded.put("/api/staff/places/jobcafe", json=changed, headers=one).status_code == 200
    two = editor | {"If-Match": '"2"'}
    # Saving the same content again changes nothing and is not logged.
    assert seeded.put("/api/staff/places/jobcafe", json=changed, headers=two).status_code == 200
    assert seeded.post("/api/staff/places/jobcafe/revert/1", headers=two).status_code == 200
    three = editor | {"If-Match": '"3"'}
    assert seeded.delete("/api/staff/places/jobcafe", headers=three).status_code == 204
    draft = editor | {"If-Match": '"1"'}
    assert (
        seeded.post("/api/staff/faq/loentilskud-kladde/publish", headers=draft).status_code == 200
    )

    logged = [e for e in entries(seeded, admin) if e["action"].startswith("record_")]
    assert [(e["action"], e["target"], e["detail"]) for e in logged] == [
        ("record_published", "faq/loentilskud-kladde", {"version": 2}),
        ("record_deleted", "places/jobcafe", {"version": 4}),
        ("record_reverted", "places/jobcafe", {"version": 3, "reverted_to": 1}),
        ("record_updated", "places/jobcafe", {"version": 2}),
        ("record_created", "places/jobcafe", {"version": 1}),
    ]
    assert {e["actor"] for e in logged} == {"editor"}
    assert {e["client"] for e in logged} == {"testclient"}
    for entry in logged:
        at = datetime.fromisoformat(entry["at"])
        assert before - timedelta(seconds=1) <= at <= datetime.now(UTC)


def test_refused_writes_are_not_logged(seeded, editor, admin):
    record = seeded.get("/api/staff/places/jobcenter", headers=editor).json()
    stale = editor | {"If-Match": '"7"'}
    response = seeded.put("/api/staff/places/jobcenter", json=fields_of(record), headers=stale)
    assert response.status_code == 412
    assert not [e for e in entries(seeded, admin) if e["action"].startswith("record_")]


def test_accounts_and_imports_are_logged(seeded, admin):
    new_user = {"username": "maja", "password": "a long passphrase", "role": "editor"}
    assert seeded.post("/api/staff/users", json=new_user, headers=admin).status_code == 201
    assert seeded.delete("/api/staff/users/maja", headers=admin).status_code == 204
    data = yaml.safe_load(FIXTURE_CONTENT.read_text(encoding="utf-8"))
    data["places"][1]["phone"] = "89 15 00 00"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    yaml_headers = admin | {"Content-Type": "application/yaml"}
    assert seeded.post("/api/staff/import", content=text, headers=yaml_headers).status_code == 200

    logged = entries(seeded, admin)
    assert logged[0]["action"] == "content_imported" and logged[0]["actor"] == "admin"
    assert logged[0]["detail"]["updated"] == 1 and logged[0]["detail"]["replace"] is False
    assert [(e["action"], e["target"]) for e in logged[1:3]] == [
        ("user_deleted", "users/maja"),
        ("user_created", "users/maja"),
    ]
    assert logged[2]["detail"] == {"role": "editor"}
    assert "a long passphrase" not in str(logged)


def test_filters_and_pages(seeded, admin, app):
    with app.state.session_factory() as session:
        for number in range(5):
            audit.record(session, action="user_created", actor=f"a{number}", target="users/x")
        audit.record(session, action="user_deleted", actor="a1", target="users/x")
        session.commit()
    only = entries(seeded, admin, action="user_created")
    assert [e["actor"] for e in only][:5] == ["a4", "a3", "a2", "a1", "a0"]
    assert [e["action"] for e in entries(seeded, admin, actor="a1")] == [
        "user_deleted",
        "user_created",
    ]
    first = entries(seeded, admin, action="user_created", limit=2)
    second = entries(seeded, admin, action="user_created", limit=2, before_id=first[-1]["id"])
    assert [e["actor"] for e in first + second] == ["a4", "a3", "a2", "a1"]
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert entries(seeded, admin, since=future) == []
    assert (
        seeded.get("/api/staff/audit", params={"action": "nej"}, headers=admin).status_code == 422
    )


def test_only_admins_read_the_audit_log(seeded, editor):
    assert seeded.get("/api/staff/audit", headers=editor).status_code == 403
    assert seeded.get("/api/staff/audit").status_code == 401


def test_entries_older_than_the_retention_period_are_deleted(app):
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    with app.state.session_factory() as session:
        for days in (400, 366, 364, 1):
            audit.record(
                session, action="sign_in", actor="kim", at=now - timedelta(days=days, seconds=1)
            )
        session.commit()
        assert audit.purge(session, retention_days=365, now=now) == 2
        session.commit()
        left = session.scalar(select(func.count()).select_from(AuditEntry))
    assert left == 2


def test_the_cli_logs_what_it_does(tmp_path):
    import os
    import subprocess
    import sys

    from tests.api.conftest import REPO_ROOT, build_app, make_settings

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    app = build_app(make_settings(url))
    env = dict(os.environ, DATABASE_URL=url, FACTS_ENV="production")
    env.pop("FACTS_SECRET_KEY", None)
    run = [sys.executable, "-m", "api.cli"]
    seeded = subprocess.run(
        [*run, "seed", "--file", str(FIXTURE_CONTENT)], env=env, cwd=REPO_ROOT, capture_output=True
    )
    assert seeded.returncode == 0, seeded.stderr
    made = subprocess.run(
        [*run, "create-admin", "--username", "boss", "--password-stdin"],
        input=(PASSWORD + "\n").encode(),
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    with app.state.session_factory() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(r.action, r.actor, r.target) for r in rows] == [
        ("content_imported", "<kommandolinje>", "seed: content.yml"),
        ("user_created", "<kommandolinje>", "users/boss"),
    ]


def test_the_purge_deletes_old_audit_entries_and_spent_sign_in_counters(tmp_path):
    """`facts-service purge` (hourly under make run, from a timer in production) keeps the
    audit log to AUDIT_RETENTION_DAYS and drops sign-in counters whose window and wait are
    over, also when nobody signs in."""
    from api.auth.models import SignInCounter
    from api.retention.service import purge
    from tests.api.conftest import build_app, make_settings

    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    settings = make_settings(
        f"sqlite:///{tmp_path / 'facts.db'}",
        tracker_store_url=f"sqlite:///{tmp_path / 'none.db'}",
        log_dir=tmp_path / "log",
        audit_retention_days=30,
    )
    app = build_app(settings)
    with app.state.session_factory() as session:
        for days in (31, 29):
            audit.record(session, action="sign_in", actor="kim", at=now - timedelta(days=days))
        for hours in (30, 2):
            stamp = now - timedelta(hours=hours)
            session.add(
                SignInCounter(
                    scope="account", account=f"kim{hours}", client="10.0.0.1", attempts=3,
                    refused=0, window_start=stamp, last_at=stamp, serial=3,
                )
            )  # fmt: skip
        session.commit()
    report = purge(settings, now=now)
    assert report.errors == []
    assert "audit log: deleted 1" in report.lines()
    assert "sign-in counters: deleted 1" in report.lines()
    with app.state.session_factory() as session:
        assert session.scalars(select(SignInCounter.account)).all() == ["kim2"]
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1
    app.state.engine.dispose()
