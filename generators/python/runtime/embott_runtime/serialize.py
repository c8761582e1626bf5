"""Turns keyword arguments into the wire: path segments, query pairs and JSON bodies."""

from __future__ import annotations

import datetime
import enum
import json
from typing import Any, Mapping, Union, cast
from urllib.parse import quote

import pydantic

from .types import NotGiven, as_list


def path_param(value: object, name: str) -> str:
    """One path segment, percent-encoded; an empty or missing value is an error naming the parameter."""
    if value is None or isinstance(value, NotGiven) or (isinstance(value, str) and value == ""):
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    return quote(_scalar(value), safe="")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def query_pairs(query: Mapping[str, object]) -> list[tuple[str, Union[str, int, float, bool, None]]]:
    """Query parameters as pairs: lists repeat the key (form, explode), `None` and NOT_GIVEN are left out."""
    pairs: list[tuple[str, Union[str, int, float, bool, None]]] = []
    for key, value in query.items():
        if value is None or isinstance(value, NotGiven):
            continue
        items = as_list(value)
        if items is not None:
            pairs.extend((key, _scalar(item)) for item in items)
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def to_jsonable(value: object) -> Any:
    """A JSON-compatible copy: models by alias, dates as ISO 8601, NOT_GIVEN entries dropped."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        return {str(key): to_jsonable(item) for key, item in mapping.items() if not isinstance(item, NotGiven)}
    items = as_list(value)
    if items is not None:
        return [to_jsonable(item) for item in items]
    if isinstance(value, (datetime.date, enum.Enum)):
        return _scalar(value)
    return value


def json_body(value: object) -> bytes:
    """The request body as compact UTF-8 JSON (the same bytes JavaScript's JSON.stringify gives)."""
    return json.dumps(to_jsonable(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
