// Python: wheel + sdist (`python -m build --no-isolation` in the SDK's dev venv), the wheel installed alone into a
// fresh venv (its dependencies from the setup's wheelhouse), then the seed snippet runs against the mock.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";
import { capture, checkContents, checkSeedOutput } from "./common.mjs";

const LIST_ARCHIVE = `
import sys, tarfile, zipfile
path = sys.argv[1]
names = zipfile.ZipFile(path).namelist() if path.endswith(".whl") else tarfile.open(path).getnames()
print("\\n".join(names))
`;

export async function buildPython(work, env) {
  const pkg = join(ROOT, "packages/python");
  if (!existsSync(join(pkg, "pyproject.toml"))) {
    throw new Error(
      "packages/python has no pyproject.toml on this branch: the Python SDK is not generated yet",
    );
  }
  const devPython = join(pkg, ".venv/bin/python");
  if (!existsSync(devPython))
    throw new Error("packages/python/.venv is missing (npm test's Python setup makes it)");
  const dir = join(work, "python");
  mkdirSync(dir, { recursive: true });
  await capture(devPython, ["-m", "build", "--no-isolation", "--wheel", "--sdist", "--outdir", dir, pkg]);
  const built = readdirSync(dir);
  const wheel = built.find((file) => file.endsWith(".whl"));
  const sdist = built.find((file) => file.endsWith(".tar.gz"));
  if (!wheel || !sdist)
    throw new Error(`python -m build made ${built.join(", ")}, not one wheel and one sdist`);
  const list = async (file) =>
    (await capture(devPython, ["-c", LIST_ARCHIVE, join(dir, file)])).split("\n").filter(Boolean);
  const problems = [
    ...checkContents("wheel", await list(wheel), [/^embott\/__init__\.py$/, /^embott\/py\.typed$/]),
    // The sdist's top folder is `embott-<version>/`.
    ...checkContents(
      "sdist",
      (await list(sdist)).map((name) => name.replace(/^[^/]+\//, "")),
      [/^pyproject\.toml$/, /^src\/embott\/__init__\.py$/],
    ),
  ];
  const venv = join(work, "python-venv");
  await capture("python3", ["-m", "venv", venv]);
  // The runtime dependencies come from the wheelhouse npm test's Python setup downloads (offline, fast), else PyPI.
  const wheelhouse = join(pkg, ".venv/wheelhouse");
  const source = existsSync(wheelhouse) ? ["--no-index", "--find-links", wheelhouse] : [];
  await capture(join(venv, "bin/pip"), [
    "install",
    "--quiet",
    "--disable-pip-version-check",
    ...source,
    join(dir, wheel),
  ]);
  const output = await capture(join(venv, "bin/python"), [join(ROOT, "scripts/release/seeds/seed.py")], {
    cwd: work,
    env,
  });
  problems.push(...checkSeedOutput("embott (wheel)", output));
  const version = /^embott-([^-]+)-/.exec(wheel)?.[1] ?? "(unknown)";
  const sdistVersion = /^embott-(.+)\.tar\.gz$/.exec(sdist)?.[1];
  if (sdistVersion !== version) problems.push(`sdist ${sdist} and wheel ${wheel} disagree on the version`);
  return [{ name: "Python wheel + sdist", file: join(dir, wheel), version, problems, ran: true }];
}
