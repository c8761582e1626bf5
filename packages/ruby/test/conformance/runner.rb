# frozen_string_literal: true

require "base64"
require "json"
require "socket"
require_relative "checks"
require_relative "mock_control"
require_relative "delivery_check"

module Conformance
  # Runs one neutral scenario through the Ruby SDK against the HTTP mock; returns what did not hold.
  class Runner
    DEFAULT_KEY = "sk_live_admin_0001"

    # Neutral error class => the SDK's exception (APITimeoutError before its parent APIConnectionError).
    CLASSES = {
      "bad_request" => "BadRequestError",
      "authentication" => "AuthenticationError",
      "permission_denied" => "PermissionDeniedError",
      "not_found" => "NotFoundError",
      "conflict" => "ConflictError",
      "unprocessable_entity" => "UnprocessableEntityError",
      "rate_limit" => "RateLimitError",
      "internal_server" => "InternalServerError",
      "timeout" => "APITimeoutError",
      "connection" => "APIConnectionError"
    }.freeze

    def initialize(mock, repo_root)
      @mock = mock
      @repo_root = repo_root
      @saved = {}
    end

    def run(scenario)
      @mock.apply(scenario)
      @saved = {}
      client = build_client(scenario["client"] || {})
      scenario["steps"].each_with_index do |step, index|
        problems = step(step, client)
        next if problems.empty?

        label = "step #{index + 1}#{step.key?("call") ? " (#{step["call"]})" : ""}"
        return problems.map { |problem| "#{label}: #{problem}" }
      end
      []
    end

    # `sendMessage` => `send_message`, as the Ruby naming refiner cases method and resource words.
    def self.snake(raw)
      raw.gsub(/(?<=[a-z0-9])(?=[A-Z])/, "_").tr("-", "_").downcase
    end

    # The wire JSON of a result: models as received (unknown fields included), keys as strings, lists mapped.
    def self.wire(value)
      return value.map { |item| wire(item) } if value.is_a?(Array)
      return JSON.parse(JSON.generate(value.to_h)) if value.respond_to?(:to_h) && !value.is_a?(Hash)

      value
    end

    # "valid" or the signature error's code.
    def self.verify(client, body, header, secret, **options)
      client.webhooks.verify(body, header, secret, **options)
      "valid"
    rescue Embott::InvalidWebhookSignatureError => e
      e.code.to_s
    end

    private

    def build_client(settings)
      server = settings["server"] == "canned" ? @mock.canned_url : @mock.mock_url
      options = { api_key: settings.fetch("api_key", DEFAULT_KEY), base_url: "#{server}/v1",
                  timeout: settings.fetch("timeout_ms", 10_000) / 1000.0 }
      options[:max_retries] = settings["max_retries"] if settings.key?("max_retries")
      Embott::Client.new(**options)
    end

    def step(step, client)
      return call(step, client) if step.key?("call")
      return mock_step(step) if step.key?("mock")
      return @mock.check_requests(step["requests"]) if step.key?("requests")
      return vectors(client, step["webhook_vectors"], step["min_cases"]) if step.key?("webhook_vectors")

      if step.key?("sleep_ms")
        sleep(step["sleep_ms"] / 1000.0)
        return []
      end
      DeliveryCheck.new(@mock, client).run(step["webhook_delivery"])
    end

    def mock_step(step)
      spec = step["mock"]
      status, answer = @mock.send_request(spec["method"], @mock.mock_url + spec["path"],
                                          Checks.substitute(spec["body"], @saved))
      @saved[step["save"]] = answer if step.key?("save")
      want = step["expect_status"]
      want && status != want ? ["#{spec["path"]} answered #{status}, expected #{want}"] : []
    end

    def call(step, client)
      resource_id, method_name = step["call"].split(".", 2)
      resource = client.public_send(self.class.snake(resource_id))
      args = Checks.substitute(step["args"] || {}, @saved).transform_keys { |key| self.class.snake(key).to_sym }
      expect = step["expect"]
      begin
        result = resource.public_send(self.class.snake(method_name), **args)
        outcome = outcome_of(step.fetch("mode", "plain"), result)
      rescue StandardError, ScriptError => e
        return ["unexpected #{e.class}: #{e.message}"] unless expect.key?("error")

        return check_error(e, expect) + key_problems(e, expect) + @mock.check_requests(expect["requests"] || [])
      end
      return ["expected a #{expect["error"]["class"]} error, got a #{outcome[:kind]}"] if expect.key?("error")

      @saved[step["save"]] = outcome[:value] if outcome[:kind] == :result && step.key?("save")
      check_outcome(outcome, result, expect) + @mock.check_requests(expect["requests"] || [])
    end

    def outcome_of(mode, result)
      case mode
      when "plain" then { kind: :result, value: self.class.wire(result) }
      when "page" then { kind: :page, items: self.class.wire(result.data.to_a), next: result.next_page? }
      when "paginate" then { kind: :items, items: result.auto_paging_each.map { |item| self.class.wire(item) } }
      else { kind: :events, items: result.each.map { |event| self.class.wire(event) } }
      end
    end

    def check_outcome(outcome, result, expect)
      case outcome[:kind]
      when :result then check_result(outcome[:value], result, expect)
      when :page
        problems = []
        page = expect["page"]
        if page && (outcome[:items].length != page["count"] || outcome[:next] != page["has_next"])
          problems << "page has #{outcome[:items].length} items (next: #{outcome[:next]}), " \
                      "expected #{page["count"]} (next: #{page["has_next"]})"
        end
        problems + Checks.items(outcome[:items], expect["items"] || {})
      when :items then Checks.items(outcome[:items], expect["items"] || {})
      else expect.key?("events") ? Checks.events(outcome[:items], expect["events"]) : []
      end
    end

    def check_result(value, result, expect)
      problems = expect.key?("result") ? Checks.match(value, expect["result"], "result") : []
      info = result.respond_to?(:last_response) ? result.last_response : nil
      if expect["request_id"] && !info&.request_id.to_s.start_with?("req_")
        problems << "result request id is #{info&.request_id.inspect}, expected req_..."
      end
      limit = expect.dig("rate_limit", "limit")
      if limit && info&.rate_limit&.limit != limit
        problems << "result rate-limit limit is #{info&.rate_limit&.limit.inspect}, expected #{limit}"
      end
      problems
    end

    def check_error(error, expect)
      want = expect["error"]
      cls = Embott.const_get(CLASSES.fetch(want["class"]))
      return ["expected #{cls}, got #{error.class}: #{error.message}"] unless error.is_a?(cls)

      api = error.is_a?(Embott::APIError) ? error : nil
      envelope = (api&.error || {}).transform_keys(&:to_s)
      retried = error.message[/after (\d+) retr/, 1]
      actual = { "status" => api&.status, "type" => envelope["type"], "code" => envelope["code"],
                 "param" => envelope["param"], "retries" => if retried
                                                              retried.to_i
                                                            else
                                                              (api ? 0 : nil)
                                                            end }
      problems = actual.filter_map do |field, value|
        if want.key?(field) && value != want[field]
          "error #{field} is #{value.inspect}, expected #{want[field].inspect}"
        end
      end
      (want["message_contains"] || []).each do |text|
        problems << "error message does not name #{text.inspect}: #{error.message}" unless error.message.include?(text)
      end
      (want["message_excludes"] || []).each do |text|
        problems << "error message contains #{text.inspect}" if error.message.include?(text)
      end
      if want["request_id"] && !api&.request_id.to_s.start_with?("req_")
        problems << "error request id is #{api&.request_id.inspect}, expected req_..."
      end
      problems + rate_limit_problems(api, expect["rate_limit"])
    end

    def key_problems(error, expect)
      operation = expect.dig("requests", 0, "operation_id")
      return [] unless expect["error"]["idempotency_key"] && operation

      logged = @mock.idempotency_keys(operation)
      sent = error.respond_to?(:idempotency_key) ? error.idempotency_key : nil
      return [] if sent.is_a?(String) && logged.include?(sent)

      ["error idempotency key is #{sent.inspect}; the mock received #{logged.inspect}"]
    end

    def rate_limit_problems(api, want)
      return [] unless want

      info = api&.rate_limit
      limit = info.respond_to?(:limit) ? info.limit : info&.dig(:limit)
      after = info.respond_to?(:retry_after) ? info.retry_after : info&.dig(:retry_after)
      problems = []
      if want.key?("limit") && limit != want["limit"]
        problems << "error rate-limit limit is #{limit.inspect}, expected #{want["limit"]}"
      end
      if want.key?("retry_after") && !Checks.same?(after, want["retry_after"])
        problems << "error retry-after is #{after.inspect}, expected #{want["retry_after"]}"
      end
      problems
    end

    def vectors(client, file, min_cases)
      cases = JSON.parse(File.read(File.join(@repo_root, file)))["cases"]
      own = cases.select do |c|
        c["scheme"].values_at("header", "scheme", "encoding") == %w[Embott-Signature timestamped hex]
      end
      problems = []
      problems << "#{own.length} vectors of the spec's scheme, expected at least #{min_cases}" if own.length < min_cases
      own.each do |c|
        body = c["body_encoding"] == "base64" ? Base64.strict_decode64(c["body"]) : c["body"].dup
        got = self.class.verify(client, body, c["header"], c["secret"], tolerance: c["tolerance"], now: c["now"])
        problems << "vector #{c["name"]}: got #{got}, expected #{c["expect"]}" unless got == c["expect"]
      end
      problems
    end
  end
end
