"""Errors by status from the mock, configuration errors at construction, and the key kept out of everything."""

from __future__ import annotations

import logging
import pickle
import traceback

import httpx
import pytest

from embott_runtime import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    NotFoundError,
    PermissionDeniedError,
    RequestSpec,
    SDKError,
    UnprocessableEntityError,
)
from embott_runtime.errors import APIError, status_error_class

from .conftest import ADMIN_KEY, LocalServer, send_json
from .helpers import Client, MockServer

SECRET = "sk_live_supersecret_0001"


def test_status_classes() -> None:
    assert status_error_class(400) is BadRequestError
    assert status_error_class(422) is UnprocessableEntityError
    assert status_error_class(418) is APIStatusError
    assert issubclass(status_error_class(503), APIError)
    assert issubclass(APIError, SDKError)


def test_errors_from_the_mock_say_status_request_id_and_what_to_do(mock_server: MockServer) -> None:
    readonly = Client(api_key="pk_test_bots_readonly_0001", base_url=mock_server.api)
    with pytest.raises(PermissionDeniedError) as denied:
        readonly.request(object, RequestSpec("POST", "/bots", body={"name": "x"}))
    assert denied.value.missing_scope == "bots:write"
    assert denied.value.code == "missing_scope"
    assert "403" in str(denied.value) and str(denied.value.request_id) in str(denied.value)

    unknown = Client(api_key="sk_live_unknown_0001", base_url=mock_server.api)
    with pytest.raises(AuthenticationError) as unauthenticated:
        unknown.request(object, RequestSpec("GET", "/bots"))
    assert "EMBOTT_TEST_API_KEY" in str(unauthenticated.value)
    assert "sk_live_unknown_0001" not in str(unauthenticated.value)

    admin = Client(api_key=ADMIN_KEY, base_url=mock_server.api)
    with pytest.raises(NotFoundError) as missing:
        admin.request(object, RequestSpec("GET", "/bots/bot_nope"))
    assert missing.value.status_code == 404 and missing.value.error is not None
    with pytest.raises(BadRequestError) as bad:
        admin.request(object, RequestSpec("POST", "/bots", body={"name": "x", "welcom_message": "hi"}))
    assert bad.value.param == "welcom_message"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"api_key": None}, "EMBOTT_TEST_API_KEY"),
        ({"api_key": "sk_live_caf\u00e9"}, "non-ASCII"),
        ({"api_key": "sk_live_x\n"}, "whitespace"),
        ({"base_url": "api.embott.com/v1"}, "absolute http(s) URL"),
        ({"max_retries": -1}, "max_retries"),
        ({"timeout": 0}, "timeout"),
        ({"max_retry_after": float("nan")}, "max_retry_after"),
    ],
)
def test_bad_configuration_fails_at_construction(
    monkeypatch: pytest.MonkeyPatch, options: dict[str, object], message: str
) -> None:
    monkeypatch.delenv("EMBOTT_TEST_API_KEY", raising=False)
    arguments: dict[str, object] = {"api_key": ADMIN_KEY, **options}
    with pytest.raises(ConfigurationError) as caught:
        Client(**arguments)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_environment_supplies_key_and_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMBOTT_TEST_API_KEY", SECRET)
    monkeypatch.setenv("EMBOTT_TEST_BASE_URL", "http://127.0.0.1:1/v1/")
    client = Client()
    assert client.api_key == SECRET and client.base_url == "http://127.0.0.1:1/v1"
    assert SECRET not in repr(client) and SECRET not in str(client)


def test_an_echoed_key_is_scrubbed_from_message_body_error_headers_and_logs(
    local: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    def echo(handler: object) -> None:
        send_json(
            handler,  # type: ignore[arg-type]
            400,
            {"error": {"type": "invalid_request_error", "message": f"bad key {SECRET}", "param": SECRET}},
            {"x-echo": f"Bearer {SECRET}", "x-request-id": "req_echo"},
        )

    local.routes["/echo"] = echo
    client = Client(api_key=SECRET, base_url=local.url, max_retries=0)
    caplog.set_level(logging.DEBUG, logger="embott_test")
    with pytest.raises(BadRequestError) as caught:
        client.request(object, RequestSpec("POST", "/echo", body={"note": SECRET}))
    error = caught.value
    rendered = [
        str(error),
        repr(error),
        str(error.body),
        str(error.error),
        str(error.headers),
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    ]
    for text in rendered:
        assert SECRET not in text
    assert "***" in str(error) and error.request_id == "req_echo"
    logging.getLogger("embott_test").warning("leaked %s", SECRET)
    assert SECRET not in caplog.text and "POST" in caplog.text


def test_errors_survive_pickling_free_of_the_key(local: LocalServer) -> None:
    local.routes["/gone"] = lambda h: send_json(h, 404, {"error": {"type": "not_found_error", "message": "gone"}})
    client = Client(api_key=SECRET, base_url=local.url)
    with pytest.raises(NotFoundError) as caught:
        client.request(object, RequestSpec("GET", "/gone"))
    assert SECRET.encode() not in pickle.dumps(caught.value.body)


def test_bring_your_own_http_client_is_typed(local: LocalServer) -> None:
    with pytest.raises(TypeError, match=r"httpx\.Client"):
        Client(api_key=ADMIN_KEY, http_client=httpx.AsyncClient())
    local.routes["/ok"] = lambda h: send_json(h, 200, {"ok": True})
    with httpx.Client(headers={"x-custom": "1"}) as http:
        client = Client(api_key=ADMIN_KEY, base_url=local.url, http_client=http, default_headers={"x-default": "2"})
        assert client.request(dict, RequestSpec("GET", "/ok")) == {"ok": True}
    headers = local.requests[0].headers
    assert headers.get("x-default") == "2" and headers.get("Authorization") == f"Bearer {ADMIN_KEY}"
