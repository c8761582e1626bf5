# frozen_string_literal: true

require "date"
require_relative "test_helper"

# Every operation of the API through the generated gem, against the mock.
class OperationsTest < Minitest::Test
  include MockHelpers

  def test_the_seed_snippet
    api = client
    reply = api.conversations.send_message(conversation_id: "conv_abc123", role: "user",
                                           content: "Do you ship internationally?")
    assert_instance_of Embott::Models::SendMessageResponse, reply
    assert_instance_of Embott::Models::Message, reply.message
    assert_match(/ship/i, reply.message.content)
    assert_equal "assistant", reply.message.role
    assert_equal "user", reply.input.role
  end

  def test_results_and_pages_expose_request_id_and_rate_limit
    api = client
    bot = api.bots.get(bot_id: "bot_7Hq2mXa9")
    assert_match(/\Areq_/, bot.last_response.request_id)
    assert_equal 200, bot.last_response.status
    assert_equal Integer(bot.last_response.headers.fetch("x-ratelimit-limit")), bot.last_response.rate_limit.limit
    assert_kind_of Integer, bot.last_response.rate_limit.remaining
    refute_includes bot.last_response.inspect, MockServer::ADMIN_KEY
    page = api.bots.list(limit: 1)
    assert_match(/\Areq_/, page.last_response.request_id)
    refute_equal page.last_response.request_id, page.next_page.last_response.request_id
    assert_nil bot.persona.last_response
  end

  def test_bots_create_get_update_list_delete
    api = client
    persona = { tone: "professional", instructions: "Be brief.", language: "en" }
    bot = api.bots.create(name: "Ruby Helper", persona: persona, channels: ["web"])
    assert_instance_of Embott::Models::Bot, bot
    assert_match(/\Abot_/, bot.id)
    assert_equal "professional", bot.persona.tone
    assert_equal bot, api.bots.get(bot_id: bot.id)
    updated = api.bots.update(bot_id: bot.id, name: "Ruby Helper 2", status: "active", persona: bot.persona,
                              welcome_message: "Hi", channels: ["web"], metadata: { "team" => "ruby" })
    assert_equal "active", updated.status
    assert_equal({ "team" => "ruby" }, updated.metadata)
    assert_includes api.bots.list(limit: 100).auto_paging_each.map(&:id), bot.id
    deleted = api.bots.delete(bot_id: bot.id)
    assert_equal bot.id, deleted.id
    assert deleted.deleted
    assert_raises(Embott::NotFoundError) { api.bots.get(bot_id: bot.id) }
  end

  def test_conversations_list_get_and_handoff
    api = client
    conversation = api.conversations.list(limit: 5, status: "open").data.first
    assert_instance_of Embott::Models::Conversation, conversation
    detail = api.conversations.get(conversation_id: conversation.id)
    assert_equal conversation.id, detail.id
    handoff = api.conversations.handoff(conversation_id: conversation.id, reason: "Wants a human", priority: "high")
    assert_instance_of Embott::Models::Handoff, handoff
    assert_equal "high", handoff.priority
    assert_equal conversation.id, handoff.conversation_id
  end

  def test_conversations_list_filters_reach_the_server
    api = client
    bot_id = api.bots.list.data.first.id
    listed = api.conversations.list(bot_id: bot_id, limit: 50).auto_paging_each.to_a
    assert(listed.all? { |conversation| conversation.bot_id == bot_id })
    logged = MOCK.requests(operation_id: "listConversations").last
    assert_equal bot_id, logged["query"]["bot_id"]
  end

  def test_stream_message
    events = []
    final = client.conversations.stream_message(conversation_id: "conv_abc123", role: "user",
                                                content: "Do you ship internationally?") do |event|
      events << event
    end
    assert_instance_of Embott::Models::MessageStartedStreamEvent, events.first
    assert(events.any?(Embott::Models::MessageDeltaStreamEvent))
    assert_instance_of Embott::Models::MessageCompletedStreamEvent, final
    assert_equal events.grep(Embott::Models::MessageDeltaStreamEvent).map(&:delta).join.strip,
                 final.message.content.strip
  end

  def test_leads_list_get_and_export
    api = client
    lead = api.leads.list(limit: 10).auto_paging_each.find { |candidate| candidate.status != "exported" }
    refute_nil lead
    assert_equal lead.id, api.leads.get(lead_id: lead.id).id
    export = api.leads.export(lead_id: lead.id, destination: "hubspot")
    assert_instance_of Embott::Models::LeadExport, export
    assert_equal lead.id, export.lead_id
    assert_raises(Embott::ConflictError) { api.leads.export(lead_id: lead.id, destination: "hubspot") }
  end

  def test_products_list_and_sync
    api = client
    products = api.products.list(in_stock: true, limit: 50).auto_paging_each.to_a
    refute_empty products
    assert(products.all?(Embott::Models::Product))
    assert_equal "true", MOCK.requests(operation_id: "listProducts").last["query"]["in_stock"]
    sync = api.products.sync(bot_id: products.first.bot_id, full: true)
    assert_instance_of Embott::Models::ProductSync, sync
    assert_equal products.first.bot_id, sync.bot_id
  end

  def test_analytics_overview_with_dates
    overview = client.analytics.overview(start_date: Date.new(2026, 11, 1), end_date: Date.new(2026, 11, 30))
    assert_instance_of Embott::Models::AnalyticsOverview, overview
    assert_equal "2026-11-01", overview.start_date
    assert_kind_of Integer, overview.conversations
    assert_raises(Embott::UnprocessableEntityError) do
      client.analytics.overview(start_date: "2026-11-30", end_date: "2026-11-01")
    end
  end

  def test_webhooks_create_get_list_delete
    api = client
    created = api.webhooks.create(url: "https://example.com/hooks", events: ["lead.captured"], description: "CRM sync")
    assert_instance_of Embott::Models::CreatedWebhookSubscription, created
    assert_match(/\Awhsec_/, created.secret)
    refute_includes created.inspect, created.secret
    assert_equal created.id, api.webhooks.get(webhook_id: created.id).id
    assert_includes api.webhooks.list.auto_paging_each.map(&:id), created.id
    assert api.webhooks.delete(webhook_id: created.id).deleted
  end

  def test_unknown_and_missing_keywords_are_argument_errors
    api = client
    missing = assert_raises(ArgumentError) { api.bots.create }
    assert_match(/missing keyword: :name/, missing.message)
    unknown = assert_raises(ArgumentError) { api.bots.create(name: "x", welcom_message: "hi") }
    assert_match(/unknown keyword: :welcom_message/, unknown.message)
    assert_empty MOCK.requests(method: "POST", path: "/v1/bots")
  end

  def test_unknown_fields_and_enum_values_are_kept
    bot = Embott::Models::Bot.new("id" => "bot_1", "status" => "hibernating", "brand_new" => { "x" => 1 })
    assert_equal "hibernating", bot.status
    assert_equal({ "x" => 1 }, bot["brand_new"])
    assert_equal({ id: "bot_1", status: "hibernating", brand_new: { x: 1 } }, bot.to_h)
  end
end
