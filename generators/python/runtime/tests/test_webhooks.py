"""Webhook verification: every shared vector, header shapes, and hostile input that must fail typed."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Annotated, Any, Literal, Union, cast

import httpx
import pydantic
import pytest

from embott_runtime import (
    APIResponseValidationError,
    BaseModel,
    InvalidWebhookSignatureError,
    SDKError,
    SignatureScheme,
    UnknownWebhookEvent,
    parse_event,
)
from embott_runtime.webhooks import generate_test_header, unwrap, verify

VECTORS = json.loads((Path(__file__).resolve().parents[4] / "testdata/webhook-signatures.json").read_text())["cases"]
SCHEME = SignatureScheme(header="Embott-Signature", tolerance=300)
SECRET = "whsec_test_secret"


def _scheme(raw: dict[str, Any]) -> SignatureScheme:
    return SignatureScheme(
        header=raw["header"],
        scheme=raw["scheme"],
        encoding=raw["encoding"],
        prefix=raw.get("prefix", ""),
        tolerance=raw.get("tolerance"),
    )


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_shared_vectors(case: dict[str, Any]) -> None:
    body = case["body"].encode() if case["body_encoding"] == "utf8" else base64.b64decode(case["body"])
    payloads: list[Any] = [body, bytearray(body), memoryview(body)]
    if case["body_encoding"] == "utf8":
        payloads.append(case["body"])
    for payload in payloads:
        try:
            verify(
                payload,
                case["header"],
                case["secret"],
                scheme=_scheme(case["scheme"]),
                tolerance=case["tolerance"],
                now=case["now"],
            )
            outcome = "valid"
        except InvalidWebhookSignatureError as error:
            outcome = error.code
        assert outcome == case["expect"]


def test_header_shapes_dicts_httpx_headers_and_lists() -> None:
    body = '{"type":"lead.captured"}'
    header = generate_test_header(body, SECRET, scheme=SCHEME)
    verify(body, {"embott-signature": header}, SECRET, scheme=SCHEME)
    verify(body, httpx.Headers({"Embott-Signature": header}), SECRET, scheme=SCHEME)
    verify(body, [header], SECRET, scheme=SCHEME)
    assert unwrap(body, {"EMBOTT-SIGNATURE": header}, SECRET, scheme=SCHEME) == {"type": "lead.captured"}


def test_rotation_accepts_any_v1_and_generated_headers_round_trip_mappings() -> None:
    body = {"type": "bot.deployed", "data": {"id": "bot_1"}}
    old = generate_test_header(body, "whsec_old", scheme=SCHEME, timestamp=int(time.time()))
    new = generate_test_header(body, "whsec_new", scheme=SCHEME, timestamp=int(time.time()))
    both = f"{new},{old.split(',')[1]}"
    raw = json.dumps(body, separators=(",", ":"))
    verify(raw, both, "whsec_old", scheme=SCHEME)
    verify(raw, both, "whsec_new", scheme=SCHEME)


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        (None, "missing_header"),
        ({}, "missing_header"),
        ("   ", "missing_header"),
        ({"Embott-Signature": 42}, "malformed_header"),
        ({"Embott-Signature": [b"t=1"]}, "malformed_header"),
        ("t=abc,v1=00", "malformed_header"),
        ("v1=00", "malformed_header"),
        ("garbage", "malformed_header"),
        ("t=1,v0=00", "no_signatures"),
        ("t=1,v1=\u00e9\u00e9", "signature_mismatch"),
    ],
)
def test_bad_headers_are_typed_errors(headers: Any, code: str) -> None:
    with pytest.raises(InvalidWebhookSignatureError) as caught:
        verify("{}", headers, SECRET, scheme=SCHEME, now=1)
    assert caught.value.code == code


def test_parsed_bodies_and_non_events_are_rejected_clearly() -> None:
    with pytest.raises(InvalidWebhookSignatureError, match="raw request body"):
        verify({"type": "x"}, "t=1,v1=00", SECRET, scheme=SCHEME)  # type: ignore[arg-type]
    header = generate_test_header("42", SECRET, scheme=SCHEME)
    with pytest.raises(SDKError, match="not an event object"):
        unwrap("42", header, SECRET, scheme=SCHEME)
    with pytest.raises(SDKError, match="secret is required"):
        verify("{}", header, "", scheme=SCHEME)
    with pytest.raises(ValueError, match="now must be"):
        verify("42", header, SECRET, scheme=SCHEME, now=float("nan"))
    tampered = header.replace("v1=", "v1=0")
    with pytest.raises(InvalidWebhookSignatureError, match="raw request body"):
        verify('{"a":1}', generate_test_header('{"a": 1}', SECRET, scheme=SCHEME), SECRET, scheme=SCHEME)
    with pytest.raises(InvalidWebhookSignatureError):
        verify("42", tampered, SECRET, scheme=SCHEME)


def test_tolerance_is_configurable_and_a_second_t_is_malformed() -> None:
    header = generate_test_header("{}", SECRET, scheme=SCHEME, timestamp=1000)
    verify("{}", header, SECRET, scheme=SCHEME, now=1500, tolerance=600)
    with pytest.raises(InvalidWebhookSignatureError) as caught:
        verify("{}", header, SECRET, scheme=SCHEME, now=1500)
    assert caught.value.code == "timestamp_too_old"
    for twice in ("t=9999," + header, header.replace(",", ",t=1000,")):
        with pytest.raises(InvalidWebhookSignatureError) as duplicate:
            verify("{}", twice, SECRET, scheme=SCHEME, now=1000)
        assert duplicate.value.code == "malformed_header"


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), True, "1000"])
def test_now_and_tolerance_must_be_finite_numbers(bad: Any) -> None:
    header = generate_test_header("{}", SECRET, scheme=SCHEME, timestamp=1000)
    with pytest.raises(ValueError, match="now must be a finite number"):
        verify("{}", header, SECRET, scheme=SCHEME, now=bad)
    with pytest.raises(ValueError, match="tolerance must be a finite"):
        verify("{}", header, SECRET, scheme=SCHEME, now=1000, tolerance=bad)


@pytest.mark.parametrize("headers", [42, 4.2, ["t=1", 7], ("t=1", None), {"Embott-Signature": ["t=1", 7]}])
def test_non_string_headers_are_malformed_never_a_crash(headers: Any) -> None:
    with pytest.raises(InvalidWebhookSignatureError) as caught:
        verify("{}", headers, SECRET, scheme=SCHEME, now=1)
    assert caught.value.code == "malformed_header"


class _Started(BaseModel):
    type: Literal["started"]
    at: int


class _Ended(BaseModel):
    type: Literal["ended"]


_Event = Annotated[Union[_Started, _Ended], pydantic.Field(discriminator="type")]


def test_parse_event_types_known_events_and_keeps_unknown_ones_whole() -> None:
    target = cast("type[Union[_Started, _Ended]]", _Event)
    assert isinstance(parse_event(target, {"type": "started", "at": 1}), _Started)
    unknown = parse_event(target, {"type": "paused", "for": {"seconds": 3}})
    assert isinstance(unknown, UnknownWebhookEvent)
    assert unknown.to_dict() == {"type": "paused", "for": {"seconds": 3}}
    with pytest.raises(APIResponseValidationError):
        parse_event(target, {"type": "started", "at": "never"})
    with pytest.raises(APIResponseValidationError):
        parse_event(target, {"no_type": True})
