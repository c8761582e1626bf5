# frozen_string_literal: true

require "time"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # When to retry and how long to wait: the rules every generated SDK shares.
    module RetryPolicy
      # Seconds before the first retry (minus jitter).
      INITIAL_DELAY = 0.5
      # Longest backoff in seconds.
      MAX_DELAY = 8.0
      # Our backoff is shortened by up to this fraction.
      MAX_JITTER = 0.25
      # A server-sent wait is stretched by up to this fraction, so clients told the same wait do not return together.
      SERVER_WAIT_JITTER = 0.1
      # Retryable statuses below {MIN_SERVER_ERROR_STATUS} (the API's plan may name others).
      RETRYABLE_STATUSES = [408, 429].freeze
      # Every status from this one up is retried.
      MIN_SERVER_ERROR_STATUS = 500
      # Methods sent without an automatic Idempotency-Key.
      SAFE_METHODS = %w[GET HEAD OPTIONS].freeze
      # A non-negative decimal number of seconds or milliseconds.
      NUMBER = /\A\s*\d+(\.\d+)?\s*\z/

      module_function

      # @param status [Integer]
      # @param headers [Hash{String => String}] lower-case names
      # @param statuses [Array<Integer>] retried statuses below `min_server_error`
      # @param min_server_error [Integer] every status from this one up is retried
      # @return [Boolean] `x-should-retry` wins; else 408, 429 and >= 500 (never 409) unless the API says otherwise
      def retryable_status?(status, headers, statuses: RETRYABLE_STATUSES, min_server_error: MIN_SERVER_ERROR_STATUS)
        case headers["x-should-retry"]&.strip&.downcase
        when "true" then true
        when "false" then false
        else statuses.include?(status) || status >= min_server_error
        end
      end

      # @param method [String] upper-case HTTP method
      # @return [Boolean] whether the request carries an automatic Idempotency-Key
      def idempotency_key?(method)
        !SAFE_METHODS.include?(method)
      end

      # Our own backoff for the `retry_index`-th retry (0 = first): min(0.5 s * 2^n, 8 s) * (1 - 0.25 * random).
      # @return [Float] seconds, never 0 (the first wait is 0.375 to 0.5 s)
      def backoff(retry_index, random)
        [INITIAL_DELAY * (2**retry_index), MAX_DELAY].min * (1 - (MAX_JITTER * random))
      end

      # The wait the server asked for: `retry-after-ms`, else `Retry-After` in seconds or as an HTTP-date.
      # @param headers [Hash{String => String}] lower-case names
      # @param now [Time]
      # @return [Float, nil] seconds; nil when absent, unparsable or not in the future
      def server_wait(headers, now)
        ms = headers["retry-after-ms"]
        return ms.to_f / 1000 if ms&.match?(NUMBER)

        value = headers["retry-after"]&.strip
        return nil if value.nil? || value.empty?
        return value.to_f if value.match?(NUMBER)

        wait = Time.httpdate(value) - now
        wait.positive? ? wait : nil
      rescue ArgumentError
        nil
      end

      # How long to sleep before the next retry.
      # @return [Float, nil] seconds; nil when the server asked for more than `max_retry_after` (give up now)
      def delay(retry_index:, headers:, max_retry_after:, random:, now:)
        requested = headers && server_wait(headers, now)
        return nil if requested && requested > max_retry_after
        return requested * (1 + (SERVER_WAIT_JITTER * random)) if requested&.positive?

        backoff(retry_index, random)
      end
    end
  end
end
