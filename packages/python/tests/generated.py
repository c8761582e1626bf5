"""Generates the Python SDK of other specs (the wire features, the corpus) with the real emitter, in one process."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "generators" / "python" / "scripts" / "generate-many.ts"
CORPUS = sorted(path for path in (ROOT / "testdata" / "corpus").iterdir() if path.suffix in (".yaml", ".yml", ".json"))
#: Every corpus spec and ours (the wire features spec is generated too, for test_wire).
SPECS = [*CORPUS, ROOT / "spec" / "openapi.yaml"]
WIRE_SPEC = ROOT / "testdata" / "wire" / "features.yaml"


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
