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

    # @return [String] `value` escaped as one path segment
    # @raise [ArgumentError] when the value is nil or empty (it would change the path)
    def path_param(name, value)
      text = Internal::Query.scalar(value)
      raise ArgumentError, "#{name} must be a non-empty String, got #{value.inspect}" if value.nil? || text.empty?

      Internal::Query.segment(value)
    end

    # Body fields by wire name, leaving out the keyword arguments that were not given (nil).
    # Models passed as values are sent as their fields.
    def fields(values)
      values.each_with_object({}) do |(name, value), body|
        body[name] = serialize(value) unless value.nil?
      end
    end

    def serialize(value)
      case value
      when Model then value.to_h
      when Hash then value.transform_values { |item| serialize(item) }
      when Array then value.map { |item| serialize(item) }
      when Time, Date then Internal::Query.scalar(value)
      else value
      end
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
    # @return [true]
    # @raise [InvalidWebhookSignatureError]
    def verify(payload, header, secret = nil, tolerance: nil, now: nil)
      WebhookSignature.verify(payload, header, webhook_secret(secret), scheme: @client.webhook_scheme,
                                                                       tolerance: tolerance, now: now)
    end

    # Verifies a delivery and returns its event as a model (unknown event types as a generic {Model}).
    # @return [Model]
    # @raise [InvalidWebhookSignatureError]
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
