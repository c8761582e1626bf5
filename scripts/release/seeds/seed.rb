# frozen_string_literal: true

# The README's seed snippet, run by the release dry run from a clean GEM_HOME that installed only the built gem.
require "embott"

client = Embott::Client.new(api_key: ENV["EMBOTT_API_KEY"])
reply = client.conversations.send_message(
  conversation_id: "conv_abc123",
  role: "user",
  content: "Do you ship internationally?"
)
puts reply.message.content
