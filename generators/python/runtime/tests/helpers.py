"""A minimal client built on the runtime (what generated code does), and the mock's control API."""

from __future__ import annotations

from typing import Any, Optional

import httpx

from embott_runtime import AsyncAPIClient, ClientInfo, Credential, ErrorEnvelope, SyncAPIClient

INFO = ClientInfo(
    package="embott_test",
    version="0.0.0",
    base_url_env="EMBOTT_TEST_BASE_URL",
    log_env="EMBOTT_TEST_LOG",
    default_base_url="https://api.embott.com/v1",
    credentials=(Credential("api_key", "EMBOTT_TEST_API_KEY", "bearer"),),
    security=(("api_key",),),
    error_envelope=ErrorEnvelope(
        message=("error", "message"),
        code=("error", "code"),
        type=("error", "type"),
        param=("error", "param"),
        request_id=("error", "request_id"),
    ),
)


class Client(SyncAPIClient):
    def __init__(self, *, api_key: Optional[str] = None, base_url: Optional[str] = None, **options: Any) -> None:
        super().__init__(
            INFO,
            credentials={"api_key": api_key},
            base_url=base_url,
            timeout=options.get("timeout"),
            max_retries=options.get("max_retries"),
            max_retry_after=options.get("max_retry_after"),
            default_headers=options.get("default_headers"),
            http_client=options.get("http_client"),
        )


class AsyncClient(AsyncAPIClient):
    def __init__(self, *, api_key: Optional[str] = None, base_url: Optional[str] = None, **options: Any) -> None:
        super().__init__(
            INFO,
            credentials={"api_key": api_key},
            base_url=base_url,
            timeout=options.get("timeout"),
            max_retries=options.get("max_retries"),
            max_retry_after=options.get("max_retry_after"),
            default_headers=options.get("default_headers"),
            http_client=options.get("http_client"),
        )


class MockServer:
    """The control endpoints of `@embott/mock` (`/__mock/*`)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.api = f"{url}/v1"

    def control(self, method: str, path: str, body: object = None) -> Any:
        response = httpx.request(method, f"{self.url}/__mock{path}", json=body)
        response.raise_for_status()
        return response.json()

    def reset(self) -> None:
        self.control("POST", "/reset")

    def fault(self, **fault: object) -> None:
        self.control("POST", "/faults", fault)

    def requests(self, **query: str) -> list[dict[str, Any]]:
        params = "&".join(f"{key}={value}" for key, value in query.items())
        data: list[dict[str, Any]] = self.control("GET", f"/requests?{params}")["data"]
        return data
