"""Typed server-sent event streams: context managers and iterators of events, sync and async."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, AsyncIterator, Generic, Iterator, Optional, TypeVar

import httpx
from typing_extensions import Self

from .errors import APIConnectionError, APIError, APITimeoutError, StreamTruncatedError
from .redact import scrub_text, scrub_value
from .response import request_id, validate
from .sse import ServerSentEvent, SSEDecoder, aiter_events, iter_events
from .types import as_dict

_T = TypeVar("_T")

__all__ = ["AsyncStream", "StreamSpec", "SyncStream"]


@dataclass(frozen=True)
class StreamSpec(Generic[_T]):
    """What the events of one streaming operation look like."""

    #: The event model, or a union of them (annotate the spec: `StreamSpec[Event](event_type=Event, ...)`).
    event_type: Any
    #: Field of each event naming its kind (also sent as the SSE `event:` name).
    discriminator: Optional[str] = None
    #: The kind that ends the stream and carries the whole result; a stream closing before it is truncated.
    final: Optional[str] = None


class _StreamBase(Generic[_T]):
    def __init__(self, response: httpx.Response, spec: StreamSpec[_T], secrets: tuple[str, ...]) -> None:
        self.response = response
        self._spec = spec
        self._secrets = secrets
        self._decoder = SSEDecoder()
        self._final: Optional[_T] = None
        self._done = False

    @property
    def request_id(self) -> Optional[str]:
        return request_id(self.response)

    @property
    def final_event(self) -> Optional[_T]:
        """The final event, once the loop has reached it."""
        return self._final

    def _parse(self, sse: ServerSentEvent) -> Optional[_T]:
        """The typed event, None for events to skip; an `error` event raises APIError."""
        try:
            data: object = json.loads(sse.data)
        except ValueError:
            if sse.event == "error":
                raise self._event_error(sse.data) from None
            return None
        fields = as_dict(data) or {}
        if sse.event == "error" or (fields.get("type") == "error" and "error" in fields):
            raise self._event_error(data)
        event: _T = validate(self._spec.event_type, data, self.response)
        kind = fields.get(self._spec.discriminator) if self._spec.discriminator else None
        if self._spec.final is not None and kind == self._spec.final:
            self._final = event
            self._done = True
        return event

    def _event_error(self, data: object) -> APIError:
        clean = scrub_value(data, self._secrets)
        envelope = as_dict(clean) or {}
        error = as_dict(envelope.get("error")) or envelope
        text = str(error.get("message", clean))
        return APIError(
            f"The stream reported an error: {text} (request id {self.request_id or 'none'}).",
            request=self.response.request,
            body=clean,
        )

    def _truncated(self) -> StreamTruncatedError:
        return StreamTruncatedError(
            f"The stream closed before its {self._spec.final!r} event (request id {self.request_id or 'none'}): "
            "the result is incomplete; retry the request.",
            request=self.response.request,
        )

    def _transport_error(self, exc: httpx.HTTPError) -> APIConnectionError:
        reason = scrub_text(f"{type(exc).__name__}: {exc}", self._secrets)
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"No stream event arrived within the timeout ({reason}); the stream was closed.",
                request=self.response.request,
            )
        return APIConnectionError(f"The stream broke off ({reason}).", request=self.response.request)

    def _check_complete(self) -> None:
        if self._spec.final is not None and not self._done:
            raise self._truncated()


class SyncStream(_StreamBase[_T]):
    """`with client.x.stream_y(...) as stream: for event in stream: ...`; leaving the loop closes the connection."""

    def __iter__(self) -> Iterator[_T]:
        try:
            for sse in iter_events(self.response.iter_lines(), self._decoder):
                event = self._parse(sse)
                if event is not None:
                    yield event
                if self._done:
                    return
            self._check_complete()
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        finally:
            self.close()

    def until_done(self) -> Optional[_T]:
        """Reads the rest of the stream and returns its final event."""
        for _ in self:
            pass
        return self._final

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class AsyncStream(_StreamBase[_T]):
    """`async with stream: async for event in stream: ...`; leaving the loop closes the connection."""

    async def __aiter__(self) -> AsyncIterator[_T]:
        try:
            async for sse in aiter_events(self.response.aiter_lines(), self._decoder):
                event = self._parse(sse)
                if event is not None:
                    yield event
                if self._done:
                    return
            self._check_complete()
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        finally:
            await self.close()

    async def until_done(self) -> Optional[_T]:
        """Reads the rest of the stream and returns its final event."""
        async for _ in self:
            pass
        return self._final

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()
