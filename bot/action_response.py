"""Check the action server's answers against a schema that is checked once, not per message.

Rasa 3.6's ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which
checks the (constant) response schema against the JSON Schema meta-schema again on every
custom action call. Under 10 concurrent conversations that was ~40 % of the Rasa server's CPU
(py-spy profile). ``install`` swaps in the same check with a validator built once: the same
schema, the same error that ``jsonschema.validate`` raises, the same message added to it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import exceptions, validators
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def response_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Drop-in for ``RemoteAction._validate_action_result``."""
    error = exceptions.best_match(response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Use the once-built validator for every custom action call (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
