"""Client options, validated when the client is built so a bad value never reaches a request."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal, Mapping, Optional, Union
from urllib.parse import urlsplit

import httpx

from .errors import ConfigurationError

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class ClientInfo:
    """What a generated package tells the runtime about itself."""

    package: str
    version: str
    api_key_env: str
    base_url_env: str
    log_env: str
    default_base_url: str
    #: Where the API key goes: `bearer`/`basic` (Authorization), `header`/`query`/`cookie` under `auth_name`, or
    #: `none` (the API needs no key).
    auth: Literal["bearer", "basic", "header", "query", "cookie", "none"] = "bearer"
    auth_name: str = "Authorization"
    idempotency_header: str = "Idempotency-Key"


@dataclass(frozen=True)
class ClientConfig:
    api_key: str = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    max_retry_after: float
    default_headers: Mapping[str, str]


def resolve_config(
    info: ClientInfo,
    *,
    api_key: Optional[str],
    base_url: Optional[str],
    default_base_url: Optional[str] = None,
    timeout: Union[float, httpx.Timeout, None],
    max_retries: Optional[int],
    max_retry_after: Optional[float],
    default_headers: Optional[Mapping[str, str]],
) -> ClientConfig:
    """Fills defaults from the environment and checks every option; ConfigurationError names the bad one."""
    key = api_key if api_key is not None else os.environ.get(info.api_key_env)
    if not key and info.auth == "none":
        key = ""
    elif not key:
        raise ConfigurationError(f"No API key: pass api_key=... or set the {info.api_key_env} environment variable.")
    if key and (not key.isascii() or not key.isprintable() or key != key.strip()):
        raise ConfigurationError(
            "The API key contains whitespace or non-ASCII characters; copy it again from the dashboard."
        )
    url = base_url or os.environ.get(info.base_url_env) or default_base_url or info.default_base_url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(
            f"base_url must be an absolute http(s) URL such as {info.default_base_url!r}, got {url!r}."
        )
    retries = DEFAULT_MAX_RETRIES if max_retries is None else max_retries
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ConfigurationError(f"max_retries must be a non-negative int, got {retries!r}.")
    return ClientConfig(
        api_key=key,
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
