"""Server-Sent Events decoding (WHATWG HTML 9.2) over an iterator of lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import AsyncIterator, Iterator, Optional


@dataclass(frozen=True)
class ServerSentEvent:
    """One dispatched event: `event` ("message" when absent), `data` lines joined by newlines, last `id`."""

    event: str
    data: str
    id: str
    retry: Optional[int]


class SSEDecoder:
    """Feed it lines without their terminators; it returns an event at each blank line (comments skipped)."""

    def __init__(self) -> None:
        self._event = ""
        self._data: list[str] = []
        self._last_id = ""
        self._retry: Optional[int] = None
        self._started = False

    @property
    def pending(self) -> bool:
        """Whether a partial event (fields without the closing blank line) is buffered."""
        return bool(self._data or self._event)

    def decode(self, line: str) -> Optional[ServerSentEvent]:
        if not self._started:
            self._started = True
            line = line.removeprefix("\ufeff")
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self._last_id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> Optional[ServerSentEvent]:
        if not self._data:
            self._event = ""
            return None
        event = ServerSentEvent(self._event or "message", "\n".join(self._data), self._last_id, self._retry)
        self._event, self._data, self._retry = "", [], None
        return event


def iter_events(lines: Iterator[str], decoder: SSEDecoder) -> Iterator[ServerSentEvent]:
    for line in lines:
        event = decoder.decode(line)
        if event is not None:
            yield event


async def aiter_events(lines: AsyncIterator[str], decoder: SSEDecoder) -> AsyncIterator[ServerSentEvent]:
    async for line in lines:
        event = decoder.decode(line)
        if event is not None:
            yield event
