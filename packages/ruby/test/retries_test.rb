# frozen_string_literal: true

require_relative "test_helper"

# Retries under injected faults, with exactly one resource created per POST.
class RetriesTest < Minitest::Test
  include MockHelpers

  def bots_named(api, name)
    api.bots.list(limit: 100).auto_paging_each.select { |bot| bot.name == name }
  end

  def test_503_then_success_creates_one_bot_with_one_key
    MOCK.fault(method: "POST", path: "/bots", status: 503, retry_after: 0, times: 2)
    api = client(fast: true)
    bot = api.bots.create(name: "Retry 503")
    assert_equal [bot.id], bots_named(api, "Retry 503").map(&:id)
    logged = MOCK.requests(operation_id: "createBot")
    assert_equal([503, 503, 201], logged.map { |entry| entry["status"] })
    assert_equal 1, logged.map { |entry| entry["idempotency_key"] }.uniq.length
    assert_equal 2, @clock.sleeps.length
  end

  def test_a_dropped_connection_is_retried_and_creates_one_message
    api = client(fast: true)
    before = api.conversations.get(conversation_id: "conv_abc123").message_count
    MOCK.fault(method: "POST", path: "/conversations/{conversation_id}/messages", drop: true, times: 1)
    reply = api.conversations.send_message(conversation_id: "conv_abc123", role: "user", content: "Any returns policy?")
    refute_nil reply.message.content
    after = api.conversations.get(conversation_id: "conv_abc123").message_count
    assert_equal before + 2, after, "one visitor message and one reply, whatever the retries"
  end

  def test_429_is_retried_after_the_servers_wait
    MOCK.fault(method: "GET", path: "/bots", status: 429, retry_after: 1, times: 1)
    api = client(fast: true)
    refute_empty api.bots.list.data
    assert_equal 1, @clock.sleeps.length
    assert_operator @clock.sleeps.first, :>=, 1.0
  end

  def test_mixed_faults_over_many_creates_never_duplicate
    api = client(fast: true)
    [503, 500, 429, nil].each_with_index do |status, index|
      MOCK.fault(method: "POST", path: "/bots", status: status, retry_after: 0, times: 1) if status
      MOCK.fault(method: "POST", path: "/bots", drop: true, times: 1) if status.nil?
      api.bots.create(name: "Fault #{index}")
    end
    names = api.bots.list(limit: 100).auto_paging_each.map(&:name).grep(/\AFault /)
    assert_equal ["Fault 0", "Fault 1", "Fault 2", "Fault 3"], names.sort
  end

  def test_exhausted_retries_raise_with_the_key_to_reuse
    MOCK.fault(method: "POST", path: "/bots", status: 503, retry_after: 0, times: 10)
    api = client(fast: true, max_retries: 2)
    error = assert_raises(Embott::InternalServerError) { api.bots.create(name: "Never") }
    assert_match(/after 2 retries/, error.message)
    MOCK.reset
    api.bots.create(name: "Never", request_options: { idempotency_key: error.idempotency_key })
    assert_equal 1, bots_named(api, "Never").length
  end

  def test_real_backoff_is_slept
    MOCK.fault(method: "GET", path: "/bots", status: 500, times: 1)
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    client.bots.list
    elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    assert_operator elapsed, :>=, 0.375
  end
end
