"""Turns keyword arguments into the wire: path segments, query strings, header and cookie values, and bodies
(JSON, form, multipart, text, binary). Encodings follow OpenAPI's `style`/`explode` rules."""

from __future__ import annotations

import datetime
import enum
import io
import json
import uuid
from typing import IO, Any, Literal, Mapping, Optional, Union, cast
from urllib.parse import quote, quote_plus

import pydantic

from .types import NotGiven, as_dict, as_list

QueryStyle = Literal["form", "spaceDelimited", "pipeDelimited", "deepObject"]
BodyEncoding = Literal["json", "form", "multipart", "text", "binary"]
#: A file for a multipart part: bytes, an open binary file, or (filename, content[, content type]).
FileContent = Union[bytes, IO[bytes], tuple[str, Union[bytes, IO[bytes]]], tuple[str, Union[bytes, IO[bytes]], str]]

#: RFC 3986 reserved characters, sent as they are for `allowReserved` query params.
_RESERVED = ":/?#[]@!$&'()*+,;="


def expand_path(template: str, values: Mapping[str, object]) -> str:
    """`template` (`/bots/{bot_id}`) with each placeholder replaced by its encoded value."""
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", path_param(value, name))
    return path


def path_param(value: object, name: str) -> str:
    """One path segment, percent-encoded; an empty or missing value is an error naming the parameter."""
    if value is None or isinstance(value, NotGiven) or (isinstance(value, str) and value == ""):
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    items = as_list(value)
    if items is not None:
        return ",".join(quote(scalar(item), safe="") for item in items)
    return quote(scalar(value), safe="")


def scalar(value: object) -> str:
    """A primitive as the wire text: booleans lowercase, dates ISO 8601 (UTC as `Z`), enums by value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return scalar(value.value)
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _component(text: str, allow_reserved: bool = False) -> str:
    """Percent-encoded except RFC 3986 unreserved characters (`A-Za-z0-9-._~`; space is `%20`)."""
    return quote(text, safe=_RESERVED if allow_reserved else "")


def _pairs(key: str, value: object, indexed: bool = False) -> list[tuple[str, str]]:
    """Bracket-flattened pairs: lists repeat the key (`indexed`: `key[]` for scalars, `key[0][k]` for objects),
    objects nest as `key[child]`, None is left out."""
    if value is None or isinstance(value, NotGiven):
        return []
    items = as_list(value)
    if items is not None:
        if not indexed:
            return [pair for item in items for pair in _pairs(key, item)]
        return [
            pair
            for index, item in enumerate(items)
            for pair in _pairs(
                f"{key}[{index}]" if as_dict(to_jsonable(item)) is not None else f"{key}[]", item, indexed
            )
        ]
    if isinstance(value, pydantic.BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    fields = as_dict(value)
    if fields is not None:
        return [pair for child, item in fields.items() for pair in _pairs(f"{key}[{child}]", item, indexed)]
    return [(key, scalar(value))]


def encode_query(
    query: Mapping[str, object],
    styles: Optional[Mapping[str, tuple[QueryStyle, bool]]] = None,
    allow_reserved: frozenset[str] = frozenset(),
) -> str:
    """The query string: `form`+explode repeats the key, `form` without explode joins with `,`,
    `spaceDelimited`/`pipeDelimited` join with `%20`/`|`, `deepObject` (and exploded objects) use `key[child]`."""
    parts: list[str] = []
    for key, value in query.items():
        if value is None or isinstance(value, NotGiven):
            continue
        style, explode = (styles or {}).get(key, ("form", True))
        reserved = key in allow_reserved
        items = as_list(value)
        fields = as_dict(
            value.model_dump(mode="json", by_alias=True, exclude_unset=True)
            if isinstance(value, pydantic.BaseModel)
            else value
        )
        if items is not None and not (style == "form" and explode):
            separator = {"spaceDelimited": "%20", "pipeDelimited": "|"}.get(style, ",")
            joined = separator.join(_component(scalar(item), reserved) for item in items)
            parts.append(f"{_component(key)}={joined}")
        elif fields is not None and style == "form" and not explode:
            joined = ",".join(
                f"{_component(child)},{_component(scalar(item), reserved)}"
                for child, item in fields.items()
                if item is not None
            )
            parts.append(f"{_component(key)}={joined}")
        else:
            parts.extend(f"{_component(name)}={_component(text, reserved)}" for name, text in _pairs(key, value))
    return "&".join(parts)


def header_value(value: object) -> Optional[str]:
    """A header parameter's value (`simple` style: lists joined with `,`); None when left out."""
    if value is None or isinstance(value, NotGiven):
        return None
    items = as_list(value)
    if items is not None:
        return ",".join(scalar(item) for item in items)
    return scalar(value)


