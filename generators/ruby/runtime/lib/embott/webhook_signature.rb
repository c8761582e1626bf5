# frozen_string_literal: true

require "base64"
require "json"
require "openssl"

module Embott
  # Webhook signature verification and test headers. A scheme is a Hash: `header` (e.g. "X-Signature"),
  # `scheme` ("timestamped": `t=<unix>,v1=<sig>[,v1=<sig>...]` over "{t}.{body}"; "plain": `<prefix><sig>` over
  # the body), `encoding` ("hex" or "base64"), `prefix`, `tolerance` (seconds, default 300).
  module WebhookSignature
    # Seconds of clock difference allowed both ways when the scheme does not say.
    DEFAULT_TOLERANCE = 300
    # Added to a mismatch when the body looks like JSON.
    REPARSED_HINT = "If your framework parsed the JSON body and re-serialised it (whitespace, key order or escapes " \
                    "changed), verify the raw request body instead (e.g. request.raw_post, request.body.read)."

    module_function

    # Checks a delivery; returns true when authentic, raises {InvalidWebhookSignatureError} otherwise.
    # Order: header, then signature, then the timestamp window.
    # @param payload [String] the raw request body, exactly as received
    # @param header [String, Array<String>, Hash, nil] the signature header's value, or all request headers
    #   (looked up case-insensitively; Rack's `HTTP_EMBOTT_SIGNATURE` form too)
    # @param secret [String] the endpoint's signing secret
    # @param scheme [Hash] see {WebhookSignature}
    # @param tolerance [Numeric, nil] seconds of clock difference allowed both ways
    # @param now [Numeric, Time, nil] the current time (for tests)
    # @return [true]
    # @raise [InvalidWebhookSignatureError] when the delivery fails verification
    # @raise [ArgumentError] when the secret is missing, `tolerance` is not a finite non-negative number or `now`
    #   not a Time or finite number (checked before the signature)
    def verify(payload, header, secret, scheme:, tolerance: nil, now: nil)
      raise ArgumentError, "a webhook signing secret is required" unless secret.is_a?(String) && !secret.empty?

      tolerance ||= scheme[:tolerance] || DEFAULT_TOLERANCE
      check_clock(tolerance, now)

      value = read_header(header, scheme.fetch(:header))
      body = raw_bytes(payload)
      if scheme[:scheme].to_s == "plain"
        assert_match(body, sign(secret, body, scheme), plain_signatures(value, scheme[:prefix].to_s), scheme)
      else
        timestamp_text, signatures = parse_timestamped(value)
        assert_match(body, sign(secret, "#{timestamp_text}.".b + body, scheme), signatures, scheme)
        assert_fresh(Integer(timestamp_text, 10), tolerance, now)
      end
      true
    end

    # Verifies, then parses the body as JSON.
    # @return [Hash] the event
    # @raise [InvalidWebhookSignatureError] when the signature is bad or the body is not a JSON object
    def unwrap(payload, header, secret, scheme:, tolerance: nil, now: nil)
      verify(payload, header, secret, scheme: scheme, tolerance: tolerance, now: now)
      event = JSON.parse(raw_bytes(payload).force_encoding(Encoding::UTF_8))
      raise JSON::ParserError, "not an object" unless event.is_a?(Hash)

      event
    rescue JSON::ParserError => e
      raise Error, "The webhook body is correctly signed but is not a JSON event object (#{e.message[0, 100]})."
    end

    # A valid signature header for `payload`, for testing your own webhook handler.
    # @param payload [String, Hash] the exact body you will send (a Hash is serialised with JSON.generate)
    # @param secret [String]
    # @param scheme [Hash]
    # @param timestamp [Integer, nil] unix seconds (default now)
    # @return [String]
    def generate_test_header(payload, secret, scheme:, timestamp: nil)
      body = raw_bytes(payload.is_a?(Hash) ? JSON.generate(payload) : payload)
      return "#{scheme[:prefix]}#{sign(secret, body, scheme)}" if scheme[:scheme].to_s == "plain"

      timestamp ||= Time.now.to_i
      "t=#{timestamp},v1=#{sign(secret, "#{timestamp}.".b + body, scheme)}"
    end

    def sign(secret, message, scheme)
      digest = OpenSSL::HMAC.digest("SHA256", secret.b, message)
      scheme[:encoding].to_s == "base64" ? Base64.strict_encode64(digest) : digest.unpack1("H*")
    end

    def read_header(header, name)
      value = lookup(header, name)
      value = value.join(",") if value.is_a?(Array) && value.all?(String)
      unless value.nil? || value.is_a?(String)
        raise InvalidWebhookSignatureError.new("malformed_header",
                                               "The #{name} header must be a String, got #{value.class}.")
      end

      if value.nil? || value.strip.empty?
        raise InvalidWebhookSignatureError.new("missing_header",
                                               "The #{name} header is missing or empty.")
      end

      value
    end

    def lookup(header, name)
      return header unless header.is_a?(Hash)

      wanted = [name.downcase, "http_#{name.downcase.tr("-", "_")}"]
      header.find { |key, _| wanted.include?(key.to_s.downcase) }&.last
    end

    def raw_bytes(payload)
      return payload.b if payload.is_a?(String)

      raise InvalidWebhookSignatureError.new(
        "signature_mismatch", "The webhook body must be the raw request body (a String), got #{payload.class}.",
        hint: "It looks parsed: the signature covers the exact bytes received, " \
              "so verify the raw body and parse it afterwards."
      )
    end

    def parse_timestamped(value)
      timestamp = nil
      signatures = []
      value.split(",").each do |entry|
        key, text = entry.strip.split("=", 2).map(&:strip)
        raise malformed("entry \"#{entry.strip[0, 40]}\" is not key=value") if text.nil? || key.empty?

        if key == "t"
          raise malformed("it has more than one \"t=\" timestamp") unless timestamp.nil?
          raise malformed("timestamp \"#{text[0, 40]}\" is not unix seconds") unless text.match?(/\A\d+\z/)

          timestamp = text
        elsif key == "v1" && !text.empty?
          signatures << text
        end
      end
      raise malformed("it has no \"t=\" timestamp") if timestamp.nil?

      if signatures.empty?
        raise InvalidWebhookSignatureError.new("no_signatures",
                                               "The signature header has no v1= entries.")
      end

      [timestamp, signatures]
    end

    def plain_signatures(value, prefix)
      signatures = value.split(",").map(&:strip).select do |entry|
        entry.start_with?(prefix) && entry.length > prefix.length
      end
      if signatures.empty?
        raise InvalidWebhookSignatureError.new("no_signatures",
                                               "The signature header has no \"#{prefix}\" signature.")
      end

      signatures.map { |entry| entry.delete_prefix(prefix) }
    end

    def assert_match(body, expected, candidates, scheme)
      hex = scheme[:encoding].to_s != "base64"
      matched = candidates.count do |candidate|
        candidate = candidate.downcase if hex
        candidate.bytesize == expected.bytesize && OpenSSL.fixed_length_secure_compare(candidate, expected)
      end
      return if matched.positive?

      hint = body.lstrip.start_with?("{", "[") ? REPARSED_HINT : nil
      raise InvalidWebhookSignatureError.new(
        "signature_mismatch", "No signature in the header matches the body (#{candidates.length} tried).", hint: hint
      )
    end

    # `tolerance` and `now` are the caller's arguments: a wrong one is an ArgumentError, whatever the signature.
    def check_clock(tolerance, now)
      unless tolerance.is_a?(Numeric) && tolerance.to_f.finite? && tolerance >= 0
        raise ArgumentError,
              "tolerance must be a finite, non-negative number of seconds, got #{tolerance.inspect}"
      end
      return if now.nil? || now.is_a?(Time) || (now.is_a?(Numeric) && now.to_f.finite?)

      raise ArgumentError, "now must be a Time or finite unix seconds, got #{now.inspect}"
    end

    def assert_fresh(timestamp, tolerance, now)
      now = now.nil? ? Time.now.to_i : now.to_r
      age = now - timestamp
      if age > tolerance
        raise InvalidWebhookSignatureError.new(
          "timestamp_too_old",
          "The signature timestamp is #{age.to_i} s old (tolerance #{tolerance} s): a replay, or a clock that is off."
        )
      end
      return unless -age > tolerance

      raise InvalidWebhookSignatureError.new(
        "timestamp_in_future",
        "The signature timestamp is #{-age.to_i} s in the future (tolerance #{tolerance} s): check your clock."
      )
    end

    def malformed(reason)
      InvalidWebhookSignatureError.new(
        "malformed_header",
        "The signature header is malformed: #{reason}. Expected \"t=<unix seconds>,v1=<signature>\"."
      )
    end
    private_class_method :sign, :read_header, :lookup, :raw_bytes, :parse_timestamped, :plain_signatures,
                         :assert_match, :assert_fresh, :malformed
  end
end
