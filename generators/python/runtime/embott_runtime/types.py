"""Sentinels and small types shared by the runtime and generated code."""

from __future__ import annotations

from typing import Any, Literal, Mapping, TypeVar, Union, cast

import httpx
from typing_extensions import TypedDict, override

__all__ = [
    "NOT_GIVEN",
    "Body",
    "Headers",
    "NotGiven",
    "Query",
    "RequestOptions",
    "Timeout",
    "is_given",
    "strip_not_given",
]

_T = TypeVar("_T")


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out (unlike `None`, which is sent as `null`)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

Timeout = Union[float, httpx.Timeout]
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = object


class RequestOptions(TypedDict, total=False):
    """Per-request overrides every generated method accepts as keyword arguments."""

    extra_headers: Headers
    extra_query: Query
    extra_body: Mapping[str, object]
    timeout: Timeout
    max_retries: int
    idempotency_key: str


def request_options(
    *,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Mapping[str, object] | None = None,
    timeout: Timeout | None = None,
    max_retries: int | None = None,
    idempotency_key: str | None = None,
) -> RequestOptions:
    """The per-request options a generated method received, without the ones left out."""
    options = RequestOptions()
    if extra_headers is not None:
        options["extra_headers"] = extra_headers
    if extra_query is not None:
        options["extra_query"] = extra_query
    if extra_body is not None:
        options["extra_body"] = extra_body
    if timeout is not None:
        options["timeout"] = timeout
    if max_retries is not None:
        options["max_retries"] = max_retries
    if idempotency_key is not None:
        options["idempotency_key"] = idempotency_key
    return options


def is_given(value: object) -> bool:
    """True when `value` is anything but `NOT_GIVEN` (`None` counts as given)."""
    return not isinstance(value, NotGiven)


def strip_not_given(values: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `values` without the arguments the caller left out."""
    return {key: value for key, value in values.items() if not isinstance(value, NotGiven)}


def header(headers: httpx.Headers, name: str) -> str | None:
    """One response header's value (the first when repeated), or None."""
    value: str | None = headers.get(name)
    return value


def as_dict(value: object) -> dict[str, object] | None:
    """`value` typed as a JSON object when it is a dict, else None."""
    return cast("dict[str, object]", value) if isinstance(value, dict) else None


def as_list(value: object) -> list[object] | None:
    """`value` typed as a JSON array when it is a list or tuple, else None."""
    return list(cast("list[object]", value)) if isinstance(value, (list, tuple)) else None
