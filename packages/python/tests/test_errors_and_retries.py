"""Errors by status, and retries under injected faults with exactly one resource created per POST."""

from __future__ import annotations

import httpx
import pytest

import embott
from embott import AsyncEmbott, Embott

from .conftest import ADMIN_KEY, Mock


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, embott.BadRequestError),
        (401, embott.AuthenticationError),
        (403, embott.PermissionDeniedError),
        (404, embott.NotFoundError),
        (409, embott.ConflictError),
        (422, embott.UnprocessableEntityError),
        (429, embott.RateLimitError),
        (500, embott.InternalServerError),
        (503, embott.InternalServerError),
    ],
)
def test_each_status_raises_its_class(
    client: Embott, mock: Mock, waits: list[float], status: int, error: type[embott.APIStatusError]
) -> None:
    mock.fault(method="GET", path="/bots", status=status, times=5)
    with pytest.raises(error) as caught:
        client.bots.list(max_retries=1)
    assert isinstance(caught.value, embott.EmbottError)
    assert caught.value.status_code == status and str(caught.value.request_id) in str(caught.value)
    assert len(waits) == (1 if status in (429, 500, 503) else 0)


def test_permission_error_names_the_scope_and_auth_error_the_env_var(mock: Mock) -> None:
    readonly = Embott(api_key="pk_test_bots_readonly_0001", base_url=mock.api)
    with pytest.raises(embott.PermissionDeniedError) as denied:
        readonly.webhooks.list()
    assert denied.value.missing_scope == "webhooks:manage"
    unknown = Embott(api_key="sk_live_nobody_0001", base_url=mock.api)
    with pytest.raises(embott.AuthenticationError, match="EMBOTT_API_KEY") as caught:
        unknown.bots.list()
    assert "sk_live_nobody_0001" not in str(caught.value) and "sk_live_nobody_0001" not in repr(caught.value.headers)


def test_missing_key_and_bad_base_url_fail_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EMBOTT_API_KEY", raising=False)
    with pytest.raises(embott.ConfigurationError, match="EMBOTT_API_KEY"):
        Embott()
    with pytest.raises(embott.ConfigurationError, match="base_url"):
        Embott(api_key=ADMIN_KEY, base_url="api.embott.com/v1")
    with pytest.raises(embott.ConfigurationError, match="max_retries"):
        AsyncEmbott(api_key=ADMIN_KEY, max_retries=-1)


def _count(client: Embott, name: str) -> int:
    return sum(1 for bot in client.bots.list(limit=100) if bot.name == name)


def test_one_bot_per_create_under_503_429_and_dropped_connections(
    client: Embott, mock: Mock, waits: list[float]
) -> None:
    mock.fault(method="POST", path="/bots", status=503, times=1, retry_after=1)
    mock.fault(method="POST", path="/bots", status=429, times=1, retry_after=1)
    client.bots.create(name="Faulty one", max_retries=3)
    mock.fault(method="POST", path="/bots", drop=True, times=2)
    client.bots.create(name="Faulty two")
    assert _count(client, "Faulty one") == 1 and _count(client, "Faulty two") == 1
    assert len(waits) == 4
    logged = mock.requests(method="POST", path="/v1/bots")
    assert [entry["status"] for entry in logged] == [503, 429, 201, 0, 0, 201]
    assert len({entry["idempotency_key"] for entry in logged[:3]}) == 1
    assert len({entry["idempotency_key"] for entry in logged[3:]}) == 1


def test_a_message_is_sent_once_when_its_answer_is_lost(client: Embott, mock: Mock, waits: list[float]) -> None:
    before = len(client.conversations.get("conv_abc123").messages)
    mock.fault(method="POST", path="/conversations/{conversation_id}/messages", drop=True, times=1)
    client.conversations.send_message("conv_abc123", role="user", content="Do you ship internationally?")
    after = len(client.conversations.get("conv_abc123").messages)
    assert after - before == 2 and len(waits) == 1


def test_spent_retries_keep_the_idempotency_key_for_a_later_retry(
    client: Embott, mock: Mock, waits: list[float]
) -> None:
    mock.fault(method="POST", path="/webhooks", drop=True, times=3)
    with pytest.raises(embott.APIConnectionError) as caught:
        client.webhooks.create(url="https://example.com/h", events=["lead.captured"])
    key = caught.value.idempotency_key
    assert key is not None and "Retried 2 times" in str(caught.value)
    first = client.webhooks.create(url="https://example.com/h", events=["lead.captured"], idempotency_key=key)
    again = client.webhooks.create(url="https://example.com/h", events=["lead.captured"], idempotency_key=key)
    assert first.id == again.id


async def test_async_retries(async_client: AsyncEmbott, mock: Mock, waits: list[float]) -> None:
    mock.fault(method="POST", path="/bots", status=500, times=2)
    bot = await async_client.bots.create(name="Async retried")
    assert bot.name == "Async retried" and len(waits) == 2
    mock.fault(method="GET", path="/bots/{bot_id}", status=404)
    with pytest.raises(embott.NotFoundError):
        await async_client.bots.get(bot.id)


def test_a_refused_connection_names_host_and_port(waits: list[float]) -> None:
    with pytest.raises(embott.APIConnectionError, match=r"127\.0\.0\.1:9") as caught:
        Embott(api_key=ADMIN_KEY, base_url="http://127.0.0.1:9/v1", max_retries=0).bots.list()
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_the_package_exports_every_exception_class_of_the_runtime() -> None:
    from embott._runtime import errors

    classes = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, Exception) and value.__module__ == errors.__name__
    }
    assert "ConflictError" in classes
    assert classes - {"SDKError"} <= set(embott.__all__)
    assert all(getattr(embott, name) is getattr(errors, name) for name in classes - {"SDKError"})
    assert embott.EmbottError is errors.SDKError
