"""Every operation of the API through the generated SDK, against the real HTTP mock."""

from __future__ import annotations

import datetime

import pytest

import embott
from embott import AsyncEmbott, Embott
from embott.types import Bot, ConversationDetail, Lead, SendMessageResponse

from .conftest import Mock


def test_the_seed_snippet(client: Embott) -> None:
    reply = client.conversations.send_message(
        conversation_id="conv_abc123",
        role="user",
        content="Do you ship internationally?",
    )
    assert isinstance(reply, SendMessageResponse)
    assert "ship" in reply.message.content
    assert reply.request_id is not None and reply.request_id.startswith("req_")


def test_bots_create_get_update_list_delete(client: Embott, mock: Mock) -> None:
    created = client.bots.create(name="Pytest bot", welcome_message="Hi!", channels=["web"], metadata={"team": "qa"})
    assert isinstance(created, Bot) and created.name == "Pytest bot" and created.channels == ["web"]
    assert client.bots.get(created.id).id == created.id
    assert client.bots.get(bot_id=created.id).welcome_message == "Hi!"
    updated = client.bots.update(
        created.id,
        name="Pytest bot 2",
        status="active",
        persona={"tone": "concise", "language": "en", "instructions": "Be brief."},
        welcome_message="Hello",
        channels=["web", "api"],
        metadata={},
    )
    assert updated.name == "Pytest bot 2" and updated.status == "active" and updated.persona.tone == "concise"
    assert created.id in [bot.id for bot in client.bots.list(limit=100)]
    deleted = client.bots.delete(created.id)
    assert deleted.deleted is True and deleted.id == created.id
    with pytest.raises(embott.NotFoundError):
        client.bots.get(created.id)
    sent = mock.requests(method="POST", path="/v1/bots")[0]
    assert sent["body"] == {
        "name": "Pytest bot",
        "welcome_message": "Hi!",
        "channels": ["web"],
        "metadata": {"team": "qa"},
    }


def test_conversations_list_get_handoff(client: Embott, mock: Mock) -> None:
    conversations = list(client.conversations.list(status="open", limit=5))
    assert conversations and all(conversation.status == "open" for conversation in conversations)
    detail = client.conversations.get("conv_abc123")
    assert isinstance(detail, ConversationDetail) and detail.id == "conv_abc123"
    handoff = client.conversations.handoff("conv_abc123", reason="Wants a human", priority="high")
    assert handoff.status == "requested" and handoff.priority == "high"
    since = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    assert list(client.conversations.list(created_after=since, limit=2))
    query = mock.requests(method="GET", path="/v1/conversations")[-1]["query"]
    assert query["created_after"] == "2020-01-01T00:00:00Z"


def test_leads_list_get_export(client: Embott) -> None:
    leads = list(client.leads.list(limit=10))
    assert leads and all(isinstance(lead, Lead) for lead in leads)
    lead = client.leads.get(leads[0].id)
    assert lead.id == leads[0].id
    fresh = next(candidate for candidate in leads if candidate.status != "exported")
    export = client.leads.export(fresh.id, destination="hubspot")
    assert export.lead_id == fresh.id and export.destination == "hubspot"
    with pytest.raises(embott.ConflictError):
        client.leads.export(fresh.id, destination="hubspot")


def test_products_list_and_sync(client: Embott) -> None:
    products = list(client.products.list(limit=2))
    assert products
    bot_id = products[0].bot_id
    in_stock = list(client.products.list(bot_id=bot_id, in_stock=True))
    assert all(product.in_stock for product in in_stock)
    sync = client.products.sync(bot_id=bot_id, full=True)
    assert sync.bot_id == bot_id and sync.status in ("queued", "running", "completed")


def test_analytics_overview(client: Embott) -> None:
    overview = client.analytics.overview(start_date="2026-10-01", end_date="2026-10-31")
    assert overview.conversations >= 0
    with pytest.raises(embott.UnprocessableEntityError):
        client.analytics.overview(start_date="2026-10-31", end_date="2026-10-01")


def test_webhooks_create_get_list_delete(client: Embott) -> None:
    created = client.webhooks.create(url="https://example.com/hook", events=["lead.captured"], description="CRM")
    assert created.secret.startswith("whsec_") and created.events == ["lead.captured"]
    assert client.webhooks.get(created.id).url == "https://example.com/hook"
    assert created.id in [webhook.id for webhook in client.webhooks.list()]
    assert client.webhooks.delete(created.id).deleted is True


def test_raw_response_and_to_dict(client: Embott) -> None:
    raw = client.bots.with_raw_response.list(limit=1)
    assert raw.status_code == 200 and raw.request_id is not None
    page = raw.parse()
    assert len(page.items) == 1
    bot = page.items[0]
    as_dict = bot.to_dict()
    assert as_dict["id"] == bot.id and '"id"' in bot.to_json()
    response = client.bots.with_raw_response.get(bot.id)
    assert response.headers["x-request-id"] == response.parse().request_id


def test_raw_response_of_a_stream_parses_to_the_stream(client: Embott) -> None:
    raw = client.conversations.with_raw_response.stream_message("conv_abc123", role="user", content="Hello")
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/event-stream")
    with raw.parse() as stream:
        kinds = [event.type for event in stream]
    assert kinds[0] == "message.started" and kinds[-1] == "message.completed"


async def test_async_raw_response_covers_lists_and_streams(async_client: AsyncEmbott) -> None:
    raw_page = await async_client.bots.with_raw_response.list(limit=1)
    assert raw_page.status_code == 200 and raw_page.request_id is not None
    page = raw_page.parse()
    assert len(page.items) == 1 and page.has_next_page()
    assert len([bot async for bot in page]) > 1
    raw_stream = await async_client.conversations.with_raw_response.stream_message(
        "conv_abc123", role="user", content="Hello"
    )
    assert raw_stream.headers["content-type"].startswith("text/event-stream")
    async with raw_stream.parse() as stream:
        kinds = [event.type async for event in stream]
    assert kinds[0] == "message.started" and kinds[-1] == "message.completed"
    assert (await async_client.bots.list(limit=1)).items[0].id == page.items[0].id


async def test_async_client_covers_the_same_surface(async_client: AsyncEmbott) -> None:
    reply = await async_client.conversations.send_message("conv_abc123", role="user", content="What are your hours?")
    assert reply.input.role == "user" and reply.message.role in ("assistant", "system")
    bots = [bot async for bot in async_client.bots.list(limit=2)]
    assert len(bots) > 2
    first = await async_client.bots.list(limit=2)
    assert first.has_next_page()
    bot = await async_client.bots.get(bots[0].id)
    assert bot.id == bots[0].id
    raw = await async_client.bots.with_raw_response.get(bot.id)
    assert raw.parse().id == bot.id
    created = await async_client.webhooks.create(url="https://example.com/a", events=["bot.deployed"])
    assert (await async_client.webhooks.delete(created.id)).deleted


def test_unknown_keywords_are_rejected_not_dropped(client: Embott) -> None:
    with pytest.raises(TypeError, match="welcom_message"):
        client.bots.create(name="x", welcom_message="typo")  # type: ignore[call-arg]


def test_with_options_copies_and_overrides(client: Embott) -> None:
    quick = client.with_options(timeout=5, max_retries=0)
    assert quick.max_retries == 0 and quick.timeout.read == 5
    assert quick.base_url == client.base_url and client.max_retries == 2
