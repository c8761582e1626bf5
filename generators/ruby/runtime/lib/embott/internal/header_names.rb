# frozen_string_literal: true

require "net/http"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Net::HTTP writes every header name capitalised ("x-request-id" -> "X-Request-Id") by splitting and joining it
    # again on every request. A client sends the same few names on every call, so the request classes the transport
    # builds keep each name's capitalised form: the bytes on the wire are the same.
    module HeaderNames
      # Most names kept (the SDK's own, the credentials' and a caller's extra headers fit easily).
      LIMIT = 256
      # Lower-case name => capitalised name, shared by every client.
      CAPITALISED = {} # rubocop:disable Style/MutableConstant -- a bounded cache

      private

      # Net::HTTPHeader#capitalize, remembered.
      def capitalize(name)
        CAPITALISED[name] || begin
          capitalised = super.freeze
          CAPITALISED[name] = capitalised if CAPITALISED.size < LIMIT && name.is_a?(String)
          capitalised
        end
      end
    end
  end
end
