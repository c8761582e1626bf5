// Python: the embott SDK (packages/python) and its hand-written runtime (generators/python/runtime): ruff, mypy
// --strict, pyright strict, pytest against the HTTP mock, and a wheel + sdist installed into a fresh virtualenv.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { junitCounts } from "../lib/reports.mjs";
import { commandWorks, ensureAptPackages, fail, ROOT, run } from "../lib/toolchain.mjs";

const PACKAGE = join(ROOT, "packages", "python");
const RUNTIME = join(ROOT, "generators", "python", "runtime");
const VENV = join(PACKAGE, ".venv");
const BIN = join(VENV, "bin");
const REQUIREMENTS = join(PACKAGE, "requirements-dev.txt");
const MARKER = join(VENV, ".requirements.sha256");
const WHEELHOUSE = join(VENV, "wheelhouse");
const REPORTS = join(ROOT, ".vitest-results");
const PYRIGHT = join(ROOT, "generators", "python", "node_modules", ".bin", "pyright");

/** Python >= 3.9 with venv, then packages/python/.venv with the pinned dev requirements (reinstalled on change). */
export function setup() {
  ensureAptPackages("Python 3 with venv and pip", ["python3", "python3-venv", "python3-pip"], () =>
    commandWorks("python3", ["-c", "import sys, venv, ensurepip; assert sys.version_info >= (3, 9)"]),
  );
  const wanted = createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex");
  if (existsSync(MARKER) && readFileSync(MARKER, "utf8") === wanted) return;
  console.log("• creating packages/python/.venv with the pinned dev requirements (requirements-dev.txt)");
  if (run("python3", ["-m", "venv", VENV]) !== 0) fail("could not create packages/python/.venv (see above).");
  const pip = [join(BIN, "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"];
  if (run(pip[0], [...pip.slice(1), "-r", REQUIREMENTS]) !== 0) {
    fail("pip could not install packages/python/requirements-dev.txt (is PyPI reachable?).");
  }
  // The SDK's source on the venv's path (what an editable install does), so examples/python imports it.
  const link = `import site, pathlib; pathlib.Path(site.getsitepackages()[0], "embott-src.pth").write_text(${JSON.stringify(join(PACKAGE, "src"))})`;
  if (run(join(BIN, "python"), ["-c", link]) !== 0)
    fail("could not put packages/python/src on the venv's path.");
  // The runtime dependencies as wheels, so the fresh-venv check installs offline and fast.
  const pins = readFileSync(REQUIREMENTS, "utf8")
    .split("\n")
    .filter((line) => /^(httpx|pydantic|typing_extensions)==/.test(line));
  if (
    run(pip[0], [
      "-m",
      "pip",
      "download",
      "--quiet",
      "--disable-pip-version-check",
      "-d",
      WHEELHOUSE,
      ...pins,
    ]) !== 0
  ) {
    fail("pip could not download the runtime dependencies' wheels (see above).");
  }
  writeFileSync(MARKER, wanted);
}

const tool = (name) => join(BIN, name);
const inDir = (dir, cmd) => ["sh", "-c", `cd "${dir}" && ${cmd}`];

function report(name) {
  mkdirSync(REPORTS, { recursive: true });
  return join(REPORTS, name);
}

const runtimeReport = join(REPORTS, "python-runtime.xml");
const packageReport = join(REPORTS, "python-package.xml");

export const steps = [
  {
    name: "Python lint (ruff check)",
    cmd: [tool("ruff"), "check", "--no-cache", PACKAGE, RUNTIME, join(ROOT, "examples", "python")],
  },
  {
    name: "Python format (ruff format --check)",
    cmd: [
      tool("ruff"),
      "format",
      "--check",
      "--no-cache",
      PACKAGE,
      RUNTIME,
      join(ROOT, "examples", "python"),
    ],
  },
  {
    name: "Python types (mypy --strict: embott package, tests, runtime)",
    cmd: inDir(
      PACKAGE,
      `"${tool("mypy")}" && cd "${RUNTIME}" && "${tool("mypy")}" --strict embott_runtime tests`,
    ),
  },
  {
    name: "Python types (pyright strict: embott package, tests, runtime)",
    cmd: inDir(
      PACKAGE,
      `"${PYRIGHT}" --pythonpath "${tool("python")}" && cd "${RUNTIME}" && "${PYRIGHT}" --pythonpath "${tool("python")}" embott_runtime tests`,
    ),
  },
  {
    name: "Python runtime tests (pytest, generators/python/runtime)",
    cmd: inDir(
      RUNTIME,
      `"${tool("python")}" -m pytest -q -p no:cacheprovider --junitxml="${report("python-runtime.xml")}"`,
    ),
    counts: () => junitCounts(runtimeReport),
  },
  {
    name: "embott Python SDK tests (pytest against the HTTP mock)",
    cmd: inDir(
      PACKAGE,
      `"${tool("python")}" -m pytest -q -p no:cacheprovider --junitxml="${report("python-package.xml")}"`,
    ),
    counts: () => junitCounts(packageReport),
  },
  {
    name: "embott Python package: wheel + sdist, fresh venv runs the seed snippet",
    cmd: [tool("python"), join(PACKAGE, "scripts", "check_dist.py")],
  },
];

export const example = {
  title: "Python example (examples/python)",
  cmd: [tool("python"), join(ROOT, "examples", "python", "main.py")],
};
