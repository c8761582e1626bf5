# frozen_string_literal: true

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # The {ResponseInfo} of a returned model, built (headers scrubbed of secrets) only when `last_response` is
    # first read: most calls never read it. Serialised (Marshal, YAML) as the built ResponseInfo, so neither the
    # unscrubbed headers nor the secrets the redactor holds are ever written out.
    class LazyResponseInfo
      # @param response [Transport::Response]
      # @param redactor [Redactor]
      # @param request_id_header [String] the API's request id header
      def initialize(response, redactor, request_id_header)
        @response = response
        @redactor = redactor
        @request_id_header = request_id_header
      end

      # @return [ResponseInfo]
      def resolve
        @resolve ||= ResponseInfo.from(@response.status, @redactor.headers(@response.headers), @request_id_header)
      end

      # @return [String] Marshal's form: the built ResponseInfo (loaded back as one)
      def _dump(_level)
        Marshal.dump(resolve)
      end

      # @return [ResponseInfo]
      def self._load(data)
        Marshal.load(data) # rubocop:disable Security/MarshalLoad -- only what #_dump wrote
      end

      # YAML's form: the built ResponseInfo.
      # @return [void]
      def encode_with(coder)
        coder["info"] = resolve
      end

      # @return [void]
      def init_with(coder)
        @resolve = coder["info"]
      end

      # @return [String]
      def inspect
        resolve.inspect
      end
    end
  end
end
