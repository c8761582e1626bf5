"""Runs one neutral scenario through the Python SDK against the HTTP mock; returns what did not hold."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import embott
from embott import Embott

from . import checks
from .mock_control import MockControl

DEFAULT_KEY = "sk_live_admin_0001"

#: Neutral error class -> the SDK's exception (APITimeoutError before its parent APIConnectionError).
CLASSES: dict[str, type[BaseException]] = {
    "bad_request": embott.BadRequestError,
    "authentication": embott.AuthenticationError,
    "permission_denied": embott.PermissionDeniedError,
    "not_found": embott.NotFoundError,
    "conflict": embott.ConflictError,
    "unprocessable_entity": embott.UnprocessableEntityError,
    "rate_limit": embott.RateLimitError,
    "internal_server": embott.InternalServerError,
    "timeout": embott.APITimeoutError,
    "connection": embott.APIConnectionError,
}


def snake(raw: str) -> str:
    """`sendMessage` -> `send_message`, as the Python naming refiner cases method and resource words."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", raw).replace("-", "_").lower()


def wire(value: Any) -> Any:
    """The wire JSON of a result: models as received (unknown fields included), lists mapped."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [wire(item) for item in value]
    return value


class Runner:
    def __init__(self, mock: MockControl, repo_root: Path) -> None:
        self.mock = mock
        self.repo_root = repo_root
        self.saved: dict[str, Any] = {}

    def run(self, scenario: dict[str, Any]) -> list[str]:
        self.mock.apply(scenario)
        self.saved = {}
        settings = scenario.get("client", {})
        server = self.mock.canned_url if settings.get("server") == "canned" else self.mock.mock_url
        options: dict[str, Any] = {
            "api_key": settings.get("api_key", DEFAULT_KEY),
            "base_url": f"{server}/v1",
            "timeout": settings.get("timeout_ms", 10_000) / 1000,
        }
        if "max_retries" in settings:
            options["max_retries"] = settings["max_retries"]
        with Embott(**options) as client:
            for index, step in enumerate(scenario["steps"]):
                problems = self.step(step, client)
                if problems:
                    label = f"step {index + 1}" + (f" ({step['call']})" if "call" in step else "")
                    return [f"{label}: {problem}" for problem in problems]
        return []

    def step(self, step: dict[str, Any], client: Embott) -> list[str]:
        if "call" in step:
            return self.call(step, client)
        if "mock" in step:
            spec = step["mock"]
            body = checks.substitute(spec.get("body"), self.saved)
            status, answer = self.mock.send(spec["method"], self.mock.mock_url + spec["path"], body)
            if "save" in step:
                self.saved[step["save"]] = answer
            want = step.get("expect_status")
            return [f"{spec['path']} answered {status}, expected {want}"] if want is not None and status != want else []
        if "requests" in step:
            return self.mock.check_requests(step["requests"])
        if "sleep_ms" in step:
            time.sleep(step["sleep_ms"] / 1000)
            return []
        if "webhook_vectors" in step:
            return self.vectors(client, step["webhook_vectors"], step["min_cases"])
        return DeliveryCheck(self.mock, client).run(step["webhook_delivery"])

    def call(self, step: dict[str, Any], client: Embott) -> list[str]:
        resource_id, method_name = step["call"].split(".", 1)
        resource = getattr(client, snake(resource_id))
        method = getattr(resource, snake(method_name))
        args = {snake(key): value for key, value in checks.substitute(step.get("args", {}), self.saved).items()}
        expect = step["expect"]
        mode = step.get("mode", "plain")
        headers: Any = None
        try:
            if mode == "plain" and "rate_limit" in expect and "error" not in expect:
                raw = getattr(resource.with_raw_response, snake(method_name))(**args)
                result, headers = raw.parse(), raw.headers
            else:
                result = method(**args)
            if mode == "plain":
                outcome: dict[str, Any] = {"kind": "result", "value": wire(result)}
            elif mode == "page":
                outcome = {"kind": "page", "items": wire(list(result.items)), "has_next": result.has_next_page()}
            elif mode == "paginate":
                outcome = {"kind": "items", "items": [wire(item) for item in result]}
            else:
                with result as stream:
                    outcome = {"kind": "events", "items": [wire(event) for event in stream]}
        except Exception as error:  # every SDK error is an outcome to check
            if "error" not in expect:
                return [f"unexpected {type(error).__name__}: {error}"]
            problems = self.check_error(error, expect)
            if expect["error"].get("idempotency_key") and expect.get("requests"):
                logged = self.mock.idempotency_keys(expect["requests"][0]["operation_id"])
                sent = getattr(error, "idempotency_key", None)
                if not isinstance(sent, str) or sent not in logged:
                    problems.append(f"error idempotency key is {sent!r}; the mock received {logged!r}")
            return problems + self.mock.check_requests(expect.get("requests", []))
        if "error" in expect:
            return [f"expected a {expect['error']['class']} error, got a {outcome['kind']}"]
        problems = self.check_outcome(outcome, result, headers, expect)
        if outcome["kind"] == "result" and "save" in step:
            self.saved[step["save"]] = outcome["value"]
        return problems + self.mock.check_requests(expect.get("requests", []))

    def check_outcome(self, outcome: dict[str, Any], result: Any, headers: Any, expect: dict[str, Any]) -> list[str]:
        problems: list[str] = []
        kind = outcome["kind"]
        if kind == "result":
            if "result" in expect:
                problems += checks.match(outcome["value"], expect["result"], "result")
            if expect.get("request_id") and not re.match(r"^req_", str(getattr(result, "request_id", None))):
                problems.append(f"result request id is {getattr(result, 'request_id', None)!r}, expected req_...")
            want = expect.get("rate_limit", {}).get("limit")
            if want is not None:
                limit = headers.get("x-ratelimit-limit") if headers is not None else None
                if limit is None or int(limit) != want:
                    problems.append(f"rate limit {limit}, expected {want}")
        elif kind == "page":
            page = expect.get("page")
            if page and (len(outcome["items"]) != page["count"] or outcome["has_next"] != page["has_next"]):
                problems.append(
                    f"page has {len(outcome['items'])} items (next: {outcome['has_next']}), "
                    f"expected {page['count']} (next: {page['has_next']})"
                )
            problems += checks.items(outcome["items"], expect.get("items", {}))
        elif kind == "items":
            problems += checks.items(outcome["items"], expect.get("items", {}))
        elif "events" in expect:
            problems += checks.events(outcome["items"], expect["events"])
        return problems

    def check_error(self, error: Exception, expect: dict[str, Any]) -> list[str]:
        want = expect["error"]
        cls = CLASSES[want["class"]]
        if not isinstance(error, cls):
            return [f"expected {cls.__name__}, got {type(error).__name__}: {error}"]
        status_error = error if isinstance(error, embott.APIStatusError) else None
        envelope = (status_error.error if status_error else None) or {}
        retried = re.search(r"Retried (\d+) time", str(error))
        actual = {
            "status": status_error.status_code if status_error else None,
            "type": envelope.get("type"),
            "code": envelope.get("code"),
            "param": envelope.get("param"),
            "retries": int(retried.group(1)) if retried else (0 if status_error else None),
        }
        problems = [
            f"error {field} is {value!r}, expected {want[field]!r}"
            for field, value in actual.items()
            if field in want and value != want[field]
        ]
        message = str(error)
        problems += [
            f"error message does not name {text!r}: {message}"
            for text in want.get("message_contains", [])
            if text not in message
        ]
        problems += [f"error message contains {text!r}" for text in want.get("message_excludes", []) if text in message]
        request_id = status_error.request_id if status_error else None
        if want.get("request_id") and not re.match(r"^req_", str(request_id)):
            problems.append(f"error request id is {request_id!r}, expected req_...")
        if "rate_limit" in expect:
            info = status_error.rate_limit if status_error else None
            limit = info.limit if info else None
            after = info.retry_after if info else None
            if "limit" in expect["rate_limit"] and limit != expect["rate_limit"]["limit"]:
                problems.append(f"error rate-limit limit is {limit!r}, expected {expect['rate_limit']['limit']}")
            if "retry_after" in expect["rate_limit"] and after != expect["rate_limit"]["retry_after"]:
                problems.append(f"error retry-after is {after!r}, expected {expect['rate_limit']['retry_after']}")
        return problems

    def vectors(self, client: Embott, file: str, min_cases: int) -> list[str]:
        cases = json.loads((self.repo_root / file).read_text("utf-8"))["cases"]
        own = [
            case
            for case in cases
            if case["scheme"]["header"] == "Embott-Signature"
            and case["scheme"]["scheme"] == "timestamped"
            and case["scheme"]["encoding"] == "hex"
        ]
        problems = (
            [] if len(own) >= min_cases else [f"{len(own)} vectors of the spec's scheme, expected at least {min_cases}"]
        )
        for case in own:
            body = base64.b64decode(case["body"]) if case["body_encoding"] == "base64" else case["body"].encode()
            got = verify(client, body, case["header"], case["secret"], tolerance=case["tolerance"], now=case["now"])
            if got != case["expect"]:
                problems.append(f"vector {case['name']}: got {got}, expected {case['expect']}")
        return problems


def verify(client: Embott, body: bytes, header: Any, secret: str, **options: Any) -> str:
    """`valid` or the signature error's code."""
    try:
        client.webhooks.verify(body, header, secret, **options)
        return "valid"
    except embott.InvalidWebhookSignatureError as error:
        return error.code


