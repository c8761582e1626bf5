"""The corpus gate: Python emitted for every testdata/corpus spec (and ours) is ruff-clean, formatted and
imports; the small and mid-sized ones, and ours, are also mypy --strict clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .generated import ROOT, SPECS

#: Specs small and mid-sized enough to type-check in the suite's budget (discord and intercom are 1.5 MB of Python).
MYPY_SPECS = [
    "openapi",
    "oai-petstore-3.0",
    "oai-tictactoe",
    "oai-link-example-3.0",
    "redocly-museum",
    "twilio-messaging-v1",
]
CONFIG = ROOT / "packages" / "python" / "pyproject.toml"
BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(args)}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result.stdout


def test_every_spec_was_emitted(emitted: dict[str, Path]) -> None:
    assert {spec.stem for spec in SPECS} <= set(emitted)
    assert all(
        (src / next(iter(path.name for path in src.iterdir())) / "py.typed").exists() for src in emitted.values()
    )


@pytest.mark.parametrize("name", [spec.stem for spec in SPECS])
def test_ruff_clean_formatted_and_importable(emitted: dict[str, Path], name: str) -> None:
    src = emitted[name]
    _run(str(BIN / "ruff"), "check", "--no-cache", "--config", str(CONFIG), ".", cwd=src)
    _run(str(BIN / "ruff"), "format", "--check", "--no-cache", "--config", str(CONFIG), ".", cwd=src)
    (package,) = [path.name for path in src.iterdir() if (path / "__init__.py").exists()]
    code = f"import {package}, {package}.resources, {package}.types; print({package}.__all__[0])"
    assert _run(sys.executable, "-c", code, cwd=src).strip()


def test_mypy_strict_on_the_small_and_mid_specs(emitted: dict[str, Path]) -> None:
    packages = [str(path) for name in MYPY_SPECS for path in emitted[name].iterdir() if (path / "__init__.py").exists()]
    output = _run(str(BIN / "mypy"), "--strict", "--python-version", "3.10", "--no-incremental", *packages, cwd=ROOT)
    assert "Success" in output
