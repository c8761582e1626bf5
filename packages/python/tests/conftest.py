"""Fixtures: the real HTTP mock (one process per run, reset before each test), clients on it, recorded waits."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from embott import AsyncEmbott, Embott
from embott._runtime import client as runtime_client

from .generated import PAGINATION_SPEC, REPRO_SPECS, SPECS, WIRE_SPEC, generate_all

ROOT = Path(__file__).resolve().parents[3]
ADMIN_KEY = "sk_live_admin_0001"


class Mock:
    """The mock's URL and its control endpoints (`/__mock/*`)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.api = f"{url}/v1"

    def control(self, method: str, path: str, body: object = None) -> Any:
        response = httpx.request(method, f"{self.url}/__mock{path}", json=body)
        response.raise_for_status()
        return response.json()

    def fault(self, **fault: object) -> None:
        self.control("POST", "/faults", fault)

    def requests(self, **query: str) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = self.control("GET", "/requests?" + "&".join(f"{k}={v}" for k, v in query.items()))[
            "data"
        ]
        return data


@pytest.fixture(scope="session")
def mock_process() -> Iterator[Mock]:
    process = subprocess.Popen(
        ["node", str(ROOT / "packages/mock/bin/embott-mock.mjs"), "--port", "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stdin is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://"), f"the mock did not start: {url!r}"
    try:
        yield Mock(url)
    finally:
        process.stdin.close()
        process.wait(timeout=10)


@pytest.fixture
def mock(mock_process: Mock) -> Mock:
    mock_process.control("POST", "/reset")
    return mock_process


@pytest.fixture
def client(mock: Mock) -> Iterator[Embott]:
    with Embott(api_key=ADMIN_KEY, base_url=mock.api) as embott:
        yield embott


@pytest.fixture
async def async_client(mock: Mock) -> AsyncIterator[AsyncEmbott]:
    async with AsyncEmbott(api_key=ADMIN_KEY, base_url=mock.api) as embott:
        yield embott


@pytest.fixture(scope="session")
def emitted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Python emitted for every corpus spec, ours, the wire features spec and the repro specs (each once per run):
    spec name → its `src` folder (beside it `names.json`: the Python names of the plan's ids)."""
    return generate_all([*SPECS, WIRE_SPEC, PAGINATION_SPEC, *REPRO_SPECS], tmp_path_factory.mktemp("emitted"))


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Records the retry waits instead of sleeping them."""
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(runtime_client, "sleep", recorded.append)
    monkeypatch.setattr(runtime_client, "async_sleep", record)
    return recorded
