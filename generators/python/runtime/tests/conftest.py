"""Fixtures: the real HTTP mock (one process per run), a scriptable local server, and recorded retry waits."""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import httpx
import pytest

from embott_runtime import client as client_module

from .helpers import MockServer

RUNTIME = Path(__file__).resolve().parents[1]
ROOT = RUNTIME.parents[2]

ADMIN_KEY = "sk_live_admin_0001"


@pytest.fixture(scope="session")
def mock() -> Iterator[MockServer]:
    """`node packages/mock/bin/embott-mock.mjs --port 0`, started once; reset before each test that uses it."""
    process = subprocess.Popen(
        ["node", str(ROOT / "packages/mock/bin/embott-mock.mjs"), "--port", "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://"), f"the mock did not start: {url!r}"
    try:
        yield MockServer(url)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)


@pytest.fixture
def mock_server(mock: MockServer) -> MockServer:
    mock.reset()
    return mock


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replaces the retry sleeps with a recorder so tests observe the waits without sleeping."""
    recorded: list[float] = []

    async def async_record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(client_module, "sleep", recorded.append)
    monkeypatch.setattr(client_module, "async_sleep", async_record)
    return recorded


Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class LocalServer:
    """A threaded HTTP server on 127.0.0.1:0 whose routes are plain functions writing raw responses."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Recorded] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _dispatch(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                route(self)

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _dispatch

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def local() -> Iterator[LocalServer]:
    server = LocalServer()
    try:
        yield server
    finally:
        server.close()


def send_json(
    handler: BaseHTTPRequestHandler, status: int, body: object, headers: dict[str, str] | None = None
) -> None:
    data = json.dumps(body).encode()
    handler.send_response(status)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(data)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(data)


def get_json(url: str) -> object:
    return httpx.get(url).json()
