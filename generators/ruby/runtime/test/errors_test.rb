# frozen_string_literal: true

require_relative "test_helper"

class ErrorsTest < Minitest::Test
  include ServerHelpers

  KEY = ServerHelpers::API_KEY

  def envelope(type, message, extra = {})
    { "error" => { "type" => type, "message" => message, "request_id" => "req_9" }.merge(extra) }
  end

  def test_status_maps_to_class_with_status_request_id_and_hint
    cases = {
      400 => Embott::BadRequestError, 401 => Embott::AuthenticationError, 403 => Embott::PermissionDeniedError,
      404 => Embott::NotFoundError, 409 => Embott::ConflictError, 422 => Embott::UnprocessableEntityError,
      429 => Embott::RateLimitError, 500 => Embott::InternalServerError, 418 => Embott::APIError
    }
    serve do |request|
      json(request[:path].split("/").last.to_i, envelope("some_error", "Went wrong"), "x-request-id" => "req_1")
    end
    cases.each do |status, klass|
      error = assert_raises(klass) { client(max_retries: 0).request(:get, "/status/#{status}") }
      assert_instance_of klass, error
      assert_kind_of Embott::Error, error
      assert_equal status, error.status
      assert_equal "req_1", error.request_id
      assert_equal "some_error", error.type
      assert_match(/\A#{status} some_error: Went wrong \(request req_1\)\./, error.message)
    end
  end

  def test_messages_say_what_to_do
    serve do |request|
      case request[:path]
      when "/v1/401" then json(401, envelope("authentication_error", "Invalid API key"))
      when "/v1/403" then json(403, envelope("permission_error", "This API key lacks the required scope 'bots:write'."))
      else json(400, envelope("invalid_request_error", "Bad tone", "param" => "persona.tone"))
      end
    end
    api = client(max_retries: 0)
    auth = assert_raises(Embott::AuthenticationError) { api.request(:get, "/401") }
    assert_match(/Check your API key \(EMBOTT_TEST_API_KEY\)/, auth.message)
    denied = assert_raises(Embott::PermissionDeniedError) { api.request(:get, "/403") }
    assert_equal "bots:write", denied.missing_scope
    bad = assert_raises(Embott::BadRequestError) { api.request(:get, "/400") }
    assert_equal "persona.tone", bad.param
    assert_match(/Fix the request \(parameter "persona.tone"\)/, bad.message)
  end

  def test_rate_limit_info
    serve do
      json(429, envelope("rate_limit_error", "Slow"),
           "retry-after" => "7", "x-ratelimit-limit" => "600", "x-ratelimit-remaining" => "0",
           "x-ratelimit-reset" => "1798761660")
    end
    error = assert_raises(Embott::RateLimitError) { client(max_retries: 0).request(:get, "/x") }
    assert_equal 7.0, error.retry_after
    assert_equal 600, error.rate_limit.limit
    assert_equal 0, error.rate_limit.remaining
    assert_equal 1_798_761_660, error.rate_limit.reset
  end

  def test_the_key_echoed_by_a_server_is_scrubbed_everywhere
    serve do
      json(400, envelope("invalid_request_error", "Key #{KEY} is odd", "param" => KEY),
           "x-echo" => "Bearer #{KEY}", "set-cookie" => "k=#{KEY}")
    end
    log = StringIO.new
    api = client(max_retries: 0, logger: Logger.new(log, level: Logger::DEBUG))
    error = assert_raises(Embott::BadRequestError) { api.request(:post, "/bots?key=#{KEY}", body: { "note" => KEY }) }
    [error.message, error.inspect, error.body.to_s, error.headers.to_s, error.error.to_s, error.full_message,
     api.inspect, log.string].each do |text|
      refute_includes text, KEY
    end
    assert_includes log.string, "POST"
    assert_equal "***", error.headers["set-cookie"]
    assert_equal "Bearer ***", error.headers["x-echo"]
    assert_equal "Bearer #{KEY}", @server.received.first[:headers]["authorization"]
  end

  def test_connection_error_messages_never_contain_the_key
    api = TestClient.new(api_key: KEY, base_url: "http://127.0.0.1:1/#{KEY}", clock: FakeClock.new, max_retries: 0)
    error = assert_raises(Embott::APIConnectionError) { api.request(:get, "/x") }
    refute_includes error.message, KEY
  end

  def test_bad_configuration_fails_at_construction
    ENV.delete("EMBOTT_TEST_API_KEY")
    missing = assert_raises(ArgumentError) { TestClient.new(base_url: "http://x.test") }
    assert_match(/EMBOTT_TEST_API_KEY/, missing.message)
    assert_raises(ArgumentError) { TestClient.new(api_key: "sk_live_ключ", base_url: "http://x.test") }
    newline = assert_raises(ArgumentError) { TestClient.new(api_key: "#{KEY}\n", base_url: "http://x.test") }
    refute_includes newline.message, KEY
    no_scheme = assert_raises(ArgumentError) { TestClient.new(api_key: KEY, base_url: "api.example.test/v1") }
    assert_match(/absolute http\(s\) URL/, no_scheme.message)
    assert_raises(ArgumentError) { TestClient.new(api_key: KEY, max_retries: -1) }
    assert_raises(ArgumentError) { TestClient.new(api_key: KEY, timeout: 0) }
    assert_raises(ArgumentError) { TestClient.new(api_key: KEY, region: "eu") }
  end

  def test_environment_supplies_key_and_base_url
    ENV["EMBOTT_TEST_API_KEY"] = KEY
    ENV["EMBOTT_TEST_BASE_URL"] = "http://127.0.0.1:9/v1"
    api = TestClient.new
    assert_equal "http://127.0.0.1:9/v1", api.base_url.to_s
    refute_includes api.inspect, KEY
  ensure
    ENV.delete("EMBOTT_TEST_API_KEY")
    ENV.delete("EMBOTT_TEST_BASE_URL")
  end

  def test_invalid_json_in_a_success_is_a_typed_error
    serve { { status: 200, body: "{not json", headers: { "x-request-id" => "req_5" } } }
    error = assert_raises(Embott::Error) { client.request(:get, "/x") }
    assert_match(/invalid JSON \(request req_5\)/, error.message)
    assert_equal 1, @server.received.length
  end
end
