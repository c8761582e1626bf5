# frozen_string_literal: true

module Embott
  # What the HTTP response that produced a result said about itself, as `result.last_response`
  # (like stripe-ruby's `last_response`): status, headers (secrets scrubbed), request id and rate-limit info.
  #
  # @example
  #   bot = client.bots.get(bot_id: "bot_123")
  #   bot.last_response.request_id        # => "req_..."
  #   bot.last_response.rate_limit&.remaining
  ResponseInfo = Struct.new(:status, :headers, :request_id, :rate_limit, keyword_init: true) do
    # @api private
    # @param status [Integer]
    # @param headers [Hash{String => String}] lower-case names, already scrubbed of secrets
    # @param request_id_header [String] the API's request id header (the plan's)
    # @return [ResponseInfo]
    def self.from(status, headers, request_id_header = "x-request-id")
      new(status: status, headers: headers.freeze, request_id: headers[request_id_header],
          rate_limit: RateLimit.from_headers(headers))
    end

    # @return [String] status and request id only
    def inspect
      "#<#{self.class.name} status=#{status} request_id=#{request_id.inspect}>"
    end
    alias_method :to_s, :inspect
  end
end
