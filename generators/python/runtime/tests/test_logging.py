"""The `logging` logger: debug records for each attempt, never the key."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from embott_runtime import RequestSpec

from .conftest import LocalServer, send_json
from .helpers import Client

SECRET = "sk_live_loggedsecret_01"


def test_debug_records_each_attempt_without_the_key(local: LocalServer, caplog: pytest.LogCaptureFixture) -> None:
    local.routes["/x"] = lambda h: send_json(h, 200, {"ok": SECRET})
    caplog.set_level(logging.DEBUG, logger="embott_test")
    Client(api_key=SECRET, base_url=local.url).request(dict, RequestSpec("GET", "/x", query={"q": SECRET}))
    assert "GET" in caplog.text and "-> 200" in caplog.text and "'authorization': '***'" in caplog.text
    assert SECRET not in caplog.text


def test_the_env_variable_turns_debug_logging_on(local: LocalServer) -> None:
    local.routes["/x"] = lambda h: send_json(h, 200, {})
    script = (
        "from tests.helpers import Client\nfrom embott_runtime import RequestSpec\n"
        f"Client(api_key={SECRET!r}, base_url={local.url!r}).request(dict, RequestSpec('GET', '/x'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        env={"EMBOTT_TEST_LOG": "debug", "PATH": ""},
        check=True,
    )
    assert "embott_test DEBUG" in result.stderr and "-> 200" in result.stderr
    assert SECRET not in result.stderr
