"""Start, health-check and stop the three servers: facts service, action server, Rasa.

Used by `make run` (``python scripts/stack.py run``), by the end-to-end tests and by the
benchmarks, so all of them run the servers the same way. Runs in the service environment
(`.venv`); the Rasa processes are started from `.venv-rasa`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
FACTS_BIN = ROOT / ".venv" / "bin" / "facts-service"
RASA_BIN = ROOT / ".venv-rasa" / "bin" / "rasa"
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
DEFAULT_MODEL = ROOT / "models" / "jobcenter.tar.gz"
PURGE_EVERY_SECONDS = 3600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StackConfig:
    """Ports, paths and settings. ``from_env`` reads the same variables as the README lists."""

    facts_port: int = 8000
    actions_port: int = 5055
    rasa_port: int = 5005
    var_dir: Path = ROOT / "var"
    database_url: str | None = None
    # Rasa's tracker store, also what the purge cleans (TRACKER_STORE_URL; default: SQLite).
    tracker_store_url: str | None = None
    model: Path = DEFAULT_MODEL
    chat_origins: list[str] = field(default_factory=list)
    secret_key: str | None = None
    facts_env: str = "development"
    # Rasa and the action server listen on loopback unless told otherwise (README, Production).
    rasa_host: str = "127.0.0.1"
    actions_host: str = "127.0.0.1"
    # Extra environment for the Rasa server (e.g. CHAT_RATE_PER_ADDRESS in the tests).
    chat_env: dict[str, str] = field(default_factory=dict)
    # Extra environment for the facts service (e.g. TOKEN_SECONDS in the tests).
    facts_extra_env: dict[str, str] = field(default_factory=dict)
    # Where Rasa reaches the action server and the actions reach the facts service, when not
    # directly (the end-to-end tests put recording proxies there).
    action_webhook_url: str | None = None
    facts_url_for_actions: str | None = None

    @classmethod
    def from_env(cls) -> StackConfig:
        env = os.environ
        cfg = cls(
            facts_port=int(env.get("FACTS_PORT", 8000)),
            actions_port=int(env.get("ACTIONS_PORT", 5055)),
            rasa_port=int(env.get("RASA_PORT", 5005)),
            var_dir=Path(env.get("VAR_DIR", ROOT / "var")),
            database_url=env.get("DATABASE_URL"),
            tracker_store_url=env.get("TRACKER_STORE_URL"),
            model=Path(env.get("RASA_MODEL", DEFAULT_MODEL)),
            secret_key=env.get("FACTS_SECRET_KEY"),
            facts_env=env.get("FACTS_ENV", "development"),
            rasa_host=env.get("RASA_HOST", "127.0.0.1"),
            actions_host=env.get("ACTIONS_HOST", "127.0.0.1"),
        )
        if env.get("CHAT_ORIGINS"):
            cfg.chat_origins = [o.strip() for o in env["CHAT_ORIGINS"].split(",") if o.strip()]
        return cfg

    @classmethod
    def on_free_ports(cls, var_dir: Path, **kwargs) -> StackConfig:
        return cls(
            facts_port=free_port(),
            actions_port=free_port(),
            rasa_port=free_port(),
            var_dir=var_dir,
            facts_env="test",
            **kwargs,
        )

    @property
    def facts_url(self) -> str:
        return f"http://localhost:{self.facts_port}"

    @property
    def actions_url(self) -> str:
        return f"http://localhost:{self.actions_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://localhost:{self.rasa_port}"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'facts.db'}"

    @property
    def tracker_url(self) -> str:
        return self.tracker_store_url or f"sqlite:///{self.var_dir / 'rasa-tracker.db'}"

    @property
    def origins(self) -> list[str]:
        return self.chat_origins or [self.facts_url, f"http://127.0.0.1:{self.facts_port}"]

    @property
    def log_dir(self) -> Path:
        return self.var_dir / "log"


def facts_env(cfg: StackConfig) -> dict[str, str]:
    """Environment of the facts service (and its CLI)."""
    return {
        **os.environ,
        "FACTS_PORT": str(cfg.facts_port),
        "DATABASE_URL": cfg.db_url,
        "TRACKER_STORE_URL": cfg.tracker_url,
        "LOG_DIR": str(cfg.log_dir),
        "FACTS_ENV": cfg.facts_env,
        "FACTS_SECRET_KEY": cfg.secret_key or os.environ.get("FACTS_SECRET_KEY", ""),
        "RASA_URL": cfg.rasa_url,
        "CHAT_ORIGINS": ",".join(cfg.origins),
        **cfg.facts_extra_env,
    }


def facts_cli(cfg: StackConfig, *args: str) -> subprocess.CompletedProcess:
    """Run ``facts-service <args>`` against this stack's database; its error text on failure."""
    done = subprocess.run(
        [str(FACTS_BIN), *args], env=facts_env(cfg), cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        command = " ".join(args)
        raise RuntimeError(f"facts-service {command} failed:\n{done.stdout}{done.stderr}")
    return done


def prepare_database(cfg: StackConfig, seed_file: Path = ROOT / "content" / "seed.yml") -> None:
    """Migrate the facts database and seed it if it is empty (staff edits are kept)."""
    cfg.var_dir.mkdir(parents=True, exist_ok=True)
    facts_cli(cfg, "migrate")
    facts_cli(cfg, "seed", "--file", str(seed_file))


def tracker_db(cfg: StackConfig) -> Path | None:
    """The SQLite tracker store, switched to WAL mode (the file keeps it): a saved turn's
    commit took ~0.4 ms instead of ~3 ms on this machine, with the same durability.
    None when the tracker store is not a SQLite file."""
    prefix = "sqlite:///"
    if not cfg.tracker_url.startswith(prefix):
        return None
    path = Path(cfg.tracker_url.removeprefix(prefix))
    if not path.is_absolute():
        path = ROOT / path
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    return path


def chat_sender_key(cfg: StackConfig) -> str:
    """CHAT_SENDER_KEY, else a random key kept in var/run/ (readable by the owner only), so
    conversations and their deletion survive a restart."""
    if os.environ.get("CHAT_SENDER_KEY"):
        return os.environ["CHAT_SENDER_KEY"]
    path = cfg.var_dir / "run" / "chat-sender.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32))
    return path.read_text().strip()


def rasa_tracker_store(cfg: StackConfig) -> dict:
    """The ``tracker_store:`` section for Rasa: the SQLite file, or the URL as Rasa's
    SQLAlchemy 1.4 with psycopg2 takes it (Rasa uses a URL given as ``url`` as it is)."""
    path = tracker_db(cfg)
    if path is not None:
        return {"type": "SQL", "dialect": "sqlite", "db": str(path)}
    url = cfg.tracker_url
    for scheme in ("postgresql+psycopg://", "postgres://"):
        if url.startswith(scheme):
            url = "postgresql://" + url.removeprefix(scheme)
    return {"type": "SQL", "url": url}


def write_endpoints(cfg: StackConfig) -> Path:
    """endpoints.yml with this stack's action server and tracker store."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = cfg.action_webhook_url or f"{cfg.actions_url}/webhook"
    endpoints["tracker_store"] = rasa_tracker_store(cfg)
    path = cfg.var_dir / "run" / "endpoints.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path


def purge_on_schedule(
    cfg: StackConfig, stop: threading.Event, every: float = PURGE_EVERY_SECONDS
) -> threading.Thread:
    """``facts-service purge`` now and then every ``every`` seconds until ``stop`` is set.

    It runs with the facts service's environment, so it deletes by the same retention
    settings that /privatliv states, in this stack's tracker store and log folder."""

    def loop() -> None:
        while True:
            try:
                lines = facts_cli(cfg, "purge").stdout.splitlines()
                print("Purge: " + "; ".join(lines[1:]), flush=True)
            except RuntimeError as exc:
                print(exc, file=sys.stderr, flush=True)
            if stop.wait(every):
                return

    thread = threading.Thread(target=loop, name="purge", daemon=True)
    thread.start()
    return thread


class Stack:
    """The three servers as child processes, each in its own process group."""

    def __init__(self, cfg: StackConfig) -> None:
        self.cfg = cfg
        self.procs: dict[str, subprocess.Popen] = {}
        self.commands: dict[str, tuple[list[str], dict[str, str]]] = {}
        if not cfg.secret_key:
            cfg.secret_key = os.environ.get("FACTS_SECRET_KEY") or secrets.token_urlsafe(32)
        # Rasa proves itself to the action server with this token (actions/server.py).
        self.actions_token = os.environ.get("ACTIONS_TOKEN") or secrets.token_urlsafe(32)

    def _spawn(self, name: str, cmd: list[str], env: dict[str, str]) -> None:
        self.commands[name] = (cmd, env)
        self.cfg.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.cfg.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - owned by the child
        self.procs[name] = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()

    def start(self, only: tuple[str, ...] = ("facts", "actions", "rasa")) -> None:
        cfg = self.cfg
        rasa_env = {
            **os.environ,
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TELEMETRY_ENABLED": "false",  # no telemetry or crash reports to rasa.com
            "FACTS_URL": cfg.facts_url_for_actions or cfg.facts_url,
            "ACTIONS_TOKEN": self.actions_token,
        }
        if "facts" in only:
            self._spawn("facts", [str(FACTS_BIN), "serve"], facts_env(cfg))
        if "actions" in only:
            self._spawn(
                "actions",
                [str(RASA_PYTHON), "-m", "actions.server"],
                {
                    **rasa_env,
                    "ACTIONS_HOST": cfg.actions_host,
                    "ACTIONS_PORT": str(cfg.actions_port),
                },
            )
        if "rasa" in only:
            self._spawn(
                "rasa",
                [
                    str(RASA_BIN),
                    "run",
                    "--model",
                    str(cfg.model),
                    "--interface",
                    cfg.rasa_host,
                    "--port",
                    str(cfg.rasa_port),
                    "--credentials",
                    str(ROOT / "credentials.yml"),
                    "--endpoints",
                    str(write_endpoints(cfg)),
                    "--cors",
                    *cfg.origins,
                ],
                {
                    **rasa_env,
                    "CHAT_SENDER_KEY": chat_sender_key(cfg),
                    # Sanic refuses larger request bodies before reading them (413); the
                    # channel's own limit (CHAT_MAX_CHARS) answers below that in Danish.
                    "SANIC_REQUEST_MAX_SIZE": os.environ.get("SANIC_REQUEST_MAX_SIZE", "16384"),
                    **cfg.chat_env,
                },
            )

    def health(self) -> dict[str, bool]:
        """Which of the servers this stack started answer their health checks right now."""
        checks = {
            "facts": (f"{self.cfg.facts_url}/health", lambda r: r.status_code == 200),
            "actions": (f"{self.cfg.actions_url}/health", lambda r: r.status_code == 200),
            "rasa": (
                f"{self.cfg.rasa_url}/webhooks/rest/pipeline",
                lambda r: r.status_code == 200 and r.json().get("loaded") is True,
            ),
        }
        result = {}
        for name in self.procs:
            url, ok = checks[name]
            try:
                result[name] = ok(httpx.get(url, timeout=2))
            except (httpx.HTTPError, ValueError):
                result[name] = False
        return result

    def wait_healthy(self, timeout: float = 300) -> float:
        """Block until all started servers answer; return the seconds it took."""
        started = time.monotonic()
        while True:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"{name} exited with {proc.returncode}; see {self.cfg.log_dir / name}.log"
                    )
            status = self.health()
            if all(status.values()):
                return time.monotonic() - started
            if time.monotonic() - started > timeout:
                raise TimeoutError(f"not healthy after {timeout:.0f} s: {status}")
            time.sleep(0.5)

    def restart_stopped(self) -> list[str]:
        """Start again every server whose process has ended; the others keep running."""
        stopped = [name for name, proc in self.procs.items() if proc.poll() is not None]
        for name in stopped:
            self._spawn(name, *self.commands[name])
        return stopped

    def stop(self, grace: float = 15, only: tuple[str, ...] | None = None) -> None:
        procs = [p for name, p in self.procs.items() if only is None or name in only]
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for proc in procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def __enter__(self) -> Stack:
        self.start()
        try:
            self.wait_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run() -> int:
    cfg = StackConfig.from_env()
    if not cfg.model.exists():
        print(f"No trained model at {cfg.model}. Run `make setup` first.", file=sys.stderr)
        return 1
    try:
        prepare_database(cfg)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    stack = Stack(cfg)
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    print(f"Starting facts service, action server and Rasa (logs in {cfg.log_dir}) ...", flush=True)
    stack.start()
    try:
        seconds = stack.wait_healthy()
    except (RuntimeError, TimeoutError) as exc:
        print(f"Start-up failed: {exc}", file=sys.stderr)
        stack.stop()
        return 1
    print(f"All three servers answer their health checks ({seconds:.1f} s).")
    print(f"  Chat demo:     {cfg.facts_url}/")
    print(f"  Staff editor:  {cfg.facts_url}/staff")
    print(f"  Facts API:     {cfg.facts_url}/docs")
    print(f"  Rasa REST:     {cfg.rasa_url}/webhooks/rest/webhook")
    print("Press Ctrl-C to stop.", flush=True)
    pause = 1.0  # between restarts of a server that keeps failing: 1 s, 2 s, ... 60 s
    stop_purging = threading.Event()
    purge_on_schedule(cfg, stop_purging)
    while not stopping:
        restarted = stack.restart_stopped()
        for name in restarted:
            print(f"{name} stopped unexpectedly and was started again; see its log.", flush=True)
        pause = min(pause * 2, 60.0) if restarted else 1.0
        time.sleep(pause if restarted else 0.5)
    print("Stopping ...", flush=True)
    stop_purging.set()
    stack.stop()
    print("Stopped.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["run", "prepare-db"])
    args = parser.parse_args()
    if args.command == "prepare-db":
        prepare_database(StackConfig.from_env())
        return 0
    return run()


if __name__ == "__main__":
    sys.exit(main())
