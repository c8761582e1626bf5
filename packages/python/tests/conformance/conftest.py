"""Writes the per-scenario results of the conformance runner to $CONFORMANCE_RESULTS for the matrix."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = os.environ.get("CONFORMANCE_RESULTS")
    if not target:
        return
    from .test_conformance import RESULTS

    Path(target).write_text(json.dumps({"language": "python", "results": RESULTS}, indent=2) + "\n", "utf-8")
