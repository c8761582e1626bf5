# frozen_string_literal: true

require "yaml"
require_relative "test_helper"

# `last_response` is built when first read; it is the same, and as secret-free, as one built at once.
class ResponseInfoTest < Minitest::Test
  include ServerHelpers

  def setup
    headers = { "x-request-id" => "req_1", "x-ratelimit-limit" => "100", "x-ratelimit-remaining" => "99",
                "x-echo" => "key #{API_KEY}", "set-cookie" => "session=abc" }
    serve { json(200, { "id" => "bot_1" }, headers) }
  end

  def test_last_response_is_scrubbed_and_read_from_the_headers
    info = client.request(:get, "/bots/bot_1", model: Embott::Model).last_response
    assert_instance_of Embott::ResponseInfo, info
    assert_equal [200, "req_1"], [info.status, info.request_id]
    assert_equal [100, 99], [info.rate_limit.limit, info.rate_limit.remaining]
    assert_equal "key ***", info.headers["x-echo"]
    assert_equal "***", info.headers["set-cookie"]
    assert_predicate info.headers, :frozen?
  end

  def test_marshal_and_yaml_write_the_built_info_without_secrets
    bot = client.request(:get, "/bots/bot_1", model: Embott::Model)
    dumped = Marshal.dump(bot)
    refute_includes dumped, API_KEY
    copy = Marshal.load(dumped) # rubocop:disable Security/MarshalLoad -- our own dump
    assert_equal bot, copy
    assert_equal bot.last_response, copy.last_response
    assert_instance_of Embott::ResponseInfo, copy.last_response

    yaml = YAML.dump(client.request(:get, "/bots/bot_1", model: Embott::Model))
    refute_includes yaml, API_KEY
    assert_includes yaml, "req_1"
  end

  def test_the_request_id_comes_from_the_apis_own_header
    traced = Class.new(Embott::BaseClient) do
      define_method(:initialize) do |**options|
        config = TestClient::CONFIG.merge(request_id_header: "x-trace-id")
        super(config, credentials: { api_key: API_KEY }, **options)
      end
    end
    @server.close # the setup's server answers x-request-id only
    serve { json(200, { "id" => "bot_1" }, { "x-trace-id" => "trace_1", "x-request-id" => "not_this_one" }) }
    bot = traced.new(base_url: "#{@server.url}/v1").request(:get, "/bots/bot_1", model: Embott::Model)
    assert_equal "trace_1", bot.last_response.request_id
  end
end
