"""The shared retry rules, as pure functions and against the real mock under injected faults."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from embott_runtime import APIConnectionError, ConflictError, InternalServerError, RateLimitError, RequestSpec
from embott_runtime.models import BaseModel
from embott_runtime.retries import backoff_delay, is_retryable_status, retry_delay, server_wait

from .conftest import ADMIN_KEY, LocalServer, send_json
from .helpers import AsyncClient, Client, MockServer


class Bot(BaseModel):
    id: str
    name: str


def test_backoff_grows_doubles_and_caps_with_jitter_never_zero() -> None:
    assert backoff_delay(0, 0.0) == 0.5
    assert backoff_delay(0, 0.999) == pytest.approx(0.5 * (1 - 0.25 * 0.999))
    assert backoff_delay(1, 0.0) == 1.0
    assert backoff_delay(3, 0.0) == 4.0
    assert backoff_delay(10, 0.0) == 8.0
    assert min(backoff_delay(0, r / 10) for r in range(10)) > 0.37


@pytest.mark.parametrize(
    ("status", "headers", "expected"),
    [
        (408, {}, True),
        (409, {}, False),
        (429, {}, True),
        (500, {}, True),
        (503, {}, True),
        (400, {}, False),
        (404, {}, False),
        (400, {"x-should-retry": "true"}, True),
        (503, {"x-should-retry": "false"}, False),
    ],
)
def test_retryable_statuses(status: int, headers: dict[str, str], expected: bool) -> None:
    assert is_retryable_status(status, httpx.Headers(headers)) is expected


def test_server_wait_reads_ms_seconds_and_http_dates() -> None:
    assert server_wait(httpx.Headers({"retry-after-ms": "250"})) == 0.25
    assert server_wait(httpx.Headers({"retry-after": "2"})) == 2.0
    assert server_wait(httpx.Headers({"retry-after": "1.5"})) == 1.5
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert server_wait(httpx.Headers({"retry-after": date}), now=1_000_000) == pytest.approx(30)
    assert server_wait(httpx.Headers({"retry-after": "garbage"})) is None
    assert server_wait(httpx.Headers({"retry-after": email.utils.formatdate(0, usegmt=True)})) is None


def test_server_wait_gets_a_little_jitter_and_the_cap_gives_up() -> None:
    headers = httpx.Headers({"retry-after": "2"})
    assert retry_delay(0, headers, max_retry_after=60, random=0.0) == 2.0
    assert 2.0 < retry_delay(0, headers, max_retry_after=60, random=0.5) <= 2.2  # type: ignore[operator]
    assert retry_delay(0, httpx.Headers({"retry-after": "120"}), max_retry_after=60, random=0.5) is None
    assert retry_delay(1, None, max_retry_after=60, random=0.0) == 1.0


def test_503_is_retried_with_the_server_wait_and_the_same_idempotency_key(
    mock_server: MockServer, waits: list[float]
) -> None:
    mock_server.fault(method="POST", path="/bots", status=503, times=2, retry_after=1)
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    bot = client.request(Bot, RequestSpec("POST", "/bots", body={"name": "Retry bot"}))
    assert bot.name == "Retry bot"
    assert bot.request_id is not None and bot.request_id.startswith("req_")
    assert len(waits) == 2 and all(1.0 <= wait <= 1.1 for wait in waits)
    logged = mock_server.requests(method="POST", path="/v1/bots")
    assert [entry["status"] for entry in logged] == [503, 503, 201]
    keys = {entry["idempotency_key"] for entry in logged}
    assert len(keys) == 1 and next(iter(keys)).startswith("idem_")


def test_a_dropped_connection_on_post_creates_exactly_one_resource(mock_server: MockServer, waits: list[float]) -> None:
    mock_server.fault(method="POST", path="/bots", drop=True, times=2)
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    client.request(Bot, RequestSpec("POST", "/bots", body={"name": "Once only"}))
    assert len(waits) == 2 and 0.375 <= waits[0] <= 0.5 and 0.75 <= waits[1] <= 1.0
    bots = httpx.get(f"{mock_server.api}/bots?limit=100", headers={"authorization": f"Bearer {ADMIN_KEY}"}).json()
    assert [bot["name"] for bot in bots["data"]].count("Once only") == 1


def test_spent_retries_raise_with_the_idempotency_key_and_the_count(
    mock_server: MockServer, waits: list[float]
) -> None:
    mock_server.fault(method="POST", path="/bots", status=500, times=5)
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api, max_retries=1)
    with pytest.raises(InternalServerError) as caught:
        client.request(
            Bot, RequestSpec("POST", "/bots", body={"name": "Doomed"}, options={"idempotency_key": "idem_mine"})
        )
    assert caught.value.idempotency_key == "idem_mine"
    assert caught.value.status_code == 500
    assert "Retried 1 time." in str(caught.value)
    assert caught.value.request_id is not None and caught.value.request_id in str(caught.value)
    assert len(waits) == 1


def test_409_is_not_retried(mock_server: MockServer, waits: list[float]) -> None:
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    client.request(Bot, RequestSpec("POST", "/bots", body={"name": "Twin"}))
    with pytest.raises(ConflictError) as caught:
        client.request(Bot, RequestSpec("POST", "/bots", body={"name": "Twin"}))
    assert waits == []
    assert caught.value.idempotency_key is not None


def test_a_retry_after_above_the_cap_gives_up_at_once(mock_server: MockServer, waits: list[float]) -> None:
    mock_server.fault(method="GET", path="/bots", status=429, retry_after=120)
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    with pytest.raises(RateLimitError) as caught:
        client.request(object, RequestSpec("GET", "/bots"))
    assert waits == []
    assert caught.value.retry_after == 120
    assert "max_retry_after" in str(caught.value)
    assert caught.value.rate_limit.limit is not None
    assert caught.value.idempotency_key is None  # GET carries none


def test_x_should_retry_false_wins_over_a_5xx(local: LocalServer, waits: list[float]) -> None:
    local.routes["/thing"] = lambda h: send_json(
        h, 503, {"error": {"type": "api_error", "message": "no"}}, {"x-should-retry": "false"}
    )
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    with pytest.raises(InternalServerError):
        client.request(object, RequestSpec("GET", "/thing"))
    assert waits == [] and len(local.requests) == 1


def test_per_request_max_retries_and_refused_connections(waits: list[float]) -> None:
    client = Client(api_key=ADMIN_KEY, base_url="http://127.0.0.1:9", max_retries=5)
    with pytest.raises(APIConnectionError) as caught:
        client.request(object, RequestSpec("POST", "/bots", body={}, options={"max_retries": 1}))
    assert "127.0.0.1:9" in str(caught.value) and "Retried 1 time" in str(caught.value)
    assert caught.value.idempotency_key is not None and caught.value.idempotency_key.startswith("idem_")
    assert len(waits) == 1


async def test_async_client_retries_the_same_way(mock_server: MockServer, waits: list[float]) -> None:
    mock_server.fault(method="POST", path="/bots", status=503, times=1, retry_after=1)
    mock_server.fault(method="POST", path="/bots", drop=True, times=1)
    async with AsyncClient(api_key=ADMIN_KEY, base_url=mock_server.api) as client:
        bot = await client.request(Bot, RequestSpec("POST", "/bots", body={"name": "Async once"}))
    assert bot.name == "Async once" and len(waits) == 2
    logged = mock_server.requests(method="POST", path="/v1/bots")
    assert [entry["status"] for entry in logged] == [503, 0, 201]
    assert len({entry["idempotency_key"] for entry in logged}) == 1
