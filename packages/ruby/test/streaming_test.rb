# frozen_string_literal: true

require_relative "test_helper"

# Server-sent events from the mock.
class StreamingTest < Minitest::Test
  include MockHelpers

  QUESTION = "Do you ship internationally?"

  def stream(api = client, &)
    api.conversations.stream_message(conversation_id: "conv_abc123", role: "user", content: QUESTION, &)
  end

  def test_enumerator_form_yields_typed_events
    events = stream.to_a
    assert_equal "message.started", events.first.type
    assert_equal "message.completed", events.last.type
    assert(events[1..-2].all?(Embott::Models::MessageDeltaStreamEvent))
    assert_equal(events.last.message.content.split.length, events.count { |event| event.type == "message.delta" })
  end

  def test_final_message
    final = stream.final_message
    assert_instance_of Embott::Models::MessageCompletedStreamEvent, final
    assert_match(/ship/i, final.message.content)
  end

  def test_breaking_out_stops_reading_and_the_client_keeps_working
    api = client
    first = stream(api).first # Enumerable#first breaks out of each
    assert_equal "message.started", first.type
    assert_equal "conv_abc123", api.conversations.get(conversation_id: "conv_abc123").id
  end

  def test_lazy_stream
    deltas = stream.lazy.select { |event| event.type == "message.delta" }.map(&:delta).first(2)
    assert_equal 2, deltas.length
  end

  def test_stream_errors_before_the_first_event_are_typed
    api = client
    assert_raises(Embott::NotFoundError) do
      api.conversations.stream_message(conversation_id: "conv_missing0000", role: "user", content: "Hi") do |_event|
        flunk
      end
    end
  end

  def test_without_a_block_the_request_is_sent_at_call_time
    missing = assert_raises(Embott::NotFoundError) do
      client.conversations.stream_message(conversation_id: "conv_missing0000", role: "user", content: "Hi")
    end
    assert_match(/404/, missing.message)
    events = stream
    assert_match(%r{\Atext/event-stream}, events.headers["content-type"])
    assert_equal "message.completed", events.to_a.last.type
  end

  def test_a_slow_stream_hits_the_idle_timeout
    MOCK.fault(method: "POST", path: "/conversations/{conversation_id}/messages", delay_ms: 1500, times: 1)
    error = assert_raises(Embott::APITimeoutError) do
      client(timeout: 0.3, max_retries: 0).conversations.stream_message(conversation_id: "conv_abc123", role: "user",
                                                                        content: "Hi")
    end
    assert_match(/timed out/, error.message)
  end
end
