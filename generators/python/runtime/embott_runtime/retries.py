"""When to retry and how long to wait: the rules every Embott SDK shares."""

from __future__ import annotations

import email.utils
import re
import time
import uuid
from typing import Collection

import httpx

from .types import header

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_JITTER = 0.25
#: A server-sent wait is stretched by up to this fraction so clients told the same wait do not return together.
SERVER_WAIT_JITTER = 0.1
#: The default retry policy (the plan passes its own through `ClientInfo`).
RETRY_STATUSES = frozenset({408, 429})
MIN_SERVER_ERROR_STATUS = 500

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_NUMBER = re.compile(r"^\s*\d+(\.\d+)?\s*$")


def is_retryable_status(
    status: int,
    headers: httpx.Headers,
    statuses: Collection[int] = RETRY_STATUSES,
    min_server_error_status: int = MIN_SERVER_ERROR_STATUS,
) -> bool:
    """`x-should-retry` wins; else `statuses` (408, 429) and every status from `min_server_error_status` (500) up,
    the plan's retry policy (never 409: a conflict will not go away)."""
    override = (header(headers, "x-should-retry") or "").strip().lower()
    if override == "true":
        return True
    if override == "false":
        return False
    return status in statuses or status >= min_server_error_status


def needs_idempotency_key(method: str) -> bool:
    """Every method but GET/HEAD/OPTIONS carries an Idempotency-Key, reused on each retry."""
    return method.upper() not in _SAFE_METHODS


def new_idempotency_key() -> str:
    return f"idem_{uuid.uuid4()}"


def backoff_delay(retry_index: int, random: float) -> float:
    """min(0.5 s * 2^n, 8 s) * (1 - 0.25 * random), `random` in [0, 1): the first wait is 375-500 ms, never 0."""
    base: float = min(INITIAL_DELAY * 2**retry_index, MAX_DELAY)
    return base * (1 - MAX_JITTER * random)


def server_wait(headers: httpx.Headers, now: float | None = None) -> float | None:
    """Seconds the server asked to wait: `retry-after-ms`, else `Retry-After` (seconds or HTTP-date)."""
    millis = header(headers, "retry-after-ms")
    if millis is not None and _NUMBER.match(millis):
        return float(millis) / 1000
    value = header(headers, "retry-after")
    if value is None or value.strip() == "":
        return None
    if _NUMBER.match(value):
        return float(value)
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None
    wait = parsed.timestamp() - (time.time() if now is None else now)
    return wait if wait > 0 else None


def retry_delay(
    retry_index: int, headers: httpx.Headers | None, *, max_retry_after: float, random: float, now: float | None = None
) -> float | None:
    """The wait before the next attempt, or None to give up at once because the server asked for more than
    `max_retry_after` seconds (retrying early is bound to fail; sleeping that long is not what a caller expects)."""
    requested = server_wait(headers, now) if headers is not None else None
    if requested is not None and requested > max_retry_after:
        return None
    if requested is not None and requested > 0:
        return requested * (1 + SERVER_WAIT_JITTER * random)
    return backoff_delay(retry_index, random)
