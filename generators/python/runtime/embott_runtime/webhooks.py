"""Webhook signature verification: constant-time, several `v1=` accepted (secret rotation), replay window."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import re
import time
from dataclasses import dataclass
from typing import Any, Literal, Mapping, Optional, Protocol, Sequence, TypeVar, Union, cast, runtime_checkable

import pydantic

from .errors import InvalidWebhookSignatureError, SDKError
from .models import BaseModel
from .response import type_adapter, validate
from .types import as_dict, as_list

DEFAULT_TOLERANCE = 300

_E = TypeVar("_E")

__all__ = [
    "DEFAULT_TOLERANCE",
    "SignatureScheme",
    "UnknownWebhookEvent",
    "generate_test_header",
    "parse_event",
    "unwrap",
    "verify",
]


class UnknownWebhookEvent(BaseModel):
    """An event whose `type` this SDK version does not know (the API added it since): its `type`, and every
    field of the payload as sent (`to_dict()`, or attribute access). Upgrade the SDK to get it typed."""

    type: str


def parse_event(target: type[_E], data: dict[str, Any]) -> Union[_E, UnknownWebhookEvent]:
    """`data` as the API's event union `target`; an event of an unknown `type` is an `UnknownWebhookEvent`
    rather than a shape error, so a server that adds an event type does not break existing handlers."""
    try:
        event: _E = type_adapter(cast(Any, target)).validate_python(data)
        return event
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        unknown_type = first["type"] == "union_tag_invalid" and not first["loc"] and isinstance(data.get("type"), str)
        if not unknown_type:
            return validate(target, data)  # raises the SDK's shape error
    return UnknownWebhookEvent.model_validate(data)


@dataclass(frozen=True)
class SignatureScheme:
    """The spec's `x-embott-webhook-signature`."""

    header: str
    scheme: Literal["timestamped", "plain"] = "timestamped"
    encoding: Literal["hex", "base64"] = "hex"
    prefix: str = ""
    tolerance: Optional[int] = None


@runtime_checkable
class _HasGet(Protocol):
    def get(self, key: str, /) -> Any: ...


Payload = Union[str, bytes, bytearray, memoryview]
SignatureHeaders = Union[str, Mapping[str, Any], _HasGet, Sequence[str], None]

_DIGITS = re.compile(r"^[0-9]+$")


def verify(
    payload: Payload,
    headers: SignatureHeaders,
    secret: str,
    *,
    scheme: SignatureScheme,
    tolerance: Optional[float] = None,
    now: Optional[float] = None,
) -> None:
    """Returns when the delivery is authentic; raises InvalidWebhookSignatureError (see `.code`) otherwise.
    Checks in order: the header, the signature, then the timestamp window."""
    if not isinstance(secret, str) or secret == "":  # pyright: ignore[reportUnnecessaryIsInstance]
        raise SDKError("A webhook signing secret is required (the subscription's `secret`, whsec_...).")
    body = _body_bytes(payload)
    header = _read_header(headers, scheme.header)
    if scheme.scheme == "plain":
        candidates = [
            entry.strip()[len(scheme.prefix) :]
            for entry in header.split(",")
            if entry.strip().startswith(scheme.prefix) and len(entry.strip()) > len(scheme.prefix)
        ]
        if not candidates:
            raise InvalidWebhookSignatureError(
                "no_signatures", f'The signature header has no "{scheme.prefix}" signature.'
            )
        _assert_match(_sign(secret, body, scheme), candidates, scheme, body)
        return
    window, clock = _window(scheme, tolerance, now)
    timestamp_text, candidates = _parse_timestamped(header)
    _assert_match(_sign(secret, timestamp_text.encode() + b"." + body, scheme), candidates, scheme, body)
    _assert_fresh(int(timestamp_text), window, clock)


def unwrap(
    payload: Payload,
    headers: SignatureHeaders,
    secret: str,
    *,
    scheme: SignatureScheme,
    tolerance: Optional[float] = None,
    now: Optional[float] = None,
) -> dict[str, Any]:
    """Verifies, then parses the body; it must be a JSON object (an event)."""
    verify(payload, headers, secret, scheme=scheme, tolerance=tolerance, now=now)
    try:
        event: object = json.loads(_body_bytes(payload))
    except ValueError:
        raise SDKError("The webhook body is correctly signed but is not valid JSON.") from None
    fields = as_dict(event)
    if fields is None:
        raise SDKError(f"The webhook body is correctly signed but is not an event object (got {type(event).__name__}).")
    return fields


def generate_test_header(
    payload: Union[Payload, Mapping[str, Any]], secret: str, *, scheme: SignatureScheme, timestamp: Optional[int] = None
) -> str:
    """A valid signature header for `payload` (mappings are serialised as compact JSON), for your own tests."""
    raw: Payload = (
        payload
        if isinstance(payload, (str, bytes, bytearray, memoryview))
        else json.dumps(payload, separators=(",", ":"))
    )
    body = _body_bytes(raw)
    if scheme.scheme == "plain":
        return scheme.prefix + _sign(secret, body, scheme)
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return f"t={stamp},v1={_sign(secret, stamp.encode() + b'.' + body, scheme)}"


def _sign(secret: str, message: bytes, scheme: SignatureScheme) -> str:
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode() if scheme.encoding == "base64" else digest.hex()


