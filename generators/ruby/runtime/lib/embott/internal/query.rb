# frozen_string_literal: true

require "date"
require "erb"
require "time"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # URL building: path parameters escaped as one segment, query strings with repeated keys for arrays and
    # brackets for nested hashes; nil values are left out.
    module Query
      module_function

      # @param params [Hash] query parameters by wire name
      # @return [String] "a=1&a=2&filter[status]=open" (empty when nothing is set)
      def encode(params)
        pairs(params).map { |key, value| "#{escape(key)}=#{escape(value)}" }.join("&")
      end

      # @param params [Hash]
      # @return [Array<Array(String, String)>]
      def pairs(params, prefix = nil)
        params.each_with_object([]) do |(key, value), result|
          name = prefix ? "#{prefix}[#{key}]" : key.to_s
          append(result, name, value)
        end
      end

      # @param value [Object] a path parameter
      # @return [String] the value as one escaped path segment
      def segment(value)
        escape(scalar(value))
      end

      # @param value [Object]
      # @return [String] the wire text of a scalar (Time as ISO 8601, Date as YYYY-MM-DD)
      def scalar(value)
        case value
        when Time then value.utc.iso8601(3).sub(".000Z", "Z")
        when DateTime then value.to_time.utc.iso8601
        when Date then value.iso8601
        else value.to_s
        end
      end

      def escape(text)
        ERB::Util.url_encode(text.to_s)
      end

      def append(result, name, value)
        case value
        when nil then nil
        when Array then value.each { |item| append(result, name, item) }
        when Hash then result.concat(pairs(value, name))
        else result << [name, scalar(value)]
        end
      end
      private_class_method :escape, :append
    end
  end
end
