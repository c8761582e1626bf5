"""Auto-pagination across pages and SSE streaming through the generated SDK."""

from __future__ import annotations

from embott import AsyncEmbott, Embott, SyncPage
from embott.types import Bot, MessageCompletedStreamEvent, MessageDeltaStreamEvent

from .conftest import Mock


def test_pagination_walks_every_page_with_the_filters(client: Embott, mock: Mock) -> None:
    for index in range(5):
        client.bots.create(name=f"Paged {index}")
    page = client.bots.list(limit=2)
    assert isinstance(page, SyncPage) and len(page.items) == 2 and page.has_next_page()
    everything = [bot for bot in page]
    assert all(isinstance(bot, Bot) for bot in everything)
    names = [bot.name for bot in everything]
    assert {f"Paged {index}" for index in range(5)} <= set(names) and len(names) == len({bot.id for bot in everything})
    logged = mock.requests(method="GET", path="/v1/bots")
    assert len(logged) == -(-len(names) // 2) and all(entry["query"]["limit"] == "2" for entry in logged)
    second = page.get_next_page()
    assert [bot.id for bot in second.items] == [bot.id for bot in everything[2:4]]


def test_filters_are_sent(client: Embott, mock: Mock) -> None:
    conversations = list(client.conversations.list(bot_id="bot_7Hq2mXa9", limit=1))
    assert all(conversation.bot_id == "bot_7Hq2mXa9" for conversation in conversations)
    assert all(entry["query"].get("bot_id") == "bot_7Hq2mXa9" for entry in mock.requests(path="/v1/conversations"))


def test_stream_message(client: Embott) -> None:
    with client.conversations.stream_message(
        "conv_abc123", role="user", content="Do you ship internationally?"
    ) as stream:
        events = list(stream)
    deltas = "".join(event.delta for event in events if isinstance(event, MessageDeltaStreamEvent))
    assert events[0].type == "message.started" and "ship" in deltas
    assert isinstance(stream.final_event, MessageCompletedStreamEvent)
    assert stream.final_event.message.content.strip() == deltas.strip()


def test_breaking_out_of_a_stream_closes_it(client: Embott) -> None:
    stream = client.conversations.stream_message("conv_abc123", role="user", content="Hello")
    for event in stream:
        assert event.type == "message.started"
        break
    assert stream.response.is_closed


async def test_async_stream_and_pages(async_client: AsyncEmbott) -> None:
    stream = await async_client.conversations.stream_message("conv_abc123", role="user", content="Returns?")
    async with stream:
        kinds = [event.type async for event in stream]
    assert kinds[0] == "message.started" and kinds[-1] == "message.completed"
    leads = [lead async for lead in async_client.leads.list(limit=1)]
    assert len(leads) > 1 and len({lead.id for lead in leads}) == len(leads)
