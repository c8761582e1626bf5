"""The mock's /__mock control endpoints and the canned server, over plain HTTP (no SDK involved)."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any


class MockControl:
    def __init__(self, mock_url: str, canned_url: str) -> None:
        self.mock_url = mock_url
        self.canned_url = canned_url

    @classmethod
    def from_env(cls) -> MockControl:
        mock, canned = os.environ.get("EMBOTT_MOCK_URL"), os.environ.get("CONFORMANCE_CANNED_URL")
        if not mock or not canned:
            raise RuntimeError(
                "EMBOTT_MOCK_URL and CONFORMANCE_CANNED_URL are not set: "
                "run through `node scripts/conformance/serve.mjs -- ...`"
            )
        return cls(mock, canned)

    def send(self, method: str, url: str, body: Any = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        headers = {} if body is None else {"content-type": "application/json"}
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, text = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        return status, json.loads(text) if text else None

    def control(self, method: str, path: str, body: Any = None) -> Any:
        status, answer = self.send(method, self.mock_url + path, body)
        if status >= 300:
            raise RuntimeError(f"{method} {path} answered {status}: {json.dumps(answer)}")
        return answer

    def apply(self, scenario: dict[str, Any]) -> None:
        """Reset, then config, keys, faults and the canned answer, in the schema's order."""
        self.control("POST", "/__mock/reset")
        setup = scenario.get("setup", {})
        if "config" in setup:
            self.control("POST", "/__mock/config", setup["config"])
        for key in setup.get("keys", []):
            self.control("POST", "/__mock/keys", key)
        for fault in setup.get("faults", []):
            self.control("POST", "/__mock/faults", fault)
        if "canned" in setup:
            status, answer = self.send("POST", self.canned_url + "/__canned", setup["canned"])
            if status != 200:
                raise RuntimeError(f"the canned server refused the response: {answer}")

    def idempotency_keys(self, operation_id: str) -> list[str]:
        """The distinct Idempotency-Keys the mock logged for an operation since the reset."""
        query = urllib.parse.urlencode({"operation_id": operation_id})
        log = self.control("GET", f"/__mock/requests?{query}")["data"]
        return sorted({entry["idempotency_key"] for entry in log if entry["idempotency_key"]})

    def check_requests(self, expected: list[dict[str, Any]]) -> list[str]:
        """Request-log problems since the reset: count per operation, distinct idempotency keys."""
        problems: list[str] = []
        for want in expected:
            query = urllib.parse.urlencode({"operation_id": want["operation_id"]})
            log = self.control("GET", f"/__mock/requests?{query}")["data"]
            if len(log) != want["count"]:
                problems.append(
                    f"{want['operation_id']}: the mock received {len(log)} requests, expected {want['count']}"
                )
            if "idempotency_keys" in want:
                keys = {entry["idempotency_key"] for entry in log if entry["idempotency_key"]}
                if len(keys) != want["idempotency_keys"]:
                    problems.append(
                        f"{want['operation_id']}: {len(keys)} distinct Idempotency-Keys, expected {want['idempotency_keys']}"
                    )
        return problems
