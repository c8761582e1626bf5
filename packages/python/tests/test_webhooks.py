"""Webhook verification: the shared vectors through the client, and signed deliveries from the mock."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import embott
from embott import Embott
from embott._runtime import SignatureScheme, verify
from embott.types import LeadCapturedEvent

from .conftest import Mock

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[3] / "testdata/webhook-signatures.json").read_text()
)["cases"]


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_every_shared_vector_with_the_packaged_runtime(case: dict[str, Any]) -> None:
    body = case["body"].encode() if case["body_encoding"] == "utf8" else base64.b64decode(case["body"])
    raw = case["scheme"]
    scheme = SignatureScheme(
        header=raw["header"], scheme=raw["scheme"], encoding=raw["encoding"], prefix=raw.get("prefix", "")
    )
    try:
        verify(
            body,
            {raw["header"].lower(): case["header"]},
            case["secret"],
            scheme=scheme,
            tolerance=case["tolerance"],
            now=case["now"],
        )
        outcome = "valid"
    except embott.InvalidWebhookSignatureError as error:
        outcome = error.code
    assert outcome == case["expect"]


def test_unwrap_returns_a_typed_event_and_rejects_tampering(client: Embott) -> None:
    lead = next(iter(client.leads.list(limit=1))).to_dict()
    event_fields = {"id": "evt_1", "object": "event", "type": "lead.captured", "created_at": "2027-01-01T00:00:00Z"}
    payload = json.dumps({**event_fields, "api_version": "2026-11-01", "data": {**lead, "email": "zoe@example.com"}})
    header = client.webhooks.generate_test_header(payload, "whsec_test")
    event = client.webhooks.unwrap(payload, {"Embott-Signature": header}, "whsec_test")
    assert isinstance(event, LeadCapturedEvent) and event.data.email == "zoe@example.com"
    with pytest.raises(embott.InvalidWebhookSignatureError) as caught:
        client.webhooks.verify(payload.replace("zoe@", "eve@"), header, "whsec_test")
    assert caught.value.code == "signature_mismatch"
    with pytest.raises(embott.EmbottError, match="EMBOTT_WEBHOOK_SECRET"):
        client.webhooks.verify(payload, header)


def test_an_event_of_an_unknown_type_unwraps_to_a_generic_event(client: Embott) -> None:
    payload = json.dumps({"id": "evt_9", "object": "event", "type": "bot.retrained", "data": {"bot_id": "bot_1"}})
    header = client.webhooks.generate_test_header(payload, "whsec_test")
    event = client.webhooks.unwrap(payload, header, "whsec_test")
    assert isinstance(event, embott.UnknownWebhookEvent) and event.type == "bot.retrained"
    assert event.to_dict() == json.loads(payload)
    broken = json.dumps({"id": "evt_9", "object": "event", "type": "lead.captured", "data": "not a lead"})
    with pytest.raises(embott.APIResponseValidationError):
        client.webhooks.unwrap(broken, client.webhooks.generate_test_header(broken, "whsec_test"), "whsec_test")


@pytest.mark.parametrize("bad", [{"now": float("nan")}, {"tolerance": float("inf")}, {"now": "1700000000"}])
def test_a_clock_or_tolerance_that_is_not_a_finite_number_is_a_value_error(client: Embott, bad: Any) -> None:
    payload = json.dumps({"type": "bot.deployed"})
    header = client.webhooks.generate_test_header(payload, "whsec_test")
    with pytest.raises(ValueError, match="finite"):
        client.webhooks.unwrap(payload, header, "whsec_test", **bad)


class Receiver:
    """A local endpoint the mock delivers webhooks to; keeps each delivery's raw body and headers."""

    def __init__(self) -> None:
        self.deliveries: list[tuple[bytes, dict[str, str]]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                receiver.deliveries.append((body, dict(self.headers)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, count: int) -> list[tuple[bytes, dict[str, str]]]:
        deadline = time.monotonic() + 10
        while len(self.deliveries) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.deliveries


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.server.shutdown()
    server.server.server_close()


def test_a_signed_delivery_from_the_mock_verifies(client: Embott, mock: Mock, receiver: Receiver) -> None:
    subscription = mock.control("POST", "/webhooks", {"url": receiver.url, "events": ["lead.captured"]})
    client.conversations.send_message("conv_abc123", role="user", content="Please email me at ada@example.com")
    body, headers = receiver.wait(1)[0]
    event = client.webhooks.unwrap(body, headers, subscription["secret"])
    assert isinstance(event, LeadCapturedEvent) and event.data.email == "ada@example.com"
    with pytest.raises(embott.InvalidWebhookSignatureError):
        client.webhooks.verify(body, headers, "whsec_wrong")


def test_rotated_secrets_both_verify(client: Embott, mock: Mock, receiver: Receiver) -> None:
    subscription = mock.control("POST", "/webhooks", {"url": receiver.url, "events": ["lead.captured"]})
    rotated = mock.control("POST", f"/webhooks/{subscription['id']}/rotate-secret", {})
    client.conversations.send_message("conv_abc123", role="user", content="I am bob@example.com")
    body, headers = receiver.wait(1)[0]
    signature = next(value for key, value in headers.items() if key.lower() == "embott-signature")
    assert signature.count("v1=") == 2
    client.webhooks.verify(body, headers, subscription["secret"])
    client.webhooks.verify(body, headers, rotated["secret"])
