"""The SDK's exceptions. Generic names so every generated package reuses them; the package re-exports
`SDKError` under its own root name (`EmbottError`), the same class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

import httpx
from typing_extensions import override

from .redact import redact_headers, scrub_text, scrub_value
from .types import as_dict, header

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "NotFoundError",
    "PaginationCycleError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitInfo",
    "SDKError",
    "StreamTruncatedError",
    "UnprocessableEntityError",
]


class SDKError(Exception):
    """Root of every exception the SDK raises."""


class ConfigurationError(SDKError, ValueError):
    """A client option is invalid; raised when the client is built, before any request."""


class APIError(SDKError):
    """A request failed: no usable answer (`APIConnectionError`) or an error status (`APIStatusError`)."""

    message: str
    request: httpx.Request | None
    body: object
    #: The Idempotency-Key sent (generated or yours): retry the call with it and the server cannot apply it twice.
    idempotency_key: str | None

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request | None = None,
        body: object = None,
        idempotency_key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        self.idempotency_key = idempotency_key

    @override
    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class RateLimitInfo:
    """The `X-RateLimit-*` headers of a response and the wait the server asked for, in seconds."""

    limit: Optional[int]
    remaining: Optional[int]
    reset: Optional[int]
    retry_after: Optional[float]


class APIStatusError(APIError):
    """The server answered with a 4xx/5xx status."""

    status_code: int
    response: httpx.Response
    headers: dict[str, str]
    request_id: str | None
    #: The envelope's `error` object (`type`, `code`, `message`, `param`), when the body had one.
    error: dict[str, Any] | None
    rate_limit: RateLimitInfo

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        idempotency_key: str | None = None,
        retry_after: float | None = None,
        secrets: tuple[str, ...] = (),
    ) -> None:
        clean_body = scrub_value(body, secrets)
        super().__init__(
            scrub_text(message, secrets),
            request=response.request,
            body=clean_body,
            idempotency_key=idempotency_key,
        )
        self.status_code = response.status_code
        self.response = response
        self.headers = redact_headers(response.headers, secrets)
        self.error = _error_object(clean_body)
        self.request_id = header(response.headers, "x-request-id") or _str_or_none(self.error, "request_id")
        self.rate_limit = _rate_limit(response.headers, retry_after)

    @property
    def code(self) -> str | None:
        """The envelope's machine-readable `error.code` (e.g. `missing_scope`)."""
        return _str_or_none(self.error, "code")

    @property
    def param(self) -> str | None:
        """The parameter the error is about (`error.param`), when the server named one."""
        return _str_or_none(self.error, "param")

    @override
    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(status_code={self.status_code}, request_id={self.request_id!r}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """400: the request is malformed or a parameter is invalid (see `param`)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, malformed or unknown."""


class PermissionDeniedError(APIStatusError):
    """403: the API key lacks a scope; `missing_scope` names it."""

    @property
    def missing_scope(self) -> str | None:
        """The scope the key lacks, read from the error message (`... scope 'bots:write'.`)."""
        message = _str_or_none(self.error, "message") or ""
        start = message.find("'")
        end = message.find("'", start + 1)
        return message[start + 1 : end] if 0 <= start < end else None


class NotFoundError(APIStatusError):
    """404: no such resource."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state (or an idempotency key was reused with another body)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` is the wait the server asked for, in seconds."""

    @property
    def retry_after(self) -> float | None:
        return self.rate_limit.retry_after


class InternalServerError(APIStatusError):
    """5xx: the server failed; retried automatically, raised once the retries are spent."""


class APIConnectionError(APIError):
    """No answer: the connection failed, was reset, or the response could not be read."""


class APITimeoutError(APIConnectionError):
    """The request (or a stream between two events) took longer than the timeout."""


class StreamTruncatedError(APIConnectionError):
    """A stream ended before its final event: the result is incomplete."""


class APIResponseValidationError(APIError):
    """A successful response whose body does not have the documented shape."""


class PaginationCycleError(SDKError):
    """The server returned a cursor (or page link) already visited: following it would loop forever."""


class InvalidWebhookSignatureError(SDKError, ValueError):
    """A webhook delivery failed verification; `code` says why (`signature_mismatch`, `timestamp_too_old`, ...)."""

    code: str

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The exception class for an HTTP error status."""
    if status >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status, APIStatusError)


def _error_object(body: object) -> dict[str, Any] | None:
    envelope = as_dict(body)
    error = as_dict(envelope.get("error")) if envelope else None
    return dict(error) if error is not None else None


def _str_or_none(error: Mapping[str, Any] | None, key: str) -> str | None:
    value = error.get(key) if error else None
    return value if isinstance(value, str) else None


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    value = (header(headers, name) or "").strip()
    return int(value) if value.isdigit() else None


def _rate_limit(headers: httpx.Headers, retry_after: float | None) -> RateLimitInfo:
    if retry_after is None:
        value = (header(headers, "retry-after") or "").strip()
        retry_after = float(value) if value.replace(".", "", 1).isdigit() else None
    return RateLimitInfo(
        limit=_int_header(headers, "x-ratelimit-limit"),
        remaining=_int_header(headers, "x-ratelimit-remaining"),
        reset=_int_header(headers, "x-ratelimit-reset"),
        retry_after=retry_after,
    )
