"""The embott Python SDK, run for real: the README's seed message, auto-pagination, a streamed reply,
webhook verification and a failed call's error fields. Reads EMBOTT_API_KEY and EMBOTT_BASE_URL (`npm start` points them at the mock)."""

import json
import os

from embott import Embott, InvalidWebhookSignatureError, NotFoundError

client = Embott(api_key=os.environ["EMBOTT_API_KEY"])

# 1. The seed snippet.
reply = client.conversations.send_message(
    conversation_id="conv_abc123",
    role="user",
    content="Do you ship internationally?",
)
print(f"bot: {reply.message.content}")

# 2. Every bot, two per page, fetched lazily as the loop advances.
names = [bot.name for bot in client.bots.list(limit=2)]
print(f"{len(names)} bots: {', '.join(names)}")

# 3. A reply streamed word by word.
print("streamed: ", end="")
with client.conversations.stream_message(
    "conv_abc123", role="user", content="What is your return policy?"
) as stream:
    for event in stream:
        if event.type == "message.delta":
            print(event.delta, end="", flush=True)
print()

# 4. Webhooks: subscribe, then check a delivery signed with the subscription's secret.
subscription = client.webhooks.create(
    url="https://example.com/embott/hooks", events=["lead.captured"]
)
body = json.dumps({"id": "evt_example", "type": "lead.captured"})
header = client.webhooks.generate_test_header(body, subscription.secret)
client.webhooks.verify(body, {"Embott-Signature": header}, subscription.secret)
try:
    client.webhooks.verify(
        body.replace("lead", "LEAD"), {"Embott-Signature": header}, subscription.secret
    )
except InvalidWebhookSignatureError as error:
    print(f"webhook: authentic delivery accepted, tampered one rejected ({error.code})")
client.webhooks.delete(subscription.id)

# 5. A failed call says what went wrong: status, the API's code and message, and the request id to quote.
try:
    client.bots.get("bot_0doesNotExist")
except NotFoundError as error:
    print(
        f"error: {error.status_code} {error.code}: {error.error_message} (request {error.request_id})"
    )
