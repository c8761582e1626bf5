"""Error fields read through the plan's envelope paths, the request id header named by the plan, the plan's retry
statuses, and an operation documented without a body."""

from __future__ import annotations

import dataclasses
from typing import Any, Optional

import pytest

from embott_runtime import (
    APIStatusError,
    BaseModel,
    ClientInfo,
    ConflictError,
    ErrorEnvelope,
    RequestSpec,
    SyncAPIClient,
    UnprocessableEntityError,
)

from .conftest import LocalServer, send_json

#: A flat, problem+json-like envelope and a `x-trace-id` request id header.
FLAT = ClientInfo(
    package="flat_test",
    version="0.0.0",
    base_url_env="FLAT_TEST_BASE_URL",
    log_env="FLAT_TEST_LOG",
    default_base_url="https://api.example.com",
    request_id_header="x-trace-id",
    error_envelope=ErrorEnvelope(message=("detail",), code=("code",), param=("field",), request_id=("trace_id",)),
)


class Flat(SyncAPIClient):
    def __init__(self, base_url: str, info: ClientInfo = FLAT, max_retries: Optional[int] = 0) -> None:
        super().__init__(
            info,
            base_url=base_url,
            timeout=None,
            max_retries=max_retries,
            max_retry_after=None,
            default_headers=None,
            http_client=None,
        )


def test_fields_are_read_where_the_envelope_says(local: LocalServer) -> None:
    body = {"detail": "name must not be empty", "code": "invalid_name", "field": "name", "trace_id": "trace_9"}
    local.routes["/w"] = lambda handler: send_json(handler, 422, body)
    with pytest.raises(UnprocessableEntityError) as caught:
        Flat(local.url).request(dict, RequestSpec("POST", "/w", body={"name": ""}))
    error = caught.value
    assert (error.status_code, error.code, error.param, error.request_id) == (422, "invalid_name", "name", "trace_9")
    assert error.error_message == "name must not be empty" and error.type is None
    assert str(error).startswith("422 invalid_name: name must not be empty (request id trace_9).")
    assert error.error == body


def test_the_request_id_header_wins_and_409_is_a_conflict(local: LocalServer) -> None:
    body = {"detail": "widget exists", "code": "conflict", "trace_id": "trace_1"}
    local.routes["/w"] = lambda handler: send_json(handler, 409, body, {"x-trace-id": "req_7"})
    with pytest.raises(ConflictError) as caught:
        Flat(local.url).request(dict, RequestSpec("POST", "/w"))
    assert caught.value.request_id == "req_7" and "(request id req_7)" in str(caught.value)


def test_without_an_envelope_the_message_is_the_status_and_body_text(local: LocalServer) -> None:
    local.routes["/w"] = lambda handler: send_json(handler, 400, {"detail": "ignored shape"})
    with pytest.raises(APIStatusError) as caught:
        Flat(local.url, dataclasses.replace(FLAT, error_envelope=None)).request(dict, RequestSpec("GET", "/w"))
    error: Any = caught.value
    assert error.code is None and error.error_message is None and error.error is None
    assert str(error).startswith("400 (request id none).")


def test_retry_statuses_come_from_the_info(local: LocalServer, waits: list[float]) -> None:
    local.routes["/w"] = lambda handler: send_json(handler, 425, {"detail": "too early"})
    info = dataclasses.replace(FLAT, retry_statuses=frozenset({425}), min_server_error_status=600)
    with pytest.raises(APIStatusError):
        Flat(local.url, info, max_retries=1).request(dict, RequestSpec("GET", "/w"))
    assert len(local.requests) == 2 and len(waits) == 1
    local.requests.clear()
    local.routes["/w"] = lambda handler: send_json(handler, 503, {"detail": "down"})
    with pytest.raises(APIStatusError):
        Flat(local.url, info, max_retries=1).request(dict, RequestSpec("GET", "/w"))
    assert len(local.requests) == 1


def test_default_max_retries_comes_from_the_info(local: LocalServer, waits: list[float]) -> None:
    local.routes["/w"] = lambda handler: send_json(handler, 500, {"detail": "down"})
    with pytest.raises(APIStatusError):
        Flat(local.url, dataclasses.replace(FLAT, default_max_retries=3), max_retries=None).request(
            dict, RequestSpec("GET", "/w")
        )
    assert len(local.requests) == 4 and len(waits) == 3


def test_an_operation_documented_without_a_body_ignores_what_the_server_sends(local: LocalServer) -> None:
    local.routes["/w"] = lambda handler: send_json(handler, 200, {"unexpected": True})
    assert Flat(local.url).request(type(None), RequestSpec("DELETE", "/w")) is None


def test_the_next_page_cursor_is_sent_after_the_other_params() -> None:
    spec = RequestSpec("GET", "/w", query={"page": 1, "per_page": 2}).with_query(page=2)
    assert list(spec.query.items()) == [("per_page", 2), ("page", 2)]


class Widget(BaseModel):
    id: str


def test_a_success_result_reads_its_request_id_from_the_plans_header(local: LocalServer) -> None:
    headers = {"x-trace-id": "trace_ok", "x-request-id": "not_this_one"}
    local.routes["/ok"] = lambda handler: send_json(handler, 200, {"id": "w_1"}, headers)
    widget = Flat(local.url).request(Widget, RequestSpec("GET", "/ok"))
    assert (widget.id, widget.request_id) == ("w_1", "trace_ok")
