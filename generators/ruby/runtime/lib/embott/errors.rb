# frozen_string_literal: true

# Root namespace of the SDK: the client, its services and models, and the runtime they share.
module Embott
  # Root of every error the SDK raises; rescue it to catch them all.
  class Error < StandardError; end

  # The client lacks the credentials an operation (or, at construction, the API) needs: raised before any request.
  # An ArgumentError, like every other unusable configuration.
  class MissingCredentialsError < ArgumentError; end

  # The API answered with an error status (or sent an `error` event inside a stream). The fields are read from
  # the error body where the spec puts them (e.g. `{ "error": { "type", "code", "message", ... } }`).
  class APIError < Error
    # @return [Integer, nil] HTTP status; nil for an error event inside a stream
    attr_reader :status
    # @return [Hash{String => String}] response headers (lower-case names), secrets masked
    attr_reader :headers
    # @return [String, nil] the request id to quote to support: the request id header, else the body's
    attr_reader :request_id
    # @return [Hash, nil] the object of the body holding the error fields (e.g. its `error` object)
    attr_reader :error
    # @return [String, nil] the message the server sent (also part of {#message})
    attr_reader :error_message
    # @return [String, nil] the error type the server sent (e.g. "invalid_request_error")
    attr_reader :type
    # @return [String, nil] the error code the server sent (e.g. "parameter_missing")
    attr_reader :code
    # @return [String, nil] the parameter the server blamed, dotted (e.g. "persona.tone")
    attr_reader :param
    # @return [Object] the parsed body (Hash) or its text, secrets removed
    attr_reader :body
    # @return [RateLimit, nil] the `X-RateLimit-*` and `Retry-After` values, when sent
    attr_reader :rate_limit
    # @return [String, nil] the Idempotency-Key the request carried; reuse it to retry safely
    attr_reader :idempotency_key

    # @param message [String]
    # @param status [Integer, nil]
    # @param headers [Hash{String => String}]
    # @param body [Object]
    # @param fields [Hash{Symbol => Object}] what the body says: `error`, `message`, `type`, `code`, `param`,
    #   `request_id` (see {Internal::ErrorFactory})
    # @param rate_limit [RateLimit, nil]
    # @param idempotency_key [String, nil]
    def initialize(message, status: nil, headers: {}, body: nil, fields: {}, rate_limit: nil, idempotency_key: nil)
      super(message)
      @status = status
      @headers = headers
      @body = body
      @error = fields[:error]
      @error_message = fields[:message]
      @type = fields[:type]
      @code = fields[:code]
      @param = fields[:param]
      @request_id = fields[:request_id]
      @rate_limit = rate_limit
      @idempotency_key = idempotency_key
    end
  end

  # What the server said about rate limits: `X-RateLimit-*` and the wait it asked for.
  RateLimit = Struct.new(:limit, :remaining, :reset, :retry_after, keyword_init: true) do
    # Reads `X-RateLimit-Limit`, `-Remaining`, `-Reset` and `Retry-After` (seconds) from response headers.
    # @param headers [Hash{String => String}] lower-case names
    # @param retry_after [Float, nil] the wait already read from the headers (seconds), if any
    # @return [RateLimit, nil] nil when the server sent none of them
    def self.from_headers(headers, retry_after: nil)
      read = ->(name) { headers[name]&.match?(/\A\s*\d+(\.\d+)?\s*\z/) ? Float(headers[name]) : nil }
      info = new(limit: read.call("x-ratelimit-limit")&.to_i, remaining: read.call("x-ratelimit-remaining")&.to_i,
                 reset: read.call("x-ratelimit-reset")&.to_i, retry_after: retry_after || read.call("retry-after"))
      info.to_h.values.any? ? info : nil
    end
  end

  # 400: the request is malformed or a parameter is invalid (see {APIError#param}).
  class BadRequestError < APIError; end
  # 401: the API key is missing, malformed or unknown.
  class AuthenticationError < APIError; end

  # 403: the API key lacks the scope the operation needs.
  class PermissionDeniedError < APIError
    # @return [String, nil] the scope the key lacks (e.g. "bots:write"), read from the error message
    def missing_scope
      message = error_message.to_s
      message[/'([\w.-]+:[\w.-]+)'/, 1] || message[/\b(\w+:\w+)\b/, 1]
    end
  end

  # 404: no such object in this API key's workspace.
  class NotFoundError < APIError; end
  # 409: the object's state conflicts with the request, or an Idempotency-Key was reused with another body.
  class ConflictError < APIError; end
  # 422: the request is well formed but semantically invalid.
  class UnprocessableEntityError < APIError; end

  # 429: too many requests.
  class RateLimitError < APIError
    # @return [Float, nil] seconds the server asked to wait
    def retry_after
      rate_limit&.retry_after
    end
  end

  # 5xx: the server failed; retried automatically before this is raised.
  class InternalServerError < APIError; end

  # The request got no response: refused, reset, DNS, TLS. {#cause} holds the low-level error.
  class APIConnectionError < Error
    # @return [String, nil] the Idempotency-Key the request carried; reuse it to retry safely
    attr_reader :idempotency_key

    # @param message [String]
    # @param idempotency_key [String, nil]
    def initialize(message, idempotency_key: nil)
      super(message)
      @idempotency_key = idempotency_key
    end
  end

  # The connection, a read or the gap between two stream events exceeded its timeout.
  class APITimeoutError < APIConnectionError; end
  # A stream ended before its final event: the answer is incomplete.
  class StreamTruncatedError < APIConnectionError; end

  # A list's next cursor (or link) points back to a page already seen: following it would loop forever.
  class PaginationCycleError < Error; end

  # A webhook delivery failed verification; {#code} says why.
  class InvalidWebhookSignatureError < Error
    # @return [String] missing_header, malformed_header, no_signatures, signature_mismatch,
    #   timestamp_too_old or timestamp_in_future
    attr_reader :code
    # @return [String, nil] extra guidance, e.g. when the body looks re-serialised
    attr_reader :hint

    # @param code [String]
    # @param message [String]
    # @param hint [String, nil]
    def initialize(code, message, hint: nil)
      super(hint ? "#{message} #{hint}" : message)
      @code = code
      @hint = hint
    end
  end
end
