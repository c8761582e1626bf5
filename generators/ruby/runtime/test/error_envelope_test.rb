# frozen_string_literal: true

require_relative "test_helper"

# An API whose error body keeps its fields at the top level (`detail`, `code`, `field`, `trace_id`), whose request
# id header is `x-trace-id` and which also retries 409: what the generated client passes from the plan.
class ProblemClient < Embott::BaseClient
  CONFIG = {
    sdk_name: "problem", version: "0", client_name: "Problem::Client", default_base_url: "https://x.test",
    credentials: {}, security: [],
    error_envelope: { message: ["detail"], code: ["code"], param: ["field"], request_id: ["trace_id"] },
    request_id_header: "x-trace-id", retry: { statuses: [409], min_server_error: 503 }
  }.freeze

  def initialize(**options)
    super(CONFIG, **options)
  end
end

class ErrorEnvelopeTest < Minitest::Test
  include ServerHelpers

  def problem(**options)
    ProblemClient.new(base_url: "#{@server.url}/v1", clock: FakeClock.new, **options)
  end

  def test_fields_are_read_through_the_plan_paths
    serve do
      json(422, { "detail" => "name must not be empty", "code" => "invalid_name", "field" => "name",
                  "trace_id" => "trace_9" })
    end
    error = assert_raises(Embott::UnprocessableEntityError) { problem(max_retries: 0).request(:post, "/widgets") }
    assert_equal 422, error.status
    assert_equal "name must not be empty", error.error_message
    assert_equal "invalid_name", error.code
    assert_equal "name", error.param
    assert_nil error.type
    assert_equal "trace_9", error.request_id
    assert_equal({ "detail" => "name must not be empty", "code" => "invalid_name", "field" => "name",
                   "trace_id" => "trace_9" }, error.error)
    assert_match(/\A422 HTTP 422: name must not be empty \(request trace_9\)\. Fix the request \(parameter "name"\)/,
                 error.message)
  end

  def test_the_request_id_header_of_the_plan_wins_over_the_body
    serve do
      json(400, { "detail" => "no", "trace_id" => "trace_1" }, "x-trace-id" => "req_7", "x-request-id" => "other")
    end
    error = assert_raises(Embott::BadRequestError) { problem(max_retries: 0).request(:get, "/x") }
    assert_equal "req_7", error.request_id
  end

  def test_a_body_without_the_fields_or_an_api_without_an_envelope_reads_none
    serve { json(400, { "error" => { "message" => "Embott-shaped", "code" => "c" } }) }
    error = assert_raises(Embott::BadRequestError) { problem(max_retries: 0).request(:get, "/x") }
    assert_nil error.error_message
    assert_nil error.code
    open = Embott::BaseClient.new({ client_name: "Open::Client", default_base_url: "https://x.test" },
                                  base_url: "#{@server.url}/v1", max_retries: 0)
    bare = assert_raises(Embott::BadRequestError) { open.request(:get, "/x") }
    assert_nil bare.code
    assert_nil bare.error
    assert_match(/\A400 HTTP 400: \{/, bare.message)
  end

  def test_retry_statuses_come_from_the_plan
    attempts = 0
    serve do
      attempts += 1
      attempts == 1 ? json(409, { "detail" => "busy" }) : json(200, { "ok" => true })
    end
    assert_equal({ "ok" => true }, problem(max_retries: 1).request(:get, "/x"))
    @server.close
    serve { json(500, { "detail" => "down" }) }
    error = assert_raises(Embott::InternalServerError) { problem(max_retries: 2).request(:get, "/x") }
    assert_equal 1, @server.received.length, "500 is below this API's first retried server status"
    assert_match(/down/, error.message)
  end

  def test_embott_default_never_retries_a_conflict
    serve { json(409, { "error" => { "message" => "conflict" } }) }
    assert_raises(Embott::ConflictError) { client(max_retries: 2).request(:post, "/x") }
    assert_equal 1, @server.received.length
  end

  def test_a_post_without_a_body_sends_content_length_zero_and_no_content_type
    serve { json(200, { "ok" => true }) }
    problem.request(:post, "/customers")
    sent = @server.received.last
    assert_equal "0", sent[:headers]["content-length"]
    refute sent[:headers].key?("content-type")
  end
end
