"""Schemathesis fuzz of the OpenAPI schema: no 5xx, and responses match what the schema says.

Bounded: a few examples per operation (about 60 operations), signed in as admin so the staff
endpoints are exercised past the 401."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import FIXTURE_CONTENT, add_user, build_app, import_file, make_settings

MAX_EXAMPLES = 15


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    app = build_app(make_settings(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'f.db'}"))
    import_file(app, FIXTURE_CONTENT)
    add_user(app, "admin", "admin")
    return app


@pytest.fixture(scope="module")
def fuzz_headers(fuzz_app):
    with TestClient(fuzz_app) as client:
        token = client.post(
            "/api/auth/token", data={"username": "admin", "password": "correct horse battery"}
        ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def fuzz_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def fuzz_operation(operation, headers) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


def test_api_never_fails_and_matches_its_schema(fuzz_schema, fuzz_headers):
    failures = []
    operations = 0
    for result in fuzz_schema.get_all_operations():
        operation = result.ok()
        operations += 1
        try:
            fuzz_operation(operation, fuzz_headers)
        except Exception as exc:  # collect every failing operation, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:1500])
    assert operations > 50
    assert not failures, "\n\n".join(failures)
