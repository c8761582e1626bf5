"""Credentials: one option per scheme, the first alternative the client holds, placement, scrubbing, and the
typed error (at construction or before sending) when no alternative fits."""

from __future__ import annotations

import asyncio
import base64
import logging
import re
from typing import Any, Optional

import pytest

from embott_runtime import (
    AsyncAPIClient,
    ClientInfo,
    ConfigurationError,
    Credential,
    RequestSpec,
    SyncAPIClient,
)

from .conftest import LocalServer, send_json

#: A two-header alternative, then a bearer token; a query key and a cookie only some operations take.
INFO = ClientInfo(
    package="repro_test",
    version="0.0.0",
    base_url_env="REPRO_TEST_BASE_URL",
    log_env="REPRO_TEST_LOG",
    default_base_url="https://api.example.com",
    credentials=(
        Credential("api_key", "REPRO_TEST_API_KEY", "bearer"),
        Credential("auth_email", "REPRO_TEST_AUTH_EMAIL", "header", "X-Auth-Email"),
        Credential("auth_key", "REPRO_TEST_AUTH_KEY", "header", "X-Auth-Key"),
        Credential("partner_key", "REPRO_TEST_PARTNER_KEY", "query", "partner_key"),
        Credential("session", "REPRO_TEST_SESSION", "cookie", "sid"),
        Credential("login", "REPRO_TEST_LOGIN", "basic"),
    ),
    security=(("auth_email", "auth_key"), ("api_key",)),
)

ENV = [credential.env for credential in INFO.credentials]


class Repro(SyncAPIClient):
    def __init__(self, *, base_url: Optional[str] = None, **credentials: Optional[str]) -> None:
        super().__init__(
            INFO,
            credentials=credentials,
            base_url=base_url,
            timeout=None,
            max_retries=0,
            max_retry_after=None,
            default_headers=None,
            http_client=None,
        )


class AsyncRepro(AsyncAPIClient):
    def __init__(self, *, base_url: Optional[str] = None, **credentials: Optional[str]) -> None:
        super().__init__(
            INFO,
            credentials=credentials,
            base_url=base_url,
            timeout=None,
            max_retries=0,
            max_retry_after=None,
            default_headers=None,
            http_client=None,
        )


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def ok(local: LocalServer) -> LocalServer:
    local.routes["/x"] = lambda handler: send_json(handler, 200, {"ok": True})
    return local


def sent(local: LocalServer) -> dict[str, str]:
    return {name.lower(): value for name, value in local.requests[-1].headers.items()}


def test_two_headers_are_one_alternative_and_win_over_the_token(ok: LocalServer) -> None:
    client = Repro(base_url=ok.url, auth_email="me@example.com", auth_key="key_1", api_key="tok_1")
    client.request(dict, RequestSpec("GET", "/x"))
    headers = sent(ok)
    assert headers["x-auth-email"] == "me@example.com" and headers["x-auth-key"] == "key_1"
    assert "authorization" not in headers


def test_the_token_alone_is_sent_as_bearer(ok: LocalServer) -> None:
    Repro(base_url=ok.url, api_key="tok_1").request(dict, RequestSpec("GET", "/x"))
    headers = sent(ok)
    assert headers["authorization"] == "Bearer tok_1" and "x-auth-email" not in headers