class DeliveryCheck:
    """A signed delivery from the mock to a local receiver on 127.0.0.1:0, verified and unwrapped with the SDK."""

    def __init__(self, mock: MockControl, client: Embott) -> None:
        self.mock = mock
        self.client = client

    def run(self, spec: dict[str, Any]) -> list[str]:
        received: list[tuple[dict[str, str], bytes]] = []
        arrived = threading.Event()

        class Receiver(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                received.append(({name.lower(): value for name, value in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()
                arrived.set()

            def log_message(self, *_: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            port = server.server_address[1]
            subscription = self.mock.control(
                "POST", "/__mock/webhooks", {"url": f"http://127.0.0.1:{port}/hook", "events": spec["events"]}
            )
            secrets = [subscription["secret"]]
            if spec.get("rotate_secret"):
                rotated = self.mock.control("POST", f"/__mock/webhooks/{subscription['id']}/rotate-secret", {})
                secrets.insert(0, rotated["secret"])
            self.mock.control("POST", "/__mock/events", spec["trigger"])
            if not arrived.wait(5):
                return ["no delivery reached the local receiver within 5 s"]
        finally:
            server.shutdown()
            server.server_close()
        headers, body = received[0]
        return self.check(spec, headers, body, secrets)

    def check(self, spec: dict[str, Any], headers: dict[str, str], body: bytes, secrets: list[str]) -> list[str]:
        problems: list[str] = []
        signature = headers.get("embott-signature", "")
        entries = sum(1 for part in signature.split(",") if part.strip().startswith("v1="))
        if entries != len(secrets):
            problems.append(f"the delivery carries {entries} v1= entries, expected {len(secrets)}")
        for secret in secrets:
            verdict = verify(self.client, body, signature, secret)
            if verdict != "valid":
                problems.append(f"the delivery does not verify with {secret[:10]}...: {verdict}")
            event = wire(self.client.webhooks.unwrap(body, headers, secret))
            if checks.lookup(event, "type") != spec["expect_type"]:
                problems.append(
                    f"unwrapped event type {checks.lookup(event, 'type')!r}, expected {spec['expect_type']}"
                )
        verdict = verify(self.client, body + b" ", signature, secrets[0])
        if verdict != "signature_mismatch":
            problems.append(f"a tampered body gave {verdict}, expected signature_mismatch")
        return problems
