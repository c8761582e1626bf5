# frozen_string_literal: true

require_relative "test_helper"

class RetryTest < Minitest::Test
  include ServerHelpers

  def error_body(type, message)
    { "error" => { "type" => type, "message" => message } }
  end

  def test_retries_503_with_one_idempotency_key_and_counts_retries
    calls = 0
    serve do |_|
      calls += 1
      calls < 3 ? json(503, error_body("api_error", "down"), "retry-after" => "0") : json(201, { "id" => "bot_1" })
    end
    result = client.request(:post, "/bots", body: { "name" => "x" })
    assert_equal "bot_1", result["id"]
    requests = @server.received
    assert_equal 3, requests.length
    keys = requests.map { |request| request[:headers]["idempotency-key"] }
    assert_equal 1, keys.uniq.length
    assert_match(/\Aidem_[0-9a-f-]{36}\z/, keys.first)
    assert_equal %w[0 1 2], (requests.map { |request| request[:headers]["x-embott-retry-count"] })
    assert_equal 2, @clock.sleeps.length
  end

  def test_get_has_no_idempotency_key
    serve { json(200, { "ok" => true }) }
    client.request(:get, "/bots")
    refute @server.received.first[:headers].key?("idempotency-key")
  end

  def test_backoff_without_retry_after_grows_and_is_never_zero
    serve { json(500, error_body("api_error", "boom")) }
    @clock = FakeClock.new(random: 0.999)
    error = assert_raises(Embott::InternalServerError) { client(max_retries: 3).request(:get, "/bots") }
    assert_match(/after 3 retries/, error.message)
    assert_equal 3, @clock.sleeps.length
    @clock.sleeps.zip([0.5, 1.0, 2.0]).each do |slept, base|
      assert_operator slept, :>, base * 0.75
      assert_operator slept, :<=, base
    end
  end

  def test_conflict_is_not_retried_and_carries_the_idempotency_key
    serve { json(409, error_body("conflict_error", "Name taken")) }
    error = assert_raises(Embott::ConflictError) do
      client.request(:post, "/bots", body: { "name" => "x" }, options: { idempotency_key: "idem_mine" })
    end
    assert_equal 1, @server.received.length
    assert_equal "idem_mine", error.idempotency_key
    assert_equal "idem_mine", @server.received.first[:headers]["idempotency-key"]
  end

  def test_retry_after_seconds_is_honoured_with_a_little_jitter
    calls = 0
    serve do |_|
      calls += 1
      calls == 1 ? json(429, error_body("rate_limit_error", "slow"), "retry-after" => "2") : json(200, {})
    end
    @clock = FakeClock.new(random: 1.0)
    client.request(:get, "/bots")
    assert_in_delta 2.2, @clock.sleeps.first, 1e-9
    @clock = FakeClock.new(random: 0.0)
    calls = 0
    client.request(:get, "/bots")
    assert_in_delta 2.0, @clock.sleeps.first, 1e-9
  end

  def test_retry_after_http_date_and_ms
    calls = 0
    headers = [{ "retry-after" => "Fri, 01 Jan 2027 00:00:03 GMT" },
               { "retry-after-ms" => "250", "retry-after" => "9" }]
    serve do |_|
      calls += 1
      calls.odd? ? json(503, error_body("api_error", "x"), headers[calls / 2]) : json(200, {})
    end
    @clock = FakeClock.new(random: 0.0)
    client.request(:get, "/a")
    client.request(:get, "/b")
    assert_in_delta 3.0, @clock.sleeps[0], 1e-9
    assert_in_delta 0.25, @clock.sleeps[1], 1e-9
  end

  def test_retry_after_over_the_cap_gives_up_at_once
    serve { json(429, error_body("rate_limit_error", "slow down"), "retry-after" => "3600") }
    error = assert_raises(Embott::RateLimitError) { client.request(:get, "/bots") }
    assert_equal 1, @server.received.length
    assert_empty @clock.sleeps
    assert_equal 3600.0, error.retry_after
    assert_match(/longer than max_retry_after \(60 s\)/, error.message)
  end

  def test_x_should_retry_wins
    serve { json(503, error_body("api_error", "no"), "x-should-retry" => "false") }
    assert_raises(Embott::InternalServerError) { client.request(:get, "/x") }
    assert_equal 1, @server.received.length
    @server.close
    calls = 0
    serve do |_|
      calls += 1
      calls == 1 ? json(400, error_body("invalid_request_error", "again"), "x-should-retry" => "true") : json(200, {})
    end
    client.request(:get, "/x")
    assert_equal 2, @server.received.length
  end

  def test_dropped_connection_is_retried_with_the_same_key
    calls = 0
    serve do |_|
      calls += 1
      calls == 1 ? { drop: true } : json(201, { "id" => "x" })
    end
    client.request(:post, "/bots", body: {})
    keys = @server.received.map { |request| request[:headers]["idempotency-key"] }
    assert_equal 2, keys.length
    assert_equal 1, keys.uniq.length
  end

  def test_connection_refused_names_host_and_port_and_the_key
    server = TCPServer.new("127.0.0.1", 0)
    port = server.addr[1]
    server.close
    api = TestClient.new(api_key: ServerHelpers::API_KEY, base_url: "http://127.0.0.1:#{port}/v1",
                         clock: FakeClock.new, max_retries: 1)
    error = assert_raises(Embott::APIConnectionError) { api.request(:post, "/bots", body: {}) }
    assert_match(/127\.0\.0\.1:#{port}/, error.message)
    assert_match(/ECONNREFUSED|refused/i, error.message)
    assert_match(/\Aidem_/, error.idempotency_key)
  end

  def test_read_timeout_is_a_typed_timeout_error
    serve { { wait: 0.6, status: 200, body: {} } }
    error = assert_raises(Embott::APITimeoutError) { client(timeout: 0.2, max_retries: 1).request(:get, "/slow") }
    assert_match(/timed out after 1 retry/, error.message)
    assert_equal 1, @clock.sleeps.length
  end

  def test_per_request_options
    serve { json(503, error_body("api_error", "down")) }
    assert_raises(Embott::InternalServerError) do
      options = { max_retries: 0, extra_headers: { "X-Trace" => "t1" }, extra_query: { "debug" => true } }
      client.request(:get, "/x", options: options)
    end
    request = @server.received.first
    assert_equal "t1", request[:headers]["x-trace"]
    assert_equal({ "debug" => "true" }, request[:query])
    assert_raises(ArgumentError) { client.request(:get, "/x", options: { max_retrys: 1 }) }
  end

  def test_requests_reuse_one_kept_alive_connection
    serve { json(200, {}) }
    api = client
    5.times { api.request(:get, "/bots") }
    assert_equal 1, @server.connections
  end
end