def test_credentials_come_from_their_environment_variables(ok: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPRO_TEST_AUTH_EMAIL", "env@example.com")
    monkeypatch.setenv("REPRO_TEST_AUTH_KEY", "key_env")
    Repro(base_url=ok.url).request(dict, RequestSpec("GET", "/x"))
    assert sent(ok)["x-auth-key"] == "key_env"


def test_half_an_alternative_fails_at_construction_naming_every_option_and_variable() -> None:
    with pytest.raises(ConfigurationError) as caught:
        Repro(auth_email="me@example.com")
    assert str(caught.value) == (
        "Missing credentials: construct Repro(auth_email=..., auth_key=...) or Repro(api_key=...) "
        "(or set REPRO_TEST_AUTH_EMAIL, REPRO_TEST_AUTH_KEY, REPRO_TEST_API_KEY)."
    )


def test_an_operation_security_replaces_the_root_and_fails_before_sending(ok: LocalServer) -> None:
    client = Repro(base_url=ok.url, api_key="tok_1")
    with pytest.raises(ConfigurationError) as caught:
        client.request(dict, RequestSpec("GET", "/x", security=(("partner_key",),)))
    assert str(caught.value) == "GET /x needs credentials: construct Repro(partner_key=...)."
    assert ok.requests == []


def test_query_key_goes_after_the_operation_query_and_security_empty_sends_nothing(ok: LocalServer) -> None:
    client = Repro(base_url=ok.url, api_key="tok_1", partner_key="pk 1")
    client.request(dict, RequestSpec("GET", "/x", query={"limit": 2}, security=(("partner_key",),)))
    assert ok.requests[-1].path == "/x?limit=2&partner_key=pk%201"
    assert "authorization" not in sent(ok)
    client.request(dict, RequestSpec("GET", "/x", security=()))
    assert "authorization" not in sent(ok) and ok.requests[-1].path == "/x"
    client.request(dict, RequestSpec("GET", "/x", security=(("session",), ())))
    assert "authorization" not in sent(ok) and "cookie" not in sent(ok)


def test_cookie_joins_the_operation_cookies_and_basic_encodes_user_and_password(ok: LocalServer) -> None:
    client = Repro(base_url=ok.url, api_key="tok_1", session="s1", login="user:pa:ss")
    client.request(dict, RequestSpec("GET", "/x", cookies={"theme": "dark"}, security=(("session",),)))
    assert sent(ok)["cookie"] == "theme=dark; sid=s1"
    client.request(dict, RequestSpec("GET", "/x", security=(("login",),)))
    assert sent(ok)["authorization"] == "Basic " + base64.b64encode(b"user:pa:ss").decode()
    Repro(base_url=ok.url, api_key="t", login="solo").request(dict, RequestSpec("GET", "/x", security=(("login",),)))
    assert sent(ok)["authorization"] == "Basic " + base64.b64encode(b"solo:").decode()


def test_every_credential_is_scrubbed_from_repr_errors_and_logs(
    local: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    secrets = {"auth_email": "mail_SECRET_1", "auth_key": "key_SECRET_2", "partner_key": "pk_SECRET_3"}
    local.routes["/echo"] = lambda handler: send_json(handler, 400, {"echo": list(secrets.values())})
    client = Repro(base_url=local.url, **secrets)
    caplog.set_level(logging.DEBUG, logger="repro_test")
    with pytest.raises(Exception) as caught:
        client.request(dict, RequestSpec("GET", "/echo", security=(("auth_email", "auth_key", "partner_key"),)))
    logging.getLogger("repro_test").warning("leak %s", secrets["auth_key"])
    error: Any = caught.value
    for text in (repr(client), str(error), repr(error), str(error.body), caplog.text):
        for secret in secrets.values():
            assert secret not in text


def test_a_header_credential_with_whitespace_fails_at_construction() -> None:
    with pytest.raises(ConfigurationError, match=r"auth_key credential .*REPRO_TEST_AUTH_KEY"):
        Repro(auth_email="a@b.c", auth_key="key\n")


def test_async_client_chooses_the_same_way(ok: LocalServer) -> None:
    async def run() -> None:
        async with AsyncRepro(base_url=ok.url, api_key="tok_1") as client:
            await client.request(dict, RequestSpec("GET", "/x"))
            with pytest.raises(ConfigurationError, match=re.escape("AsyncRepro(partner_key=...)")):
                await client.request(dict, RequestSpec("GET", "/x", security=(("partner_key",),)))

    asyncio.run(run())
    assert sent(ok)["authorization"] == "Bearer tok_1" and len(ok.requests) == 1


def test_an_api_without_credentials_reads_no_environment(ok: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    class Open(SyncAPIClient):
        def __init__(self, base_url: str) -> None:
            info = ClientInfo(
                package="open_test", version="0", base_url_env="O_URL", log_env="O_LOG", default_base_url=""
            )
            super().__init__(
                info,
                base_url=base_url,
                timeout=None,
                max_retries=0,
                max_retry_after=None,
                default_headers=None,
                http_client=None,
            )

    monkeypatch.setenv("REPRO_TEST_API_KEY", "never_sent")
    client = Open(ok.url)
    client.request(dict, RequestSpec("GET", "/x"))
    assert "authorization" not in sent(ok) and client.api_key == ""
