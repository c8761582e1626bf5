# The README's seed snippet, run by the release dry run from a clean venv that installed only the wheel.
import os

from embott import Embott

client = Embott(api_key=os.environ["EMBOTT_API_KEY"])
reply = client.conversations.send_message(
    conversation_id="conv_abc123",
    role="user",
    content="Do you ship internationally?",
)
print(reply.message.content)
