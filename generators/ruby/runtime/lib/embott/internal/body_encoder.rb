# frozen_string_literal: true

require "json"
require "net/http"
require "securerandom"

module Embott
  module Internal
    # Request bodies: JSON (compact, {OMIT} fields left out, nil sent as null), form-urlencoded (per-field
    # `style`: form or deepObject), multipart/form-data (files as parts with a filename), text and binary.
    module BodyEncoder
      module_function

      # @param body [Object] the body value (a Hash of fields, or the whole body)
      # @param encoding [Hash, nil] `type` (:json, :form, :multipart, :text, :binary), `media_type`, and for
      #   form/multipart fields `styles` (name => { style:, explode: }) and `parts` (name => { file:, content_type: })
      # @return [Array(String, String)] the bytes and the Content-Type header
      def encode(body, encoding)
        encoding ||= {}
        media_type = encoding[:media_type] || "application/json"
        case encoding.fetch(:type, :json)
        when :json then [JSON.generate(json_value(body)), media_type]
        when :form then [form(body, encoding[:styles] || {}), media_type]
        when :multipart then multipart(body, encoding[:parts] || {})
        when :text then [body.to_s.encode(Encoding::UTF_8), media_type]
        when :binary then [bytes_of(body), media_type]
        else raise ArgumentError, "unknown body encoding #{encoding[:type].inspect}"
        end
      end

      # The Net::HTTP request carrying `bytes`. A POST (PUT, PATCH) without a body is sent with `Content-Length: 0`
      # and no Content-Type (Net::HTTP would invent a form one, and warn).
      # @param klass [Class] a Net::HTTPRequest subclass, e.g. Net::HTTP::Post
      # @param uri [URI::HTTP]
      # @param headers [Hash{String => String}]
      # @param bytes [String, nil]
      # @return [Net::HTTPGenericRequest]
      def net_request(klass, uri, headers, bytes)
        return klass.new(uri, headers).tap { |request| request.body = bytes } if bytes
        return klass.new(uri, headers) unless klass::REQUEST_HAS_BODY

        Net::HTTPGenericRequest.new(klass::METHOD, false, klass::RESPONSE_HAS_BODY, uri,
                                    headers.merge("content-length" => "0"))
      end

      # A value as JSON-ready data: models as their fields, times as ISO 8601, {OMIT} entries dropped.
      # @return [Object]
      def json_value(value)
        case value
        when Hash
          value.each_with_object({}) do |(key, item), out|
            out[key.to_s] = json_value(item) unless item.equal?(OMIT)
          end
        when Array then value.map { |item| json_value(item) }
        when Model then json_value(value.to_h)
        when Time, Date then Query.scalar(value)
        else value
        end
      end

      # @return [String] `application/x-www-form-urlencoded` text (space as "+", unreserved characters kept)
      def form(fields, styles)
        pairs = fields.flat_map { |name, value| form_pairs(name.to_s, value, styles[name.to_s] || {}) }
        pairs.map { |name, value| "#{www(name)}=#{www(value)}" }.join("&")
      end

      def form_pairs(name, value, style)
        return [] if Query.omitted?(value)
        return nested_pairs(name, value) if value.is_a?(Hash) || value.is_a?(Model)
        return [[name, Query.scalar(value)]] unless value.is_a?(Array)
        return nested_pairs(name, value) if style[:style] == "deepObject"
        return value.map { |item| [name, Query.scalar(item)] } if style.fetch(:explode, true)

        [[name, value.map { |item| Query.scalar(item) }.join(",")]]
      end

      def nested_pairs(name, value)
        case value
        when Model then nested_pairs(name, value.to_h)
        when Hash then value.flat_map { |key, item| Query.omitted?(item) ? [] : nested_pairs("#{name}[#{key}]", item) }
        when Array
          value.each_with_index.flat_map do |item, index|
            next nested_pairs("#{name}[#{index}]", item) if item.is_a?(Hash) || item.is_a?(Model)

            [["#{name}[]", Query.scalar(item)]]
          end
        else [[name, Query.scalar(value)]]
        end
      end

      def www(text)
        text.to_s.b.gsub(/[^A-Za-z0-9\-._~ ]/n) { |char| format("%%%02X", char.ord) }.tr(" ", "+")
      end

      def multipart(fields, parts)
        boundary = "----embott-#{SecureRandom.hex(12)}"
        body = String.new(encoding: Encoding::BINARY)
        fields.each do |name, value|
          next if Query.omitted?(value)

          items = value.is_a?(Array) ? value : [value]
          items.each { |item| body << part(name.to_s, item, parts[name.to_s] || {}, boundary) }
        end
        body << "--#{boundary}--\r\n"
        [body, "multipart/form-data; boundary=#{boundary}"]
      end

      def part(name, value, meta, boundary)
        head = "--#{boundary}\r\nContent-Disposition: form-data; name=\"#{quote(name)}\""
        if file?(value, meta)
          filename = value.respond_to?(:filename) ? value.filename : nil
          filename ||= File.basename(value.path) if value.respond_to?(:path) && value.path
          type = (value.respond_to?(:content_type) && value.content_type) || meta[:content_type]
          type ||= "application/octet-stream"
          head = "#{head}; filename=\"#{quote(filename || name)}\"\r\nContent-Type: #{type}\r\n\r\n"
          head.b + bytes_of(value) + "\r\n".b
        else
          text = value.is_a?(Hash) || value.is_a?(Model) ? JSON.generate(json_value(value)) : Query.scalar(value)
          "#{head}\r\n\r\n".b + text.b + "\r\n".b
        end
      end

      def file?(value, meta)
        value.is_a?(FilePart) || value.respond_to?(:read) || (meta[:file] && value.is_a?(String))
      end

      def bytes_of(value)
        case value
        when FilePart then value.bytes
        when String then value.b
        else value.respond_to?(:read) ? value.read.b : value.to_s.b
        end
      end

      def quote(text)
        text.to_s.gsub(/["\r\n]/) { |char| format("%%%02X", char.ord) }
      end
      private_class_method :form_pairs, :nested_pairs, :www, :multipart, :part, :file?, :bytes_of, :quote
    end
  end
end
