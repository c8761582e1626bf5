"""Client options, validated when the client is built so a bad value never reaches a request."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, Optional, Union
from urllib.parse import urlsplit

import httpx

from .auth import Alternatives, Credential, choose, missing_message, resolve_credentials
from .errors import ConfigurationError, ErrorEnvelope

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class ClientInfo:
    """What a generated package tells the runtime about itself."""

    package: str
    version: str
    base_url_env: str
    log_env: str
    default_base_url: str
    #: The credential options (the primary scheme's is `api_key`); none when the API takes no credentials.
    credentials: tuple[Credential, ...] = ()
    #: The API's security alternatives (option names), used by every request that has none of its own.
    security: Alternatives = ()
    idempotency_header: str = "Idempotency-Key"
    request_id_header: str = "x-request-id"
    #: Where the error body's fields are; None reads none (the message is the status and the body's text).
    error_envelope: Optional[ErrorEnvelope] = None
    #: Statuses retried besides every one at or above `min_server_error_status`.
    retry_statuses: frozenset[int] = frozenset({408, 429})
    min_server_error_status: int = 500
    default_max_retries: int = DEFAULT_MAX_RETRIES


@dataclass(frozen=True)
class ClientConfig:
    #: Option name -> (its scheme, the value held), for the credentials passed or found in the environment.
    credentials: Mapping[str, tuple[Credential, str]] = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    max_retry_after: float
    default_headers: Mapping[str, str]


def resolve_config(
    info: ClientInfo,
    *,
    client_name: str,
    credentials: Mapping[str, Optional[str]],
    base_url: Optional[str],
    default_base_url: Optional[str] = None,
    timeout: Union[float, httpx.Timeout, None],
    max_retries: Optional[int],
    max_retry_after: Optional[float],
    default_headers: Optional[Mapping[str, str]],
) -> ClientConfig:
    """Fills defaults from the environment and checks every option; ConfigurationError names the bad one."""
    held = resolve_credentials(info.credentials, credentials)
    if info.security and choose(info.security, held) is None:
        raise ConfigurationError(missing_message(info.security, info.credentials, client_name))
    url = base_url or os.environ.get(info.base_url_env) or default_base_url or info.default_base_url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(
            f"base_url must be an absolute http(s) URL such as {info.default_base_url!r}, got {url!r}."
        )
    retries = info.default_max_retries if max_retries is None else max_retries
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ConfigurationError(f"max_retries must be a non-negative int, got {retries!r}.")
    return ClientConfig(
        credentials=held,
        base_url=url.rstrip("/"),
        timeout=to_timeout(DEFAULT_TIMEOUT if timeout is None else timeout),
        max_retries=retries,
        max_retry_after=_seconds(
            "max_retry_after", DEFAULT_MAX_RETRY_AFTER if max_retry_after is None else max_retry_after
        ),
        default_headers=dict(default_headers or {}),
    )


def to_timeout(value: Union[float, httpx.Timeout]) -> httpx.Timeout:
    """A float is the whole budget for connect, read, write and pool (and between two stream events)."""
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(_seconds("timeout", value))


def _seconds(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0 or value == float("inf"):
        raise ConfigurationError(f"{name} must be a positive number of seconds, got {value!r}.")
    return float(value)
