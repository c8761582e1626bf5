"""SSE streams: the mock's message stream, and partial frames, stalls, truncation and error events locally."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from typing import Literal, Union

import pytest

from embott_runtime import APIConnectionError, APITimeoutError, RequestSpec, StreamSpec, StreamTruncatedError
from embott_runtime.errors import APIError
from embott_runtime.models import BaseModel
from embott_runtime.sse import SSEDecoder

from .conftest import ADMIN_KEY, LocalServer
from .helpers import AsyncClient, Client, MockServer


class Started(BaseModel):
    type: Literal["message.started"]


class Delta(BaseModel):
    type: Literal["message.delta"]
    delta: str


class Completed(BaseModel):
    type: Literal["message.completed"]


Event = Union[Started, Delta, Completed]
SPEC = StreamSpec[Event](event_type=Event, discriminator="type", final="message.completed")
ASK = RequestSpec(
    "POST",
    "/conversations/conv_abc123/messages",
    body={"role": "user", "content": "Do you ship internationally?", "stream": True},
)


def _chunks(*parts: bytes, pause: float = 0.0) -> object:
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("content-type", "text/event-stream")
        h.send_header("x-request-id", "req_stream")
        h.end_headers()
        for part in parts:
            h.wfile.write(part)
            h.wfile.flush()
            time.sleep(pause)
        h.close_connection = True

    return handler


def test_stream_from_the_mock_yields_typed_events_and_ends_on_the_final_one(mock_server: MockServer) -> None:
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    with client.request_stream(ASK, SPEC) as stream:
        events = list(stream)
    assert isinstance(events[0], Started) and isinstance(events[-1], Completed)
    text = "".join(event.delta for event in events if isinstance(event, Delta))
    assert "ship" in text
    assert stream.final_event is events[-1]


def test_breaking_the_loop_closes_the_connection(mock_server: MockServer) -> None:
    client = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    stream = client.request_stream(ASK, SPEC)
    for _ in stream:
        break
    assert stream.response.is_closed


async def test_async_stream(mock_server: MockServer) -> None:
    async with AsyncClient(api_key=ADMIN_KEY, base_url=mock_server.api) as client:
        stream = await client.request_stream(ASK, SPEC)
        async with stream:
            kinds = [event.type async for event in stream]
    assert kinds[0] == "message.started" and kinds[-1] == "message.completed"


def test_frames_split_anywhere_are_reassembled(local: LocalServer) -> None:
    body = (
        b'event: message.started\r\ndata: {"type":"message.started"}\r\n\r\n'
        b": keep-alive comment\n\n"
        b'data: {"type":"message.delta",\ndata: "delta":"h\xc3\xa9"}\n\n'
        b'data: {"type":"message.completed"}\n\n'
    )
    parts = [body[i : i + 7] for i in range(0, len(body), 7)]
    local.routes["/s"] = _chunks(*parts)  # type: ignore[assignment]
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    with client.request_stream(RequestSpec("GET", "/s"), SPEC) as stream:
        events = list(stream)
    assert [event.type for event in events] == ["message.started", "message.delta", "message.completed"]
    assert isinstance(events[1], Delta) and events[1].delta == "h\u00e9"


def test_a_stream_closing_before_the_final_event_is_truncated(local: LocalServer) -> None:
    local.routes["/s"] = _chunks(b'data: {"type":"message.started"}\n\ndata: {"type":"message.del')  # type: ignore[assignment]
    client = Client(api_key=ADMIN_KEY, base_url=local.url)
    seen: list[str] = []
    with pytest.raises(StreamTruncatedError, match=r"message\.completed") as caught:
        for event in client.request_stream(RequestSpec("GET", "/s"), SPEC):
            seen.append(event.type)
    assert seen == ["message.started"] and "req_stream" in str(caught.value)
    assert isinstance(caught.value, APIConnectionError)


def test_a_stalled_stream_hits_the_idle_timeout(local: LocalServer) -> None:
    local.routes["/s"] = _chunks(b'data: {"type":"message.started"}\n\n', b"", pause=1.0)  # type: ignore[assignment]
    client = Client(api_key=ADMIN_KEY, base_url=local.url, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match="No stream event"):
        for _ in client.request_stream(RequestSpec("GET", "/s"), SPEC):
            pass
    assert time.monotonic() - started < 0.9


def test_an_error_event_raises_with_the_key_scrubbed(local: LocalServer) -> None:
    secret = "sk_live_streamsecret_01"
    local.routes["/s"] = _chunks(  # type: ignore[assignment]
        b'data: {"type":"message.started"}\n\n',
        f'event: error\ndata: {{"error":{{"type":"api_error","message":"boom {secret}"}}}}\n\n'.encode(),
    )
    client = Client(api_key=secret, base_url=local.url)
    with pytest.raises(APIError) as caught:
        list(client.request_stream(RequestSpec("GET", "/s"), SPEC))
    assert "boom" in str(caught.value) and secret not in str(caught.value) and secret not in str(caught.value.body)


def test_decoder_rules() -> None:
    decoder = SSEDecoder()
    assert decoder.decode("\ufeffid: 7") is None
    assert decoder.decode("retry: 10") is None
    assert decoder.decode("data:x") is None
    event = decoder.decode("")
    assert event is not None and (event.event, event.data, event.id, event.retry) == ("message", "x", "7", 10)
    assert decoder.decode("event: only-a-name") is None
    assert decoder.decode("") is None
