# frozen_string_literal: true

require "date"
require "time"

module Embott
  module Internal
    # Query strings, path segments, headers and cookies, serialised the OpenAPI way: `form` (explode repeats
    # the key, else joins with ","), `pipeDelimited`, `spaceDelimited`, `deepObject` (`filter[status]=open`).
    # Names and values are percent-encoded except RFC 3986 unreserved characters (and reserved ones with
    # `allow_reserved`). Values left out ({OMIT}, nil) are not sent.
    module Query
      # RFC 3986 unreserved characters, never encoded.
      UNRESERVED = "A-Za-z0-9\\-._~"
      # RFC 3986 reserved characters, kept as they are for `allow_reserved` parameters.
      RESERVED = ":/?#\\[\\]@!$&'()*+,;="
      # Array delimiters per style (not encoded).
      DELIMITERS = { "form" => ",", "pipeDelimited" => "|", "spaceDelimited" => "%20" }.freeze
      # Text that needs no escaping.
      PLAIN = /\A[#{UNRESERVED}]*\z/
      # Characters {escape} looks at.
      ESCAPED = /[^#{UNRESERVED}]/n
      # What {escape} keeps as it is.
      KEEP_UNRESERVED = /[#{UNRESERVED}]/
      # What {escape} keeps as it is with `allow_reserved`.
      KEEP_RESERVED = /[#{UNRESERVED}#{RESERVED}]/

      module_function

      # @param params [Hash{String => Object}] query values by wire name, in the order to send
      # @param styles [Hash{String => Hash}] per name: `style`, `explode`, `allow_reserved` (default: form, exploded)
      # @return [String] the encoded query, without "?" (empty when nothing is sent)
      def encode(params, styles = {})
        params.flat_map { |name, value| pairs(name.to_s, value, styles[name.to_s] || {}) }.join("&")
      end

      # @param value [Object] a path parameter (arrays are joined with ",")
      # @return [String] the value as one escaped path segment
      def segment(value)
        return value.map { |item| escape(scalar(item)) }.join(",") if value.is_a?(Array)

        escape(scalar(value))
      end

      # @param value [Object] a header value (arrays joined with ",")
      # @return [String]
      def header(value)
        value.is_a?(Array) ? value.map { |item| scalar(item) }.join(",") : scalar(value)
      end

      # @param cookies [Hash{String => Object}]
      # @return [String, nil] the `Cookie` header value, nil when no cookie is set
      def cookie(cookies)
        set = cookies.reject { |_, value| omitted?(value) }
        set.empty? ? nil : set.map { |name, value| "#{name}=#{escape(header(value))}" }.join("; ")
      end

      # @param value [Object]
      # @return [String] the wire text of a scalar (Time as ISO 8601, Date as YYYY-MM-DD, true/false)
      def scalar(value)
        case value
        when Time then value.utc.iso8601(3).sub(".000Z", "Z")
        when DateTime then value.to_time.utc.iso8601
        when Date then value.iso8601
        when Model then JSON.generate(value.to_h)
        else value.to_s
        end
      end

      # @param value [Object]
      # @return [Boolean] whether the value is left out of the request
      def omitted?(value)
        value.nil? || value.equal?(OMIT)
      end

      # @param text [String]
      # @param allow_reserved [Boolean]
      # @return [String] text percent-encoded (UTF-8, upper-case hex), unreserved characters kept
      def escape(text, allow_reserved: false)
        text = text.to_s
        return text.b if text.match?(PLAIN)

        keep = allow_reserved ? KEEP_RESERVED : KEEP_UNRESERVED
        text.b.gsub(ESCAPED) { |char| char.match?(keep) ? char : format("%%%02X", char.ord) }
      end

      def pairs(name, value, style)
        return [] if omitted?(value)

        kind = style[:style] || "form"
        reserved = style[:allow_reserved] || false
        case value
        when Hash then nested(name, value, reserved)
        when Array
          explode = style.fetch(:explode, kind == "form")
          array_pairs(name, value.reject { |item| omitted?(item) }, kind, explode, reserved)
        else ["#{escape(name)}=#{escape(scalar(value), allow_reserved: reserved)}"]
        end
      end

      def array_pairs(name, values, kind, explode, reserved)
        return nested_array(name, values, reserved) if kind == "deepObject"
        return values.map { |item| "#{escape(name)}=#{escape(scalar(item), allow_reserved: reserved)}" } if explode

        delimiter = DELIMITERS.fetch(kind, ",")
        ["#{escape(name)}=#{values.map { |item| escape(scalar(item), allow_reserved: reserved) }.join(delimiter)}"]
      end

      def nested(name, hash, reserved)
        hash.flat_map do |key, value|
          child = "#{name}[#{key}]"
          case value
          when Hash then nested(child, value, reserved)
          when Array then nested_array(child, value, reserved)
          else omitted?(value) ? [] : ["#{escape(child)}=#{escape(scalar(value), allow_reserved: reserved)}"]
          end
        end
      end

      def nested_array(name, values, reserved)
        values.each_with_index.flat_map do |item, index|
          next nested("#{name}[#{index}]", item, reserved) if item.is_a?(Hash)

          omitted?(item) ? [] : ["#{escape("#{name}[]")}=#{escape(scalar(item), allow_reserved: reserved)}"]
        end
      end
      private_class_method :pairs, :array_pairs, :nested, :nested_array
    end
  end
end
