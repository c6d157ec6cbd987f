"""`facts-service create-admin` exactly as the README gives it, on the database `make run` uses.

The README's line is `.venv/bin/facts-service create-admin --username admin` (it asks for the
password). It runs from a shell that has none of the variables `make run` sets for the
service (no FACTS_ENV, no FACTS_SECRET_KEY, no DATABASE_URL): it needs no token secret, and it
finds the database in VAR_DIR like `make run` does."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time

from fastapi.testclient import TestClient

from api.main import create_app
from scripts.stack import StackConfig, prepare_database
from tests.api.conftest import FIXTURE_CONTENT, REPO_ROOT, make_settings, sign_in

FACTS_SERVICE = REPO_ROOT / ".venv" / "bin" / "facts-service"
PASSWORD = "Gummistøvle-traktor-17"


def shell_env(**extra: str) -> dict[str, str]:
    """An operator's shell: none of the service's settings that `make run` would set."""
    unset = ("FACTS_", "DATABASE_URL", "VAR_DIR", "TOKEN_", "LOGIN_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(unset)}
    return env | extra


def read_until(fd: int, text: str | None, timeout: float = 60) -> str:
    """What the program prints until ``text`` (None: until it closes the terminal)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while text is None or text.encode() not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {text!r} in {seen!r}"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the program ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode(errors="replace")


def run_on_a_terminal(args: list[str], env: dict[str, str], answers: list[tuple[str, str]]):
    """Runs the command with a terminal as stdin/stdout (getpass needs one), answering each
    prompt; returns the exit code and everything it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        args, stdin=follower, stdout=follower, stderr=follower, cwd=REPO_ROOT, env=env
    )
    os.close(follower)
    printed = ""
    try:
        for prompt, answer in answers:
            printed += read_until(leader, prompt)
            os.write(leader, answer.encode() + b"\n")
        code = process.wait(timeout=60)
        printed += read_until(leader, None, timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    return code, printed


def test_create_admin_as_the_readme_gives_it(tmp_path):
    # A fresh `make run` set-up: the launcher migrates and seeds the database in VAR_DIR.
    stack = StackConfig(var_dir=tmp_path / "var")
    prepare_database(stack, seed_file=FIXTURE_CONTENT)

    code, printed = run_on_a_terminal(
        [str(FACTS_SERVICE), "create-admin", "--username", "admin"],
        shell_env(VAR_DIR=str(stack.var_dir)),
        [("Password: ", PASSWORD), ("Password (again): ", PASSWORD)],
    )
    assert code == 0, printed
    assert "created admin 'admin'" in printed
    assert PASSWORD not in printed  # getpass does not echo

    # The account is in the database the running service uses, and it can sign in.
    with TestClient(create_app(make_settings(stack.db_url))) as client:
        headers = sign_in(client, "admin", PASSWORD)
        assert client.get("/api/auth/me", headers=headers).json()["role"] == "admin"


def test_create_admin_says_what_to_do_on_an_unmigrated_database(tmp_path):
    env = shell_env(VAR_DIR=str(tmp_path / "empty"))
    done = subprocess.run(
        [str(FACTS_SERVICE), "create-admin", "--username", "admin", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert "facts-service migrate" in done.stderr
    assert "Traceback" not in done.stderr


def test_mistyped_second_password_creates_nothing(tmp_path):
    stack = StackConfig(var_dir=tmp_path / "var")
    stack.var_dir.mkdir()
    subprocess.run(
        [str(FACTS_SERVICE), "migrate"],
        env=shell_env(VAR_DIR=str(stack.var_dir)),
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    code, printed = run_on_a_terminal(
        [str(FACTS_SERVICE), "create-admin", "--username", "admin"],
        shell_env(VAR_DIR=str(stack.var_dir)),
        [("Password: ", PASSWORD), ("Password (again): ", PASSWORD + "x")],
    )
    assert code == 2 and "differ" in printed
