"""Staff sign-in, roles and accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from api.auth.security import ALGORITHM
from api.settings import Settings
from tests.api.conftest import PASSWORD, SECRET, add_user, sign_in

PLACE = {"name": "Nyt sted", "source": "Test", "last_verified": "2025-05-01"}

WRITES = [
    ("post", "/api/staff/places/nyt-sted", {"json": PLACE}),
    ("put", "/api/staff/places/huset-tvaers", {"json": PLACE, "headers": {"If-Match": '"1"'}}),
    ("delete", "/api/staff/places/huset-tvaers", {"headers": {"If-Match": '"1"'}}),
    ("post", "/api/staff/faq/loentilskud-kladde/publish", {}),
    ("post", "/api/staff/places/huset-tvaers/revert/1", {}),
    ("get", "/api/staff/places/huset-tvaers/history", {}),
    ("get", "/api/staff/places", {}),
    ("get", "/api/staff/stale", {}),
    ("get", "/api/staff/export", {}),
    ("post", "/api/staff/import", {"content": "version: 1\n"}),
    ("get", "/api/staff/users", {}),
    ("post", "/api/staff/users", {"json": {"username": "x1", "password": "y" * 12}}),
    ("delete", "/api/staff/users/editor", {}),
    ("get", "/api/auth/me", {}),
]


@pytest.mark.parametrize(("method", "url", "kwargs"), WRITES)
def test_staff_endpoints_need_sign_in(seeded, method, url, kwargs):
    response = seeded.request(method.upper(), url, **kwargs)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert seeded.get("/api/places/huset-tvaers").json()["version"] == 1


def test_bad_expired_or_foreign_tokens_are_401(seeded, editor):
    now = datetime.now(UTC)
    expired = jwt.encode(
        {"sub": "editor", "exp": now - timedelta(minutes=1)}, SECRET, algorithm=ALGORITHM
    )
    forged = jwt.encode(
        {"sub": "editor", "exp": now + timedelta(minutes=5)}, "x" * 40, algorithm=ALGORITHM
    )
    for token in ("garbage", expired, forged):
        response = seeded.get("/api/staff/places", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


def test_token_is_short_lived(seeded, app):
    add_user(app, "kim", "editor")
    body = seeded.post("/api/auth/token", data={"username": "kim", "password": PASSWORD}).json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == Settings.model_fields["token_minutes"].default * 60
    claims = jwt.decode(body["access_token"], SECRET, algorithms=[ALGORITHM])
    assert claims["exp"] - claims["iat"] == 30 * 60


def test_wrong_password_and_unknown_user_are_401(seeded, app):
    add_user(app, "kim", "editor")
    for username, password in (("kim", "wrong password!"), ("nobody", PASSWORD)):
        response = seeded.post("/api/auth/token", data={"username": username, "password": password})
        assert response.status_code == 401
        assert response.json()["detail"] == "Forkert brugernavn eller adgangskode"


def test_passwords_are_stored_as_argon2(app):
    add_user(app, "kim", "editor")
    from api.auth.service import find_user

    with app.state.session_factory() as session:
        stored = find_user(session, "kim").password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(
    ("method", "url", "kwargs"),
    [
        ("get", "/api/staff/users", {}),
        ("post", "/api/staff/users", {"json": {"username": "x1", "password": "y" * 12}}),
        ("delete", "/api/staff/users/admin", {}),
        ("post", "/api/staff/import", {"content": "version: 1\n"}),
    ],
)
def test_editor_gets_403_on_admin_endpoints(seeded, editor, admin, method, url, kwargs):
    headers = editor | {"Content-Type": "application/yaml"} if "import" in url else editor
    response = seeded.request(method.upper(), url, headers=headers, **kwargs)
    assert response.status_code == 403
    assert response.json()["detail"] == "Kun administratorer må gøre dette"


def test_admin_manages_accounts(client, admin):
    created = client.post(
        "/api/staff/users",
        json={"username": "maja", "password": "a long passphrase", "role": "editor"},
        headers=admin,
    )
    assert created.status_code == 201
    assert created.json()["role"] == "editor"
    assert "password" not in created.text
    again = client.post(
        "/api/staff/users",
        json={"username": "maja", "password": "a long passphrase"},
        headers=admin,
    )
    assert again.status_code == 409
    names = [u["username"] for u in client.get("/api/staff/users", headers=admin).json()]
    assert names == ["admin", "maja"]
    maja = sign_in(client, "maja", "a long passphrase")
    assert client.get("/api/auth/me", headers=maja).json()["username"] == "maja"
    assert client.delete("/api/staff/users/admin", headers=admin).status_code == 409
    assert client.delete("/api/staff/users/maja", headers=admin).status_code == 204
    assert client.get("/api/auth/me", headers=maja).status_code == 401  # deleted: token dead
    assert client.delete("/api/staff/users/maja", headers=admin).status_code == 404


def test_short_password_is_refused_in_danish(client, admin):
    response = client.post(
        "/api/staff/users", json={"username": "maja", "password": "kort"}, headers=admin
    )
    assert response.status_code == 422
    assert "mindst 12" in response.json()["message"]


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaaaa",  # the example: long enough, but a repeat
        "password1234",
        "qwertyuiopå1",
        "123456789012",
        "iloveyou1234",
        "jobcenter2025!",  # the workplace's own words
        "maja-maja-maja",  # the username
        "Randers123456",
    ],
)
def test_common_or_guessable_passwords_are_refused(client, admin, password):
    response = client.post(
        "/api/staff/users", json={"username": "maja", "password": password}, headers=admin
    )
    assert response.status_code == 422, response.text
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "password"]
    assert "mest brugte" in error["msg"] or "let at gætte" in error["msg"]
    assert password not in response.text


@pytest.mark.parametrize(
    "password", ["a long passphrase", "Gummistøvle-traktor-17", "blæksprutte hæklede tre huer"]
)
def test_passphrases_are_accepted(client, admin, password):
    response = client.post(
        "/api/staff/users", json={"username": "maja", "password": password}, headers=admin
    )
    assert response.status_code == 201, response.text


def test_the_cli_refuses_a_common_password_without_printing_it(tmp_path):
    import os
    import subprocess
    import sys

    from tests.api.conftest import REPO_ROOT

    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}", FACTS_ENV="production")
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "create-admin", "--username", "boss", "--password-stdin"],
        input="password1234\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
    )
    assert done.returncode == 2
    assert "invalid user: password: står på listen over de mest brugte" in done.stderr
    assert "password1234" not in done.stderr
