"""Generates the Python SDK of other specs (the wire features, the corpus) with the real emitter, in one process."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "generators" / "python" / "scripts" / "generate-many.ts"
CORPUS = sorted(path for path in (ROOT / "testdata" / "corpus").iterdir() if path.suffix in (".yaml", ".yml", ".json"))
#: Every corpus spec and ours (the wire features spec is generated too, for test_wire).
SPECS = [*CORPUS, ROOT / "spec" / "openapi.yaml"]
WIRE_SPEC = ROOT / "testdata" / "wire" / "features.yaml"
#: The shapes big APIs page with (Stripe's `starting_after` = the last item's id), for test_item_cursor_pagination.
PAGINATION_SPEC = ROOT / "testdata" / "repro" / "pagination.yaml"
REPRO = ROOT / "testdata" / "repro"
#: testdata/repro/cases.json, run by test_repro against the SDK of each case's spec.
REPRO_CASES: dict[str, Any] = json.loads((REPRO / "cases.json").read_text())
REPRO_SPECS = sorted({REPRO / case["spec"] for case in REPRO_CASES["cases"]} - {PAGINATION_SPEC})


def generate_all(specs: list[Path], out: Path) -> dict[str, Path]:
    """Emits Python for every spec into `out/<spec name>`; returns spec name → its `src` folder."""
    result = subprocess.run(
        ["pnpm", "exec", "tsx", str(SCRIPT), str(out), *map(str, specs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"the Python emitter failed:\n{result.stdout}\n{result.stderr}"
    return {
        line.split("\t")[0]: out / line.split("\t")[0] / "src" for line in result.stdout.splitlines() if "\t" in line
    }


@contextmanager
def sync_client_class(src: Path) -> Generator[type[Any], None, None]:
    """The sync client class of the SDK emitted into `src`, importable while the context is open."""
    package = next(path.name for path in src.iterdir() if (path / "__init__.py").exists())
    sys.path.insert(0, str(src))
    try:
        module = importlib.import_module(package)
        base: type[Any] = importlib.import_module(f"{package}._runtime").SyncAPIClient
        yield next(
            value
            for name in module.__all__
            if isinstance(value := getattr(module, name), type) and issubclass(value, base)
        )
    finally:
        sys.path.remove(str(src))
