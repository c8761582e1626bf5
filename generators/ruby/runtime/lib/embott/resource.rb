# frozen_string_literal: true

module Embott
  # Base of the generated service classes (`client.bots`, `client.conversations`, ...).
  class Resource
    # @api private
    # @param client [BaseClient]
    def initialize(client)
      @client = client
    end

    # @return [String]
    def inspect
      "#<#{self.class.name}>"
    end

    private

    # @return [String] `value` escaped as one path segment (arrays joined with ",")
    # @raise [ArgumentError] when the value is missing or empty (it would change the path)
    def path_param(name, value)
      return value if value.is_a?(String) && !value.empty? && value.match?(Internal::Query::PLAIN)

      if Internal::Query.omitted?(value) || Internal::Query.header(value).empty?
        raise ArgumentError, "#{name} must be a non-empty value, got #{value.inspect}"
      end

      Internal::Query.segment(value)
    end
  end

  # The webhook helpers every generated `webhooks` service has: {#verify}, {#unwrap} and {#generate_test_header}.
  # The secret defaults to the client's `webhook_secret` (or its environment variable).
  module WebhookHelpers
    # Checks a delivery's signature.
    # @param payload [String] the raw request body
    # @param header [String, Hash] the signature header's value, or the request headers
    # @param secret [String, nil] the endpoint's signing secret (default: the client's)
    # @param tolerance [Numeric, nil] seconds of clock difference allowed (default 300)
    # @param now [Numeric, Time, nil] the current time (for tests)
    # @return [true]
    # @raise [InvalidWebhookSignatureError] when the delivery fails verification
    # @raise [ArgumentError] when `tolerance` or `now` is not a finite number (or `now` a Time), or no secret is set
    def verify(payload, header, secret = nil, tolerance: nil, now: nil)
      WebhookSignature.verify(payload, header, webhook_secret(secret), scheme: @client.webhook_scheme,
                                                                       tolerance: tolerance, now: now)
    end

    # Verifies a delivery and returns its event as a model. An event type this SDK does not know yet (a newer
    # server event) is a generic {Model}: `event["type"]`, every field by wire name with `[]` and `to_h`.
    # @return [Model]
    # @raise [InvalidWebhookSignatureError] when the delivery fails verification
    # @raise [ArgumentError] when `tolerance` or `now` is not a finite number (or `now` a Time)
    def unwrap(payload, header, secret = nil, tolerance: nil, now: nil)
      event = WebhookSignature.unwrap(payload, header, webhook_secret(secret), scheme: @client.webhook_scheme,
                                                                               tolerance: tolerance, now: now)
      Model.coerce(event, event_type)
    end

    # A valid signature header for `payload`, to test your webhook handler.
    # @param payload [String, Hash]
    # @param secret [String, nil]
    # @param timestamp [Integer, nil] unix seconds (default now)
    # @return [String]
    def generate_test_header(payload, secret = nil, timestamp: nil)
      WebhookSignature.generate_test_header(payload, webhook_secret(secret), scheme: @client.webhook_scheme,
                                                                             timestamp: timestamp)
    end

    private

    # The Union of event models; generated services override it.
    def event_type
      nil
    end

    def webhook_secret(secret)
      secret || @client.webhook_secret or
        raise ArgumentError, "A webhook signing secret is required: pass it, or set webhook_secret: on the client."
    end
  end
end
