"""testdata/repro/cases.json (see its README): the SDK generated from each case's spec, pointed at the recorder with
scripted replies, sends exactly the expected requests and returns (or raises) what the case expects — with the
sync and the async client."""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from .generated import REPRO_CASES, ROOT

CASES: list[dict[str, Any]] = REPRO_CASES["cases"]


@pytest.fixture(scope="module")
def recorder() -> Iterator[str]:
    process = subprocess.Popen(
        ["node", str(ROOT / "testdata" / "wire" / "recorder.mjs"), "--port", "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://"), f"the recorder did not start: {url!r}"
    yield url
    process.terminate()
    process.wait(timeout=10)


class Sdk:
    """One emitted package, imported on its own: every repro spec's package is called `repro`."""

    def __init__(self, src: Path) -> None:
        self.src = src
        self.names: dict[str, Any] = json.loads((src.parent / "names.json").read_text())
        self.package = next(path.name for path in src.iterdir() if (path / "__init__.py").exists())

    @contextmanager
    def imported(self) -> Generator[Any, None, None]:
        """The package's module while the context is open; no other `repro` is importable meanwhile."""
        self._forget()
        sys.path.insert(0, str(self.src))
        try:
            yield importlib.import_module(self.package)
        finally:
            sys.path.remove(str(self.src))
            self._forget()

    def _forget(self) -> None:
        for name in [name for name in sys.modules if name == self.package or name.startswith(f"{self.package}.")]:
            del sys.modules[name]


@contextmanager
def environment(values: dict[str, str], cleared: list[str]) -> Generator[None, None, None]:
    """`values` set and the other credential variables unset, only while the client is built."""
    saved = {name: os.environ.get(name) for name in [*cleared, *values]}
    for name in cleared:
        os.environ.pop(name, None)
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def dumped(value: object) -> object:
    """A result or item as JSON, models by their wire names."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, list):
        return [dumped(item) for item in cast("list[object]", value)]
    return value


def call_sync(method: Any, mode: str, args: dict[str, Any]) -> object:
    if mode == "stream":
        with method(**args) as stream:
            return [dumped(event) for event in stream]
    if mode == "iterate":
        return [dumped(item) for item in method(**args)]
    return method(**args)


async def call_async(client: Any, method: Any, mode: str, args: dict[str, Any]) -> object:
    async with client:
        if mode == "stream":
            async with await method(**args) as stream:
                return [dumped(event) async for event in stream]
        if mode == "iterate":
            return [dumped(item) async for item in method(**args)]
        return await method(**args)


def run_case(sdk: Sdk, recorder: str, case: dict[str, Any], flavour: str) -> None:
    names = sdk.names
    httpx.put(f"{recorder}/__script", json=case["replies"]).raise_for_status()
    expect = case["expect"]
    error = expect.get("error")
    credentials = {
        names["credentials"][scheme]["option"]: value for scheme, value in case.get("credentials", {}).items()
    }
    envs = [credential["env"] for credential in names["credentials"].values()]
    with sdk.imported() as module:
        client_class = getattr(module, names["client"] if flavour == "sync" else f"Async{names['client']}")
        configuration_error: type[Exception] = module.ConfigurationError
        options: dict[str, Any] = {"base_url": f"{recorder}{REPRO_CASES['baseUrlPath']}", "max_retries": 0}
        with environment(case.get("env", {}), envs):
            if error and error["at"] == "construct":
                with pytest.raises(configuration_error) as caught:
                    client_class(**options, **credentials)
                assert_mentions(str(caught.value), error, names)
                assert_requests(recorder, expect["requests"])
                return
            client = client_class(**options, **credentials)
        method = client
        target = names["methods"][case["call"]["method"]]
        for segment in target["path"]:
            method = getattr(method, segment)
        args = {target["params"][wire]: value for wire, value in case["call"]["args"].items()}
        mode = case["mode"]

        def invoke() -> object:
            if flavour == "sync":
                return call_sync(method, mode, args)
            return asyncio.run(call_async(client, method, mode, args))

        if error:
            expected: type[Exception] = configuration_error if "mentions" in error else module.APIStatusError
            if error.get("status") == 409:
                expected = module.ConflictError
            with pytest.raises(expected) as raised:
                invoke()
            if "mentions" in error:
                assert_mentions(str(raised.value), error, names)
            else:
                assert_api_error(raised.value, error)
            assert_requests(recorder, expect["requests"])
            return
        result = invoke()
    assert_requests(recorder, expect["requests"])
    if "items" in expect:
        assert result == expect["items"]
    if "result" in expect:
        assert dumped(result) == expect["result"]
    if "resultBase64" in expect:
        assert result == base64.b64decode(expect["resultBase64"])


def assert_mentions(message: str, error: dict[str, Any], names: dict[str, Any]) -> None:
    for scheme in error["mentions"]:
        assert f"{names['credentials'][scheme]['option']}=" in message, (scheme, message)


def assert_api_error(raised: Any, error: dict[str, Any]) -> None:
    assert raised.status_code == error["status"]
    assert error["message"] in str(raised) and raised.error_message == error["message"]
    assert raised.code == error.get("code")
    assert raised.param == error.get("param")
    assert raised.request_id == error.get("requestId")


def assert_requests(recorder: str, expected: list[dict[str, Any]]) -> None:
    recorded: list[dict[str, Any]] = httpx.get(f"{recorder}/__recorded").json()
    assert [(sent["method"], sent["url"]) for sent in recorded] == [(want["method"], want["url"]) for want in expected]
    for sent, want in zip(recorded, expected):
        for name, value in want.get("headers", {}).items():
            assert sent["headers"].get(name) == value, name
        for name in want.get("absentHeaders", []):
            assert name not in sent["headers"], name
        if "json" in want:
            assert json.loads(base64.b64decode(sent["bodyBase64"])) == want["json"]


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_repro_case(emitted: dict[str, Path], recorder: str, case: dict[str, Any], flavour: str) -> None:
    run_case(Sdk(emitted[Path(case["spec"]).stem]), recorder, case, flavour)


#: The specs whose clients exercise credentials (two-header alternatives, per-operation security, none at all).
TYPED_SPECS = ["typing-auth", "security-overrides", "error-envelope"]


@pytest.mark.parametrize("name", sorted({Path(case["spec"]).stem for case in CASES}))
def test_every_repro_sdk_is_lint_clean_formatted_and_typed(emitted: dict[str, Path], name: str) -> None:
    src = emitted[name]
    config = str(ROOT / "packages" / "python" / "pyproject.toml")
    tools = Path(sys.executable).parent
    commands = [
        [str(tools / "ruff"), "check", "--no-cache", "--config", config, "."],
        [str(tools / "ruff"), "format", "--check", "--no-cache", "--config", config, "."],
    ]
    if name in TYPED_SPECS:
        commands.append([str(tools / "mypy"), "--strict", "--no-incremental", Sdk(src).package])
    for command in commands:
        result = subprocess.run(command, cwd=src, capture_output=True, text=True, check=False)
        assert result.returncode == 0, (
            f"{' '.join(command[:2])} on {name}:\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
        )
