# frozen_string_literal: true

require "json"
require "time"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Turns an error response into the typed error whose message says what happened and what to do.
    class ErrorFactory
      # The error class for each status; other 5xx are InternalServerError, the rest APIError.
      STATUS_CLASSES = {
        400 => BadRequestError, 401 => AuthenticationError, 403 => PermissionDeniedError,
        404 => NotFoundError, 409 => ConflictError, 422 => UnprocessableEntityError, 429 => RateLimitError
      }.freeze

      # The fields an error body may carry, each read through its key path in the envelope.
      FIELDS = %i[message type code param request_id].freeze

      # @param redactor [Redactor]
      # @param api_key_env [String, nil] the variable that holds the key, named in 401 hints
      # @param envelope [Hash{Symbol => Array<String>}, nil] key path of each of {FIELDS} in an error body
      #   (e.g. `message: ["error", "message"]`); nil when the API declares no error body
      # @param request_id_header [String] lower-case name of the response header carrying the request id
      def initialize(redactor, api_key_env, envelope: nil, request_id_header: "x-request-id")
        @redactor = redactor
        @api_key_env = api_key_env
        @envelope = (envelope || {}).slice(*FIELDS)
        @request_id_header = request_id_header
      end

      # @param status [Integer]
      # @param headers [Hash{String => String}] lower-case names
      # @param body [Object] parsed JSON or text
      # @param retries [Integer] retries made before giving up
      # @param server_wait [Float, nil] seconds the server asked to wait
      # @param over_cap [Float, nil] the max_retry_after the wait exceeded (so no retry was made)
      # @param idempotency_key [String, nil]
      # @return [APIError]
      def from_response(status:, headers:, body:, retries: 0, server_wait: nil, over_cap: nil, idempotency_key: nil)
        klass = STATUS_CLASSES.fetch(status) { status >= 500 ? InternalServerError : APIError }
        safe_body = @redactor.scrub_value(body)
        safe_headers = @redactor.headers(headers)
        rate_limit = RateLimit.from_headers(safe_headers, retry_after: server_wait)
        fields = read_fields(safe_body, safe_headers)
        probe = APIError.new("", status: status, headers: safe_headers, body: safe_body, fields: fields)
        message = describe(probe, hint(probe, rate_limit, retries, server_wait, over_cap))
        klass.new(@redactor.scrub(message), status: status, headers: safe_headers, body: safe_body, fields: fields,
                                            rate_limit: rate_limit, idempotency_key: idempotency_key)
      end

      # The error for an `error` event inside a stream.
      # @param payload [Object] the event's data
      # @param headers [Hash{String => String}]
      # @return [APIError]
      def from_stream_event(payload, headers)
        body = @redactor.scrub_value(enveloped(payload))
        safe_headers = @redactor.headers(headers)
        fields = read_fields(body, safe_headers)
        probe = APIError.new("", headers: safe_headers, body: body, fields: fields)
        APIError.new(@redactor.scrub("Stream error: #{describe(probe, nil)}"), headers: safe_headers, body: body,
                                                                               fields: fields)
      end

      private

      # The body's fields through the envelope's paths; the request id header wins over the body's.
      def read_fields(body, headers)
        fields = @envelope.transform_values { |path| text_at(body, path) }
        fields[:request_id] = headers[@request_id_header] || fields[:request_id]
        fields[:error] = holder(body)
        fields
      end

      # The object holding the message (e.g. the `error` object), when it is one.
      def holder(body)
        path = @envelope[:message]
        return nil unless path && body.is_a?(Hash)

        parent = path.length > 1 ? body.dig(*path[0..-2]) : body
        parent.is_a?(Hash) ? parent : nil
      rescue TypeError
        nil
      end

      def text_at(body, path)
        value = body.is_a?(Hash) && !path.empty? ? body.dig(*path) : nil
        value.is_a?(String) || value.is_a?(Numeric) ? value.to_s : nil
      rescue TypeError
        nil
      end

      # A stream's error event may carry the inner error object alone: put it where the envelope expects it.
      def enveloped(payload)
        outer = (@envelope[:message] || [])[0..-2]
        return payload if outer.empty? || (payload.is_a?(Hash) && payload.key?(outer.first))

        outer.reverse.reduce(payload) { |inner, key| { key => inner } }
      end

      def describe(error, hint)
        kind = error.type || (error.status ? "HTTP #{error.status}" : "error")
        detail = error.error_message || excerpt(error.body)
        head = error.status ? "#{error.status} #{kind}" : kind
        where = error.request_id ? " (request #{error.request_id})" : ""
        "#{head}: #{detail}#{where}.#{hint ? " #{hint}" : ""}"
      end

      # The body itself when no envelope field names the message: its text or JSON, cut at 500 characters.
      def excerpt(body)
        text = body.is_a?(String) ? body : body && JSON.generate(body)
        text.nil? || text.empty? ? "no details" : text[0, 500]
      end

      def hint(error, rate_limit, retries, server_wait, over_cap)
        return over_cap_hint(server_wait, over_cap, retries) if over_cap

        retried = if retries.positive?
                    " after #{retries} #{retries == 1 ? "retry" : "retries"}"
                  else
                    ""
                  end
        case error.status
        when 400, 422 then "Fix the request#{error.param ? " (parameter \"#{error.param}\")" : ""} and try again."
        when 401 then "Check your API key#{@api_key_env ? " (#{@api_key_env})" : ""}."
        when 403 then "The API key lacks the permission (scope) this operation needs; use a key that has it."
        when 404 then "Check the id and that it belongs to this API key's workspace."
        when 409 then "The object's state conflicts with the request " \
                      "(or an Idempotency-Key was reused with another body)."
        when 429
          "Retry after #{format_seconds(rate_limit&.retry_after) || "a few"} s or lower your request rate#{retried}."
        else error.status.to_i >= 500 ? "Server error#{retried}; try again later." : nil
        end
      end

      def over_cap_hint(wait, cap, retries)
        at = (Time.now + wait).utc.iso8601
        again = retries.positive? ? " again" : ""
        "The server asked to wait #{wait.ceil} s (until #{at}), longer than max_retry_after " \
          "(#{format_seconds(cap)} s), so the request was not retried#{again}: " \
          "retry after that time or raise max_retry_after."
      end

      def format_seconds(value)
        return nil if value.nil?

        value == value.to_i ? value.to_i.to_s : value.round(3).to_s
      end
    end
  end
end
