# frozen_string_literal: true

require_relative "test_helper"

# A client whose API takes several credentials: X-Auth-Email + X-Auth-Key together, or a bearer token (api_key);
# a partner key in the query, a session cookie and basic credentials for single operations.
class MultiAuthClient < Embott::BaseClient
  CONFIG = {
    sdk_name: "multi", version: "0.0.0-test", client_name: "Multi::Client", default_base_url: "https://x.test",
    credentials: {
      api_key: { kind: :bearer, env: "MULTI_API_KEY" },
      auth_email: { kind: :header, name: "X-Auth-Email", env: "MULTI_AUTH_EMAIL" },
      auth_key: { kind: :header, name: "X-Auth-Key", env: "MULTI_AUTH_KEY" },
      partner_key: { kind: :query, name: "partner_key", env: "MULTI_PARTNER_KEY" },
      session: { kind: :cookie, name: "session", env: "MULTI_SESSION" },
      login: { kind: :basic, env: "MULTI_LOGIN" }
    },
    security: [%i[auth_email auth_key], %i[api_key]]
  }.freeze

  def initialize(credentials: {}, **options)
    super(CONFIG, credentials: credentials, **options)
  end
end

class CredentialsTest < Minitest::Test
  include ServerHelpers

  ENVS = %w[MULTI_API_KEY MULTI_AUTH_EMAIL MULTI_AUTH_KEY MULTI_PARTNER_KEY MULTI_SESSION MULTI_LOGIN].freeze

  def setup
    ENVS.each { |name| ENV.delete(name) }
    serve { json(200, { "ok" => true }) }
  end

  def multi(**credentials)
    MultiAuthClient.new(credentials: credentials, base_url: "#{@server.url}/v1", max_retries: 0)
  end

  def sent
    @server.received.last
  end

  def test_two_headers_sent_together_and_the_first_alternative_wins
    multi(auth_email: "me@example.com", auth_key: "key_1", api_key: "tok_1").request(:get, "/zones")
    assert_equal "me@example.com", sent[:headers]["x-auth-email"]
    assert_equal "key_1", sent[:headers]["x-auth-key"]
    refute sent[:headers].key?("authorization")
  end

  def test_the_next_alternative_when_the_first_is_half_held
    multi(auth_email: "me@example.com", api_key: "tok_1").request(:get, "/zones")
    assert_equal "Bearer tok_1", sent[:headers]["authorization"]
    refute sent[:headers].key?("x-auth-email")
  end

  def test_credentials_default_to_their_environment_variables
    ENV["MULTI_AUTH_EMAIL"] = "env@example.com"
    ENV["MULTI_AUTH_KEY"] = "key_env"
    api = multi
    ENVS.each { |name| ENV.delete(name) }
    api.request(:get, "/zones")
    assert_equal "env@example.com", sent[:headers]["x-auth-email"]
    assert_equal "key_env", sent[:headers]["x-auth-key"]
  end

  def test_construction_fails_naming_every_alternative_and_variable
    error = assert_raises(Embott::MissingCredentialsError) { multi(auth_email: "me@example.com") }
    assert_kind_of ArgumentError, error
    assert_equal "Missing credentials: pass { auth_email:, auth_key: } or { api_key: } to Multi::Client.new " \
                 "(or set MULTI_AUTH_EMAIL, MULTI_AUTH_KEY, MULTI_API_KEY).", error.message
    assert_empty @server.received
  end

  def test_an_operation_security_replaces_the_root_and_places_a_query_key_after_its_own_params
    multi(api_key: "tok_1", partner_key: "pk/1+").request(:get, "/reports", query: { "limit" => 2 },
                                                                            security: [%i[partner_key]])
    assert_equal "limit=2&partner_key=pk%2F1%2B", sent[:raw_query]
    refute sent[:headers].key?("authorization")
  end

  def test_every_page_carries_the_query_credential_a_link_page_too
    serve do |request|
      number = (request[:query]["p"] || 1).to_i
      link = number < 2 ? "<#{@server.url}/v1/reports?p=2>; rel=\"next\"" : nil
      json(200, { "data" => [{ "n" => number }] }, link ? { "link" => link } : {})
    end
    page = multi(api_key: "tok_1", partner_key: "pk_1").request_page(
      :get, "/reports", query: {}, pagination: { style: "link", items: "data" }, item: nil, security: [%i[partner_key]]
    )
    assert_equal 2, page.auto_paging_each.count
    assert_equal(%w[partner_key=pk_1 p=2&partner_key=pk_1], @server.received.map { |request| request[:raw_query] })
  end

  def test_an_operation_the_client_cannot_satisfy_fails_before_sending
    api = multi(api_key: "tok_1")
    error = assert_raises(Embott::MissingCredentialsError) do
      api.request(:get, "/partner/reports", security: [%i[partner_key], %i[session login]])
    end
    assert_equal "GET /partner/reports needs credentials: pass { partner_key: } or { session:, login: } " \
                 "to Multi::Client.new.", error.message
    assert_empty @server.received
  end

  def test_empty_security_or_an_anonymous_alternative_sends_nothing
    api = multi(api_key: "tok_1")
    api.request(:get, "/health", security: [])
    refute sent[:headers].key?("authorization")
    api.request(:get, "/maybe", security: [%i[partner_key], []])
    refute sent[:headers].key?("authorization")
    assert_nil sent[:raw_query]
    api.request(:get, "/maybe", security: [[], %i[api_key]])
    assert_equal "Bearer tok_1", sent[:headers]["authorization"], "a held alternative wins over anonymous"
  end

  def test_cookie_joins_the_operation_cookies_and_basic_encodes_user_and_password
    api = multi(api_key: "tok_1", session: "s_1", login: "user:pa ss")
    api.request(:get, "/me", cookies: { "theme" => "dark" }, security: [%i[session login]])
    assert_equal "theme=dark; session=s_1", sent[:headers]["cookie"]
    assert_equal "Basic #{["user:pa ss"].pack("m0")}", sent[:headers]["authorization"]
    multi(api_key: "tok_1", login: "user").request(:get, "/me", security: [%i[login]])
    assert_equal "Basic #{["user:"].pack("m0")}", sent[:headers]["authorization"]
  end

  def test_every_credential_is_scrubbed_from_messages_logs_and_inspect
    secrets = { api_key: "tok_secret_1", auth_email: "mail_secret@example.com", auth_key: "key_secret_2",
                partner_key: "pk_secret_3" }
    serve do
      json(400, { "error" => { "message" => "bad #{secrets.values.join(" ")}" } }, "x-auth-key" => "key_secret_2")
    end
    log = StringIO.new
    api = MultiAuthClient.new(credentials: secrets, base_url: "#{@server.url}/v1", max_retries: 0,
                              logger: Logger.new(log, level: Logger::DEBUG))
    error = assert_raises(Embott::APIError) do
      api.request(:get, "/reports", security: [%i[partner_key auth_email auth_key]])
    end
    assert_includes api.inspect, "auth_email=[redacted]"
    [error.message, error.body.to_s, error.headers.to_s, api.inspect, log.string].each do |text|
      secrets.each_value { |secret| refute_includes text, secret }
    end
  end

  def test_a_credential_with_a_stray_newline_is_refused_without_echoing_it
    error = assert_raises(ArgumentError) { multi(api_key: "tok_1", auth_key: "key_9\n") }
    assert_match(/auth_key credential/, error.message)
    refute_includes error.message, "key_9"
    assert_raises(ArgumentError) { multi(api_key: "tok_1", auth_kye: "x") }
  end

  def test_an_api_without_credentials_has_no_key_and_reads_no_env
    ENV["EMBOTT_API_KEY"] = "sk_should_not_be_read"
    config = { sdk_name: "open", version: "0", client_name: "Open::Client", default_base_url: "https://x.test",
               credentials: {}, security: [] }
    Embott::BaseClient.new(config, base_url: "#{@server.url}/v1").request(:get, "/x")
    refute sent[:headers].key?("authorization")
    assert_raises(ArgumentError) { Embott::BaseClient.new(config, credentials: { api_key: "k" }) }
  ensure
    ENV.delete("EMBOTT_API_KEY")
  end
end