def cookie_header(cookies: Mapping[str, object]) -> Optional[str]:
    """`name=value; other=value` for the cookie parameters given (values percent-encoded)."""
    parts = [
        f"{name}={_component(text)}" for name, value in cookies.items() if (text := header_value(value)) is not None
    ]
    return "; ".join(parts) or None


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
        return scalar(value)
    return value


def json_body(value: object) -> bytes:
    """Compact UTF-8 JSON (the same bytes JavaScript's JSON.stringify gives)."""
    return json.dumps(to_jsonable(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def form_body(value: object, styles: Optional[Mapping[str, tuple[QueryStyle, bool]]] = None) -> bytes:
    """`application/x-www-form-urlencoded`: spaces as `+`, objects as `key[child]`; per field `deepObject` writes
    `key[]=a` and `key[0][k]=v`, `form` without explode joins scalar arrays with `,`."""
    fields = as_dict(to_jsonable(value))
    if fields is None:
        raise TypeError(f"A form body must be a mapping of fields, got {type(value).__name__}")
    pairs: list[tuple[str, str]] = []
    for key, item in fields.items():
        style, explode = (styles or {}).get(key, ("form", True))
        items = as_list(item)
        if items is not None and style == "form" and not explode:
            pairs.append((key, ",".join(scalar(entry) for entry in items)))
        else:
            pairs.extend(_pairs(key, item, indexed=style == "deepObject"))
    return "&".join(f"{_form(key)}={_form(text)}" for key, text in pairs).encode()


def _form(text: str) -> str:
    return quote_plus(text, safe="")


def multipart_fields(
    value: object, part_types: Mapping[str, str]
) -> tuple[list[tuple[str, str]], list[tuple[str, tuple[str, bytes, str]]]]:
    """Data fields and file parts for httpx: bytes and files become parts with a filename."""
    fields = as_dict(value) if not isinstance(value, pydantic.BaseModel) else as_dict(to_jsonable(value))
    if fields is None:
        raise TypeError(f"A multipart body must be a mapping of fields, got {type(value).__name__}")
    data: list[tuple[str, str]] = []
    files: list[tuple[str, tuple[str, bytes, str]]] = []
    for key, item in fields.items():
        for part in [item] if _is_file(item) else as_list(item) or [item]:
            file = _file_part(key, part, part_types.get(key, "application/octet-stream"))
            if file is not None:
                files.append((key, file))
            else:
                data.extend(_pairs(key, to_jsonable(part)))
    return data, files


def multipart_body(value: object, part_types: Optional[Mapping[str, str]] = None) -> tuple[bytes, str]:
    """`multipart/form-data` bytes and their Content-Type (with the boundary). A file part's type is the one
    given, else the spec's (`part_types`), else `application/octet-stream`."""
    boundary = f"embott-{uuid.uuid4().hex}"
    data, files = multipart_fields(value, part_types or {})
    chunks: list[bytes] = []
    for name, text in data:
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{_quoted(name)}"\r\n\r\n'.encode())
        chunks.append(text.encode() + b"\r\n")
    for name, (filename, content, kind) in files:
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{_quoted(name)}"; filename="{_quoted(filename)}"\r\n'
            f"Content-Type: {kind}\r\n\r\n".encode()
        )
        chunks.append(content + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _is_file(value: object) -> bool:
    if isinstance(value, (bytes, bytearray, io.IOBase)):
        return True
    parts = as_list(value) if isinstance(value, tuple) else None  # pyright: ignore[reportUnknownArgumentType]
    if parts is None or not 2 <= len(parts) <= 3:
        return False
    return isinstance(parts[0], str) and isinstance(parts[1], (bytes, bytearray, io.IOBase))


def _file_part(key: str, value: object, default_type: str) -> Optional[tuple[str, bytes, str]]:
    if isinstance(value, (bytes, bytearray)):
        return (key, bytes(value), default_type)
    if isinstance(value, io.IOBase):
        stream = cast("IO[bytes]", value)
        name = getattr(value, "name", key)
        return (str(name).rsplit("/", 1)[-1], stream.read(), default_type)
    if isinstance(value, tuple):
        parts = cast("tuple[object, ...]", value)
        if 2 <= len(parts) <= 3 and isinstance(parts[0], str):
            content = _file_part(key, parts[1], default_type)
            if content is not None:
                kind = parts[2] if len(parts) == 3 and isinstance(parts[2], str) else content[2]
                return (parts[0], content[1], kind)
    return None


def raw_body(value: object, encoding: BodyEncoding) -> bytes:
    """A `text` body as UTF-8, a `binary` body as given (bytes or an open binary file)."""
    if encoding == "text":
        if not isinstance(value, str):
            raise TypeError(f"A text body must be a str, got {type(value).__name__}")
        return value.encode()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, memoryview):
        return cast("memoryview[int]", value).tobytes()
    if isinstance(value, io.IOBase):
        return cast("IO[bytes]", value).read()
    raise TypeError(f"A binary body must be bytes or a binary file, got {type(value).__name__}")
