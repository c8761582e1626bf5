# frozen_string_literal: true

require_relative "test_helper"

class StreamTest < Minitest::Test
  include ServerHelpers

  DESCRIPTOR = { discriminator: "type", final: "message.completed" }.freeze
  SSE = { "content-type" => "text/event-stream" }.freeze

  def event(type, fields = {})
    "event: #{type}\ndata: #{JSON.generate({ "type" => type }.merge(fields))}\n\n"
  end

  def chunks(words = %w[Hello there friend])
    [event("message.started")] + words.map { |word| event("message.delta", "delta" => word) } +
      [event("message.completed", "message" => { "content" => words.join(" ") })]
  end

  def stream(api = client, descriptor: DESCRIPTOR, options: {}, &block)
    api.request_stream(:post, "/messages",
                       body: { "stream" => true }, stream: descriptor, event: nil, options: options, &block)
  end

  def test_block_form_yields_events_and_returns_the_final_one
    serve { { status: 200, headers: SSE, chunks: chunks } }
    deltas = []
    final = stream { |event| deltas << event["delta"] if event["type"] == "message.delta" }
    assert_equal %w[Hello there friend], deltas
    assert_equal "Hello there friend", final["message"]["content"]
    request = @server.received.first
    assert_equal "text/event-stream", request[:headers]["accept"]
    assert_match(/\Aidem_/, request[:headers]["idempotency-key"])
  end

  def test_without_a_block_the_request_is_sent_at_call_time_and_consumed_once
    serve { { status: 200, headers: SSE, chunks: chunks } }
    events = stream
    assert_equal 1, @server.received.length, "sent before iteration"
    assert_equal "text/event-stream", events.headers["content-type"]
    assert_equal 5, events.count
    error = assert_raises(Embott::Error) { events.to_a }
    assert_match(/already been consumed/, error.message)
  end

  def test_breaking_out_closes_the_connection
    serve { { status: 200, headers: SSE, chunks: chunks(%w[a b c d e f]), delay: 0.05 } }
    first = stream.first # Enumerable#first breaks out of #each
    assert_equal "message.started", first["type"]
    assert_equal 1, @server.connections
    deadline = Time.now + 0.2 # the server still had 0.3 s of events to send
    sleep 0.01 while @server.closed.zero? && Time.now < deadline
    assert_equal 1, @server.closed, "the client closed the connection"
  end

  def test_events_split_across_chunks_with_crlf
    body = "event: message.delta\r\ndata: {\"delta\":\"Zo\xC3".b
    rest = "\xAB\"}\r\n\r\n".b + event("message.completed")
    serve { { status: 200, headers: SSE, chunks: [body, rest] } }
    events = stream.to_a
    assert_equal "Zoë", events.first["delta"]
    assert_equal "message.delta", events.first["type"]
  end

  def test_stream_ending_before_its_final_event_is_truncated
    serve { { status: 200, headers: SSE, chunks: chunks.first(2) } }
    error = assert_raises(Embott::StreamTruncatedError) { stream.to_a }
    assert_match(/"message.completed"/, error.message)
    assert_kind_of Embott::APIConnectionError, error
  end

  def test_a_cut_mid_event_is_truncated_even_without_a_final_kind
    serve { { status: 200, headers: SSE, chunks: ["data: {\"a\":1}\n\n", "data: {\"a\""] } }
    assert_raises(Embott::StreamTruncatedError) { stream(descriptor: {}).to_a }
  end

  def test_connection_reset_mid_stream_is_a_connection_error
    serve { { status: 200, headers: SSE, chunks: chunks.first(2), finish: false } }
    error = assert_raises(Embott::APIConnectionError) { stream.to_a }
    assert_match(/stream .* broke/, error.message)
    assert_equal 1, @server.received.length
  end

  def test_idle_timeout_between_events
    serve { { status: 200, headers: SSE, chunks: chunks.first(1), stall: 1.0 } }
    started = Time.now
    error = assert_raises(Embott::APITimeoutError) { stream(options: { idle_timeout: 0.2 }).to_a }
    assert_operator Time.now - started, :<, 0.9
    assert_match(/No stream data .* for 0.2 s/, error.message)
  end

  def test_error_event_raises_an_api_error
    error_event = "event: error\ndata: {\"error\":{\"type\":\"api_error\",\"message\":\"model overloaded\"}}\n\n"
    serve do
      { status: 200, headers: SSE.merge("x-request-id" => "req_7"), chunks: [event("message.started"), error_event] }
    end
    seen = []
    error = assert_raises(Embott::APIError) { stream.each { |event| seen << event } }
    assert_equal 1, seen.length
    assert_match(/Stream error: api_error: model overloaded \(request req_7\)/, error.message)
  end

  def test_errors_before_the_stream_starts_are_retried
    calls = 0
    serve do |_|
      calls += 1
      if calls == 1
        json(503,
             { "error" => { "type" => "api_error",
                            "message" => "x" } })
      else
        { status: 200, headers: SSE, chunks: chunks }
      end
    end
    assert_equal "Hello there friend", stream.final_message["message"]["content"]
    keys = @server.received.map { |request| request[:headers]["idempotency-key"] }
    assert_equal 2, keys.length
    assert_equal 1, keys.uniq.length
  end

  def test_an_error_status_raises_at_call_time
    serve { json(404, { "error" => { "type" => "not_found_error", "message" => "No such conversation" } }) }
    assert_raises(Embott::NotFoundError) { stream }
    unreachable = TestClient.new(api_key: "k", base_url: "http://127.0.0.1:1", max_retries: 0)
    assert_raises(Embott::APIConnectionError) { stream(unreachable) }
  end

  def test_close_drops_an_unread_stream
    serve { { status: 200, headers: SSE, chunks: chunks(%w[a b c d e f]), delay: 0.05 } }
    events = stream
    assert_nil events.close
    deadline = Time.now + 0.2
    sleep 0.01 while @server.closed.zero? && Time.now < deadline
    assert_equal 1, @server.closed, "the client closed the connection"
    assert_raises(Embott::Error) { events.to_a }
  end

  def test_text_streams_yield_strings_and_skip_done
    serve { { status: 200, headers: SSE, chunks: ["data: hello\n\n", "data: world\n\n", "data: [DONE]\n\n"] } }
    assert_equal %w[hello world], stream(descriptor: { parse: "text" }).to_a
  end
end
