"""Auto-pagination: the mock's cursor lists, and offset/page/link styles and cycles on a local server."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest

from embott_runtime import PaginationCycleError, PaginationDescriptor, RequestSpec, SDKError
from embott_runtime.models import BaseModel
from embott_runtime.pagination import parse_next_link

from .conftest import ADMIN_KEY, LocalServer, send_json
from .helpers import AsyncClient, Client, MockServer

CURSOR = PaginationDescriptor(
    style="cursor",
    items="data",
    cursor_param="cursor",
    next_cursor="next_cursor",
    has_more="has_more",
    limit_param="limit",
)


class Bot(BaseModel):
    id: str


def _query(handler: BaseHTTPRequestHandler) -> dict[str, str]:
    return _query_of(handler.path)


def _query_of(path: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(path).query).items()}


def test_cursor_pages_from_the_mock_lazily(mock_server: MockServer) -> None:
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    page = client.request_page(Bot, RequestSpec("GET", "/bots", query={"limit": 2}), CURSOR)
    assert len(page.items) == 2 and page.has_next_page()
    assert len(mock_server.requests(path="/v1/bots")) == 1
    ids = [bot.id for bot in page]
    assert len(ids) == len(set(ids)) > 2
    logged = mock_server.requests(path="/v1/bots")
    assert len(logged) == (len(ids) + 1) // 2
    assert all(entry["query"].get("limit") == "2" for entry in logged)


async def test_async_iteration_and_await_first_page(mock_server: MockServer) -> None:
    async with AsyncClient(api_key=ADMIN_KEY, base_url=mock_server.api) as client:
        spec = RequestSpec("GET", "/bots", query={"limit": 3})
        ids = [bot.id async for bot in client.request_page(Bot, spec, CURSOR)]
        first = await client.request_page(Bot, spec, CURSOR)
        assert [bot.id for bot in first.items] == ids[:3]
        second = await first.get_next_page()
        assert [bot.id for bot in second.items] == ids[3:6]
        pages = [page async for page in first.iter_pages()]
        assert sum(len(page.items) for page in pages) == len(ids)


def test_offset_style_uses_total(local: LocalServer) -> None:
    rows = [{"id": f"r{i}"} for i in range(7)]

    def offset(handler: BaseHTTPRequestHandler) -> None:
        query = _query(handler)
        start, limit = int(query.get("offset", 0)), int(query["limit"])
        send_json(handler, 200, {"items": rows[start : start + limit], "total": len(rows)})

    local.routes["/rows"] = offset
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    descriptor = PaginationDescriptor(
        style="offset", items="items", offset_param="offset", total="total", limit_param="limit"
    )
    page = client.request_page(Bot, RequestSpec("GET", "/rows", query={"limit": 3, "q": "x"}), descriptor)
    assert [row.id for row in page] == [row["id"] for row in rows]
    assert [r.path for r in local.requests] == [
        "/rows?limit=3&q=x",
        "/rows?limit=3&q=x&offset=3",
        "/rows?limit=3&q=x&offset=6",
    ]


def test_page_style_counts_from_start_page_and_stops_on_a_short_page(local: LocalServer) -> None:
    rows = [{"id": f"p{i}"} for i in range(5)]

    def paged(handler: BaseHTTPRequestHandler) -> None:
        query = _query(handler)
        number, size = int(query.get("page", 0)), int(query["per_page"])
        send_json(handler, 200, rows[number * size : (number + 1) * size])

    local.routes["/pages"] = paged
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    descriptor = PaginationDescriptor(style="page", page_param="page", limit_param="per_page", start_page=0)
    assert [
        row.id for row in client.request_page(Bot, RequestSpec("GET", "/pages", query={"per_page": 2}), descriptor)
    ] == [
        "p0",
        "p1",
        "p2",
        "p3",
        "p4",
    ]
    assert len(local.requests) == 3


def test_link_style_follows_the_header_on_the_same_origin_only(local: LocalServer) -> None:
    def linked(handler: BaseHTTPRequestHandler) -> None:
        number = int(_query(handler).get("n", 1))
        link = {"link": f'</items?n={number + 1}>; rel="next"'} if number < 3 else {}
        send_json(handler, 200, {"data": [{"id": f"l{number}"}]}, link)

    local.routes["/items"] = linked
    local.routes["/evil"] = lambda h: send_json(
        h, 200, {"data": [{"id": "e"}]}, {"link": '<https://evil.example/x>; rel="next"'}
    )
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    descriptor = PaginationDescriptor(style="link", items="data")
    assert [row.id for row in client.request_page(Bot, RequestSpec("GET", "/items"), descriptor)] == ["l1", "l2", "l3"]
    with pytest.raises(SDKError, match="another origin"):
        client.request_page(Bot, RequestSpec("GET", "/evil"), descriptor)


def test_stripe_style_item_cursor_sends_the_last_items_id_and_has_more_false_stops(local: LocalServer) -> None:
    rows = [{"id": f"obj_{i}"} for i in range(5)]

    def stripe(handler: BaseHTTPRequestHandler) -> None:
        query = _query(handler)
        start = next((i + 1 for i, row in enumerate(rows) if row["id"] == query.get("starting_after")), 0)
        page = rows[start : start + int(query["limit"])]
        # A full last page still says has_more: false, which must stop the walk (no empty extra request).
        send_json(handler, 200, {"object": "list", "data": page, "has_more": start + len(page) < len(rows)})

    local.routes["/stripe"] = stripe
    descriptor = PaginationDescriptor(
        style="cursor", items="data", cursor_param="starting_after", item_cursor="id", has_more="has_more"
    )
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    spec = RequestSpec("GET", "/stripe", query={"limit": 2})
    first = client.request_page(Bot, spec, descriptor)
    assert [row.id for row in first] == [row["id"] for row in rows]
    assert [_query_of(request.path).get("starting_after") for request in local.requests] == [None, "obj_1", "obj_3"]
    local.requests.clear()
    last = client.request_page(Bot, RequestSpec("GET", "/stripe", query={"limit": 5}), descriptor)
    assert not last.has_next_page()
    assert [row.id for row in last] == [row["id"] for row in rows]
    assert len(local.requests) == 1


async def test_stripe_style_item_cursor_async(local: LocalServer) -> None:
    def stripe(handler: BaseHTTPRequestHandler) -> None:
        after = _query(handler).get("starting_after")
        data, more = ([{"id": "a"}, {"id": "b"}], True) if after is None else ([{"id": "c"}], False)
        send_json(handler, 200, {"data": data, "has_more": more})

    local.routes["/stripe-async"] = stripe
    descriptor = PaginationDescriptor(
        style="cursor", items="data", cursor_param="starting_after", item_cursor="id", has_more="has_more"
    )
    async with AsyncClient(api_key=ADMIN_KEY, base_url=local.url) as client:
        ids = [row.id async for row in client.request_page(Bot, RequestSpec("GET", "/stripe-async"), descriptor)]
    assert ids == ["a", "b", "c"]


def test_a_cursor_cycle_is_a_typed_error_not_an_endless_loop(local: LocalServer) -> None:
    def cycling(handler: BaseHTTPRequestHandler) -> None:
        cursor = _query(handler).get("cursor")
        following = "B" if cursor in (None, "A") else "A"
        send_json(handler, 200, {"data": [{"id": cursor or "start"}], "has_more": True, "next_cursor": following})

    local.routes["/loop"] = cycling
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    seen: list[str] = []
    with pytest.raises(PaginationCycleError, match="already visited"):
        for row in client.request_page(Bot, RequestSpec("GET", "/loop"), CURSOR):
            seen.append(row.id)
    assert seen == ["start", "B", "A"]


def test_a_non_list_body_says_where_it_looked(local: LocalServer) -> None:
    local.routes["/odd"] = lambda h: send_json(h, 200, {"data": {"not": "a list"}})
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    with pytest.raises(SDKError, match="Expected an array at 'data'"):
        client.request_page(Bot, RequestSpec("GET", "/odd"), CURSOR)


def test_parse_next_link() -> None:
    header = '<https://a/x?p=1>; rel="prev", <https://a/x?p=3>; rel="next last"'
    assert parse_next_link(header) == "https://a/x?p=3"
    assert parse_next_link(None) is None
    assert json.dumps(parse_next_link('<u>; rel="prev"')) == "null"
