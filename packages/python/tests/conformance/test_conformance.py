"""The Python conformance runner: every scenario of testdata/conformance through the real SDK over HTTP.

Run by scripts/conformance/matrix.mjs through serve.mjs (which starts the mock); per-scenario results go to
$CONFORMANCE_RESULTS for the matrix (written by conftest.py at the end of the session).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .mock_control import MockControl
from .runner import Runner

REPO_ROOT = Path(__file__).resolve().parents[4]
SCENARIOS = sorted((REPO_ROOT / "testdata" / "conformance" / "scenarios").glob("*.json"))
RESULTS: dict[str, dict[str, Any]] = {}


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_scenario(path: Path) -> None:
    scenario = json.loads(path.read_text("utf-8"))
    try:
        problems = Runner(MockControl.from_env(), REPO_ROOT).run(scenario)
    except Exception as error:  # a runner failure is a red cell with its reason
        problems = [f"runner error: {type(error).__name__}: {error}"]
    RESULTS[scenario["id"]] = {"status": "failed" if problems else "passed", "problems": problems}
    assert problems == []