def _assert_match(expected: str, candidates: list[str], scheme: SignatureScheme, body: bytes) -> None:
    wanted = expected.encode()
    matched = False
    for candidate in candidates:
        text = candidate.lower() if scheme.encoding == "hex" else candidate
        # Every candidate is compared (no early exit) so timing does not reveal which one matched.
        matched |= hmac.compare_digest(text.encode("utf-8", "replace"), wanted)
    if not matched:
        hint = ""
        if body.lstrip()[:1] in (b"{", b"["):
            hint = (
                " If your framework parsed the JSON body and serialised it again, verify the raw request body"
                " instead (e.g. `await request.body()`, `request.get_data()`)."
            )
        raise InvalidWebhookSignatureError(
            "signature_mismatch", f"No signature in the header matches the body ({len(candidates)} tried).{hint}"
        )


def _parse_timestamped(header: str) -> tuple[str, list[str]]:
    """`t=<unix>,v1=<sig>[,v1=...]`: other schemes (v0=) are ignored; exactly one `t`, signed as received (leading
    zeros included); each v1 value is compared whole, so trailing junk is a mismatch, never a prefix match."""
    timestamp: Optional[str] = None
    signatures: list[str] = []
    for entry in header.split(","):
        key, equals, value = entry.strip().partition("=")
        key, value = key.strip(), value.strip()
        if not equals or not key:
            raise _malformed(f'entry "{entry.strip()}" is not key=value')
        if key == "t":
            if timestamp is not None:
                raise _malformed('it has more than one "t=" timestamp')
            if not _DIGITS.match(value):
                raise _malformed(f'timestamp "{value}" is not unix seconds')
            timestamp = value
        elif key == "v1" and value:
            signatures.append(value)
    if timestamp is None:
        raise _malformed('it has no "t=" timestamp')
    if not signatures:
        raise InvalidWebhookSignatureError("no_signatures", "The signature header has no v1= entries.")
    return timestamp, signatures


def _malformed(reason: str) -> InvalidWebhookSignatureError:
    return InvalidWebhookSignatureError(
        "malformed_header",
        f'The signature header is malformed: {reason}. Expected "t=<unix seconds>,v1=<signature>".',
    )


def _window(scheme: SignatureScheme, tolerance: Optional[float], now: Optional[float]) -> tuple[float, float]:
    """The tolerance and the clock, checked before anything else: both must be finite numbers (no NaN, no inf)."""
    window = (
        tolerance if tolerance is not None else scheme.tolerance if scheme.tolerance is not None else DEFAULT_TOLERANCE
    )
    if not _is_finite(window) or not window >= 0:
        raise ValueError(f"tolerance must be a finite, non-negative number of seconds, got {window!r}")
    clock = time.time() if now is None else now
    if not _is_finite(clock):
        raise ValueError(f"now must be a finite number of unix seconds, got {now!r}")
    return window, clock


def _assert_fresh(timestamp: int, window: float, clock: float) -> None:
    current = int(clock)
    if current - timestamp > window:
        raise InvalidWebhookSignatureError(
            "timestamp_too_old",
            f"The signature timestamp is {current - timestamp} s old (tolerance {window:g} s): "
            "a replay, or a clock that is off.",
        )
    if timestamp - current > window:
        raise InvalidWebhookSignatureError(
            "timestamp_in_future",
            f"The signature timestamp is {timestamp - current} s in the future (tolerance {window:g} s): "
            "check your clock.",
        )


def _is_finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _read_header(headers: SignatureHeaders, name: str) -> str:
    value: object
    if headers is None or isinstance(headers, str):
        value = headers
    elif isinstance(headers, Mapping):
        wanted = name.lower()
        mapping = cast("Mapping[object, object]", headers)
        value = next((item for key, item in mapping.items() if str(key).lower() == wanted), None)
    elif isinstance(headers, (list, tuple)):
        value = as_list(headers)
    elif isinstance(headers, _HasGet):
        value = cast("object", headers.get(name))
    else:
        raise InvalidWebhookSignatureError(
            "malformed_header",
            f"Pass the {name} header's value (a string) or the request headers, got {type(headers).__name__}.",
        )
    parts = as_list(value)
    if parts is not None:
        if not all(isinstance(part, str) for part in parts):
            raise InvalidWebhookSignatureError("malformed_header", f"The {name} header values must be strings.")
        value = ",".join(str(part) for part in parts)
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if value is not None and not isinstance(value, str):
        raise InvalidWebhookSignatureError(
            "malformed_header", f"The {name} header must be a string, got {type(value).__name__}."
        )
    if value is None or value.strip() == "":
        raise InvalidWebhookSignatureError("missing_header", f"The {name} header is missing or empty.")
    return value


def _body_bytes(payload: object) -> bytes:
    if isinstance(payload, str):
        return payload.encode("utf-8")
    if isinstance(payload, (bytes, bytearray)):
        return bytes(payload)
    if isinstance(payload, memoryview):
        return cast("memoryview[int]", payload).tobytes()
    raise InvalidWebhookSignatureError(
        "signature_mismatch",
        f"The webhook body must be the raw request body (bytes or str), got {type(payload).__name__}: the signature"
        " covers the exact bytes received, so verify the raw body and parse it afterwards.",
    )
