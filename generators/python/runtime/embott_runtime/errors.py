"""The SDK's exceptions. Generic names so every generated package reuses them; the package re-exports
`SDKError` under its own root name (`EmbottError`), the same class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

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
    "ErrorEnvelope",
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


@dataclass(frozen=True)
class ErrorEnvelope:
    """Where an error body's fields are, as key paths from its root (`("error", "message")`); () = absent."""

    message: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    param: tuple[str, ...] = ()
    request_id: tuple[str, ...] = ()

    def read(self, body: object, path: tuple[str, ...]) -> str | None:
        """The string at `path` in `body`, or None (missing, not a string, or no path)."""
        value = body
        for key in path:
            mapping = as_dict(value)
            if mapping is None:
                return None
            value = mapping.get(key)
        return value if path and isinstance(value, str) else None

    def holder(self, body: object) -> dict[str, Any] | None:
        """The object holding the message (Embott's `error`; the body itself for a flat envelope)."""
        value = body
        for key in self.message[:-1]:
            value = (as_dict(value) or {}).get(key)
        mapping = as_dict(value) if self.message else None
        return dict(mapping) if mapping is not None else None


class APIStatusError(APIError):
    """The server answered with a 4xx/5xx status. The error body's fields are read where the API puts them."""

    status_code: int
    response: httpx.Response
    headers: dict[str, str]
    #: The request id header (e.g. `x-request-id`), else the body's request id field.
    request_id: str | None
    #: The object holding the error fields (Embott: the envelope's `error`), when the body had one.
    error: dict[str, Any] | None
    #: The server's own message, machine-readable code and type, and the parameter the error is about.
    error_message: str | None
    code: str | None
    type: str | None
    param: str | None
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
        envelope: ErrorEnvelope | None = None,
        request_id_header: str = "x-request-id",
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
        fields = envelope or ErrorEnvelope()
        self.error = fields.holder(clean_body)
        self.error_message = fields.read(clean_body, fields.message)
        self.code = fields.read(clean_body, fields.code)
        self.type = fields.read(clean_body, fields.type)
        self.param = fields.read(clean_body, fields.param)
        self.request_id = header(response.headers, request_id_header) or fields.read(clean_body, fields.request_id)
        self.rate_limit = _rate_limit(response.headers, retry_after)

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
        message = self.error_message or ""
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
