# frozen_string_literal: true

require "logger"
require "stringio"
require_relative "test_helper"

# Typed errors from the mock's real answers, with messages that say what to do and never the key.
class ErrorsTest < Minitest::Test
  include MockHelpers

  def test_authentication_error_for_an_unknown_key
    error = assert_raises(Embott::AuthenticationError) { client(api_key: "sk_live_unknown_0001").bots.list }
    assert_equal 401, error.status
    assert_match(/\Areq_/, error.request_id)
    assert_match(/Check your API key \(EMBOTT_API_KEY\)/, error.message)
    refute_includes error.message, "sk_live_unknown_0001"
  end

  def test_permission_denied_names_the_missing_scope
    error = assert_raises(Embott::PermissionDeniedError) do
      client(api_key: MockServer::READ_KEY).bots.create(name: "x")
    end
    assert_equal 403, error.status
    assert_equal "bots:write", error.missing_scope
    assert_equal "permission_error", error.type
  end

  def test_not_found_and_bad_request
    api = client
    missing = assert_raises(Embott::NotFoundError) { api.bots.get(bot_id: "bot_doesnotexist") }
    assert_equal 404, missing.status
    assert_match(/Check the id/, missing.message)
    bad = assert_raises(Embott::BadRequestError) { api.bots.create(name: "x", status: "sleeping") }
    assert_equal "status", bad.param
    assert_equal "parameter_invalid", bad.code
  end

  def test_conflict_for_a_taken_name_is_not_retried
    api = client(fast: true)
    api.bots.create(name: "Twin")
    error = assert_raises(Embott::ConflictError) { api.bots.create(name: "Twin") }
    assert_equal 409, error.status
    assert_match(/\Aidem_/, error.idempotency_key)
    assert_empty @clock.sleeps
    assert_equal 2, MOCK.requests(operation_id: "createBot").length
  end

  def test_rate_limit_error_with_retry_after
    MOCK.fault(method: "GET", path: "/bots", status: 429, retry_after: 7, times: 5)
    api = client(fast: true, max_retries: 1)
    error = assert_raises(Embott::RateLimitError) { api.bots.list }
    assert_equal 7.0, error.retry_after
    assert_equal 1, @clock.sleeps.length
    assert_operator @clock.sleeps.first, :>=, 7.0
    assert_operator @clock.sleeps.first, :<=, 7.7
    refute_nil error.rate_limit.limit
  end

  def test_retry_after_beyond_the_cap_gives_up_at_once
    MOCK.fault(method: "GET", path: "/bots", status: 503, retry_after: 120, times: 3)
    api = client(fast: true)
    error = assert_raises(Embott::InternalServerError) { api.bots.list }
    assert_empty @clock.sleeps
    assert_match(/longer than max_retry_after/, error.message)
    assert_equal 1, MOCK.requests(operation_id: "listBots").length
  end

  def test_the_key_never_leaks_into_errors_or_logs
    log = StringIO.new
    key = MockServer::ADMIN_KEY
    api = client(logger: Logger.new(log, level: Logger::DEBUG))
    error = assert_raises(Embott::BadRequestError) { api.bots.create(name: key, status: "nope") }
    [error.message, error.inspect, error.body.to_s, error.headers.to_s, api.inspect, log.string].each do |text|
      refute_includes text, key
    end
    assert_match(/POST .*bots/, log.string)
  end

  def test_bad_configuration_fails_at_construction
    assert_raises(ArgumentError) { Embott::Client.new(api_key: MockServer::ADMIN_KEY, base_url: "api.embott.com/v1") }
    assert_raises(ArgumentError) { Embott::Client.new(api_key: "sk_live_ünïcode", base_url: MOCK.base_url) }
    assert_raises(ArgumentError) { Embott::Client.new(api_key: MockServer::ADMIN_KEY, max_retries: -1) }
    assert_raises(ArgumentError) { Embott::Client.new(api_key: MockServer::ADMIN_KEY, regoin: "eu") }
    saved = ENV.delete("EMBOTT_API_KEY")
    error = assert_raises(ArgumentError) { Embott::Client.new(base_url: MOCK.base_url) }
    assert_match(/EMBOTT_API_KEY/, error.message)
  ensure
    ENV["EMBOTT_API_KEY"] = saved if saved
  end

  def test_a_refused_connection_names_host_and_port
    server = TCPServer.new("127.0.0.1", 0)
    port = server.addr[1]
    server.close
    api = Embott::Client.new(api_key: MockServer::ADMIN_KEY, base_url: "http://127.0.0.1:#{port}/v1", max_retries: 0)
    error = assert_raises(Embott::APIConnectionError) { api.bots.list }
    assert_match(/127\.0\.0\.1:#{port}/, error.message)
  end
end
