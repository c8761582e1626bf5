"""Stripe-style pagination end to end: the SDK emitted for testdata/repro/pagination.yaml pages a local server by
sending the last item's `id` as `starting_after`, and stops on `has_more: false` even after a full page."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from .generated import PAGINATION_SPEC, sync_client_class

ROWS = [{"id": f"obj_{index}"} for index in range(5)]


class StripeLikeServer:
    """`GET /stripe_like?limit=&starting_after=` on 127.0.0.1:0, answering `{object, data, has_more}` like Stripe."""

    def __init__(self) -> None:
        self.queries: list[dict[str, str]] = []
        queries = self.queries

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}
                queries.append(query)
                after = query.get("starting_after")
                start = next((index + 1 for index, row in enumerate(ROWS) if row["id"] == after), 0)
                page = ROWS[start : start + int(query.get("limit", "10"))]
                body = json.dumps({"object": "list", "data": page, "has_more": start + len(page) < len(ROWS)})
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server() -> Iterator[StripeLikeServer]:
    running = StripeLikeServer()
    yield running
    running.close()


@pytest.fixture
def things(emitted: dict[str, Path], server: StripeLikeServer) -> Iterator[Any]:
    with sync_client_class(emitted[PAGINATION_SPEC.stem]) as client_class, client_class(base_url=server.url) as client:
        yield client.things


def test_the_next_cursor_is_the_last_items_id(things: Any, server: StripeLikeServer) -> None:
    ids = [item.id for item in things.list_stripe_like(limit=2)]
    assert ids == [row["id"] for row in ROWS]
    assert [query.get("starting_after") for query in server.queries] == [None, "obj_1", "obj_3"]


def test_has_more_false_stops_after_a_full_page(things: Any, server: StripeLikeServer) -> None:
    page = things.list_stripe_like(limit=5)
    assert [item.id for item in page.items] == [row["id"] for row in ROWS]
    assert not page.has_next_page()
    assert len([item for item in page]) == 5
    assert len(server.queries) == 1
