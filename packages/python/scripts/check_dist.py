"""Builds the wheel and sdist, installs only the wheel into a fresh virtualenv and runs the README's seed snippet
(examples/python/seed.py) with it against the HTTP mock. Exits non-zero, saying why, on any failure."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parents[1]


def run(*args: str, **kwargs: object) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        sys.exit(f"✗ {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return str(result.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="embott-dist-") as temp:
        out = Path(temp) / "dist"
        run(sys.executable, "-m", "build", "--no-isolation", "--wheel", "--sdist", "--outdir", str(out), str(PACKAGE))
        wheels = list(out.glob("embott-*.whl"))
        sdists = list(out.glob("embott-*.tar.gz"))
        if len(wheels) != 1 or len(sdists) != 1:
            sys.exit(f"✗ expected one wheel and one sdist, got {sorted(p.name for p in out.iterdir())}")
        names = zipfile.ZipFile(wheels[0]).namelist()
        for required in ("embott/py.typed", "embott/__init__.py", "embott/_runtime/client.py"):
            if required not in names:
                sys.exit(f"✗ the wheel lacks {required}")
        env_dir = Path(temp) / "venv"
        venv.create(env_dir, with_pip=False)
        python = str(env_dir / "bin" / "python")
        # This venv's pip installs into the fresh one (`--python`), which saves bootstrapping pip there.
        wheelhouse = PACKAGE / ".venv" / "wheelhouse"
        offline = ["--no-index", "--find-links", str(wheelhouse)] if wheelhouse.is_dir() else []
        pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check"]
        run(*pip, *offline, str(wheels[0]))
        mock = subprocess.Popen(
            ["node", str(ROOT / "packages/mock/bin/embott-mock.mjs"), "--port", "0"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert mock.stdout is not None
            url = mock.stdout.readline().strip()
            env = {"EMBOTT_API_KEY": "sk_live_admin_0001", "EMBOTT_BASE_URL": f"{url}/v1", "PATH": ""}
            output = run(python, str(ROOT / "examples/python/seed.py"), env=env, cwd=temp)
        finally:
            assert mock.stdin is not None
            mock.stdin.close()
            mock.wait(timeout=10)
        if "ship" not in output:
            sys.exit(f"✗ the seed snippet printed {output!r}, not the bot's shipping answer")
        print(f"✓ {wheels[0].name} + {sdists[0].name}; fresh venv ran the seed snippet: {output.strip()}")


if __name__ == "__main__":
    main()
