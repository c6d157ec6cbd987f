"""`facts-service`: migrate, seed, create-admin, export, purge, serve."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from api.settings import REPO_ROOT, Settings, load_settings

DEFAULT_SEED = REPO_ROOT / "content" / "seed.yml"
NOT_MIGRATED = (
    "the database ({url}) has no tables yet, or cannot be reached: run "
    "`facts-service migrate` first (`make setup` and `make run` do)"
)


def _session(settings: Settings):
    from api.db import make_engine, make_session_factory

    engine = make_engine(settings.sqlalchemy_url)
    return engine, make_session_factory(engine)()


def cmd_migrate(settings: Settings, _args: argparse.Namespace) -> int:
    from api.migrations import upgrade_head

    upgrade_head(settings.sqlalchemy_url)
    print("database is at the newest schema")
    return 0


def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from api import content_io
    from api.audit import service as audit
    from api.errors import ApiError

    engine, session = _session(settings)
    try:
        content = content_io.read_file(args.file)
        missing = content_io.missing_text_keys(content)
        if missing:
            print(f"warning: texts missing: {', '.join(missing)}", file=sys.stderr)
        if not args.replace and not content_io.is_empty(session):
            print("database already has content; nothing imported (use --replace to overwrite)")
            return 0
        report = content_io.import_content(
            session,
            content,
            "seed",
            settings,
            replace=args.replace,
            restore_deleted=args.restore_deleted,
        )
        audit.record(
            session,
            action="content_imported",
            actor=audit.CLI_ACTOR,
            target=f"seed: {Path(args.file).name}",
            detail=report.totals()
            | {"replace": args.replace, "restore_deleted": args.restore_deleted},
        )
        session.commit()
    except ApiError as exc:
        print(f"seed failed: {exc.detail}", file=sys.stderr)
        return 1
    finally:
        session.close()
        engine.dispose()
    print(f"imported: created {report.created}, updated {report.updated}")
    if any(report.kept_deleted.values()):
        print(f"kept deleted (use --restore-deleted to bring back): {report.kept_deleted}")
    return 0


def cmd_create_admin(settings: Settings, args: argparse.Namespace) -> int:
    from sqlalchemy import make_url
    from sqlalchemy.exc import OperationalError

    from api.audit import service as audit
    from api.auth.schemas import UserIn
    from api.auth.service import create_user
    from api.errors import ApiError, danish_message

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password (again): ") != password:
            print("the two passwords differ; nothing created", file=sys.stderr)
            return 2
    try:
        user = UserIn(username=args.username, password=password, role=args.role)
    except ValidationError as exc:
        # The messages only: the input (the password) is never printed.
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"])
            print(f"invalid user: {field}: {danish_message(error)}", file=sys.stderr)
        return 2
    engine, session = _session(settings)
    try:
        create_user(session, user.username, user.password, user.role)
        audit.record(
            session,
            action="user_created",
            actor=audit.CLI_ACTOR,
            target=f"users/{user.username}",
            detail={"role": user.role},
        )
        session.commit()
    except ApiError as exc:
        print(exc.detail, file=sys.stderr)
        return 1
    except OperationalError:
        where = make_url(settings.sqlalchemy_url).render_as_string(hide_password=True)
        print(NOT_MIGRATED.format(url=where), file=sys.stderr)
        return 1
    finally:
        session.close()
        engine.dispose()
    print(f"created {user.role} '{user.username}'")
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from api.content_io import export_yaml

    engine, session = _session(settings)
    try:
        text = export_yaml(session)
    finally:
        session.close()
        engine.dispose()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def cmd_purge(settings: Settings, args: argparse.Namespace) -> int:
    from api.retention.service import purge

    report = purge(settings, now=args.now or datetime.now(UTC))
    print("\n".join(report.lines()), flush=True)
    for error in report.errors:
        print(f"purge failed: {error}", file=sys.stderr)
    return 1 if report.errors else 0


def aware_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. 2026-12-03T12:00:00+00:00")
    return value


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from api.main import create_app

    try:
        app = create_app(settings)
    except ValueError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    uvicorn.run(
        app,
        host=args.host or settings.facts_host,
        port=args.port or settings.facts_port,
        log_level="info",
        access_log=False,
        # The client address (sign-in waits, audit log) comes from X-Forwarded-For only when
        # the request comes from a proxy named in FORWARDED_ALLOW_IPS (uvicorn reads it from
        # the environment; default 127.0.0.1, a proxy on the same host).
        proxy_headers=True,
        forwarded_allow_ips=None,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facts-service", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="alembic upgrade head").set_defaults(func=cmd_migrate)
    seed = sub.add_parser("seed", help="import content YAML (only into an empty database)")
    seed.add_argument("--file", default=str(DEFAULT_SEED))
    seed.add_argument("--replace", action="store_true", help="update existing content to the file")
    seed.add_argument(
        "--restore-deleted",
        action="store_true",
        help="bring back records deleted in the database that the file has (else kept deleted)",
    )
    seed.set_defaults(func=cmd_seed)
    admin = sub.add_parser("create-admin", help="create a staff account (admin by default)")
    admin.add_argument("--username", required=True)
    admin.add_argument("--role", choices=["admin", "editor"], default="admin")
    admin.add_argument("--password-stdin", action="store_true")
    admin.set_defaults(func=cmd_create_admin)
    export = sub.add_parser("export", help="write the whole content as YAML")
    export.add_argument("--output", "-o", default="-")
    export.set_defaults(func=cmd_export)
    purge = sub.add_parser(
        "purge",
        help="delete conversations, logs and ratings older than their retention periods",
    )
    purge.add_argument(
        "--now", type=aware_datetime, default=None, help="act as if it were this time (ISO 8601)"
    )
    purge.set_defaults(func=cmd_purge)
    serve = sub.add_parser("serve", help="run the HTTP service (uvicorn)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ValidationError as exc:
        # Only the messages: the input values may hold a database password.
        for error in exc.errors():
            print(f"configuration error: {error['msg']}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    return args.func(settings, args)


if __name__ == "__main__":
    sys.exit(main())
