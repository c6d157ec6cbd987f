"""The launcher (`make run`) starts a server again when it dies, and keeps the others."""

from __future__ import annotations

import os
import signal

import pytest

from scripts.stack import Stack, StackConfig, prepare_database

pytestmark = pytest.mark.e2e


def test_a_server_that_dies_is_started_again(tmp_path):
    cfg = StackConfig.on_free_ports(tmp_path)
    prepare_database(cfg)
    stack = Stack(cfg)
    stack.start(only=("facts",))
    try:
        stack.wait_healthy(timeout=60)
        first = stack.procs["facts"].pid
        os.killpg(first, signal.SIGKILL)
        stack.procs["facts"].wait()
        assert stack.restart_stopped() == ["facts"]
        stack.wait_healthy(timeout=60)
        assert stack.procs["facts"].pid != first
        assert stack.restart_stopped() == []  # nothing else was touched
    finally:
        stack.stop()
