// Python: wheel + sdist with `python -m build`, installed alone in a fresh venv, seed snippet run.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";

export function buildPython() {
  if (!existsSync(join(ROOT, "packages/python/pyproject.toml"))) {
    throw new Error(
      "packages/python has no pyproject.toml on this branch: the Python SDK is not generated yet",
    );
  }
  throw new Error("the Python artifact builder is not wired yet");
}
