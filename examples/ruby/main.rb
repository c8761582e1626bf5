# frozen_string_literal: true

# The Ruby SDK's README, run for real: the seed snippet, pagination, streaming and webhook verification.
# Without EMBOTT_BASE_URL it starts the Embott mock server on 127.0.0.1 (needs node and the workspace installed).
require "json"
require "embott"

mock = nil
unless ENV["EMBOTT_BASE_URL"]
  root = File.expand_path("../..", __dir__)
  mock = IO.popen(["node", File.join(root, "packages/mock/bin/embott-mock.mjs"), "--port", "0"], "r+", chdir: root)
  ENV["EMBOTT_BASE_URL"] = "#{mock.gets.strip}/v1"
  ENV["EMBOTT_API_KEY"] ||= "sk_live_admin_0001"
  puts "mock server listening on #{ENV.fetch("EMBOTT_BASE_URL")}"
end

begin
  # The seed snippet, verbatim.
  client = Embott::Client.new(api_key: ENV["EMBOTT_API_KEY"])
  reply = client.conversations.send_message(
    conversation_id: "conv_abc123",
    role: "user",
    content: "Do you ship internationally?"
  )
  puts reply.message.content
  info = reply.last_response
  puts "(request #{info.request_id}, #{info.rate_limit&.remaining.inspect} requests left this window)"

  # Every bot, two per request: the SDK loads the next page as the loop needs it.
  puts "\nbots:"
  client.bots.list(limit: 2).auto_paging_each do |bot|
    puts format("  %-14<id>s %-7<status>s %<name>s", id: bot.id, status: bot.status, name: bot.name)
  end

  # The same conversation, streamed as typed events.
  puts "\nstreamed reply:"
  final = client.conversations.stream_message(conversation_id: "conv_abc123", role: "user",
                                              content: "And how long does delivery take?") do |event|
    print event.delta if event.is_a?(Embott::Models::MessageDeltaStreamEvent)
  end
  puts "\n(#{final.message.id}, #{final.message.content.length} chars)"

  # Verifying a webhook delivery: the raw body and its Embott-Signature header.
  puts "\nwebhooks:"
  secret = "whsec_example_secret"
  body = JSON.generate({ id: "evt_1", object: "event", type: "bot.deployed", created_at: "2026-12-01T00:00:00Z",
                         api_version: "2026-11-01", data: { id: "bot_1" } })
  header = client.webhooks.generate_test_header(body, secret)
  event = client.webhooks.unwrap(body, header, secret)
  puts "  verified #{event.type} (#{event.class})"
  begin
    client.webhooks.verify(body.sub("bot_1", "bot_2"), header, secret)
  rescue Embott::InvalidWebhookSignatureError => e
    puts "  tampered body rejected: #{e.code}"
  end
ensure
  mock&.close
end
