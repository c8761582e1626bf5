"""The wire fixture (testdata/wire): the SDK generated from features.yaml sends each case's exact bytes."""

from __future__ import annotations

import base64
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from .generated import ROOT, WIRE_SPEC, sync_client_class

WIRE = ROOT / "testdata" / "wire"
CASES: dict[str, Any] = json.loads((WIRE / "cases.json").read_text())


def snake(name: str) -> str:
    """A plan id segment or wire name as the Python refiner cases it (`mergePatch` → `merge_patch`)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^A-Za-z0-9]+", "_", spaced).strip("_").lower()


def argument(value: Any) -> Any:
    """A case argument as Python passes it: `{"$bytes"}` as bytes, `{"$file"}` as (filename, bytes, type)."""
    special: dict[str, Any] = cast("dict[str, Any]", value) if isinstance(value, dict) else {}
    if "$bytes" in special:
        return base64.b64decode(str(special["$bytes"]))
    if "$file" in special:
        file: dict[str, str] = special["$file"]
        return (file["filename"], base64.b64decode(file["base64"]), file["contentType"])
    return cast(object, value)


@pytest.fixture(scope="module")
def recorder() -> Iterator[str]:
    process = subprocess.Popen(
        ["node", str(WIRE / "recorder.mjs"), "--port", "0"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def sdk(emitted: dict[str, Path], recorder: str) -> Iterator[Any]:
    with (
        sync_client_class(emitted[WIRE_SPEC.stem]) as client_class,
        client_class(base_url=f"{recorder}{CASES['baseUrlPath']}") as client,
    ):
        yield client


@pytest.mark.parametrize("case", CASES["cases"], ids=[case["name"] for case in CASES["cases"]])
def test_wire_case(sdk: Any, recorder: str, case: dict[str, Any]) -> None:
    httpx.delete(f"{recorder}/__recorded")
    resource_id, method_id = case["method"].rsplit(".", 1)
    target: Any = sdk
    for segment in resource_id.split("."):
        target = getattr(target, snake(segment))
    method = getattr(target, snake(method_id))
    method(**{snake(name): argument(value) for name, value in case["args"].items()})
    recorded = httpx.get(f"{recorder}/__recorded").json()
    assert len(recorded) == 1
    sent = recorded[0]
    expect = case["expect"]
    assert sent["method"] == expect["method"]
    assert sent["url"] == expect["url"]
    for name, value in expect.get("headers", {}).items():
        assert sent["headers"].get(name) == value, name
    for name in expect.get("absentHeaders", []):
        assert name not in sent["headers"]
    body = base64.b64decode(sent["bodyBase64"])
    if "body" in expect:
        assert body.decode() == expect["body"]
    if "bodyBase64" in expect:
        assert body == base64.b64decode(expect["bodyBase64"])
    if "contentTypePattern" in expect:
        assert re.match(expect["contentTypePattern"], sent["headers"]["content-type"])
    for fragment in expect.get("bodyIncludes", []):
        assert fragment.encode() in body
