# frozen_string_literal: true

require "erb"
require "uri"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Keeps secrets (the API key) out of every message, log line, header copy and error body.
    class Redactor
      # What a secret is replaced with.
      MASK = "***"
      # Header values never shown, whatever they contain.
      SECRET_HEADERS = %w[authorization x-api-key cookie set-cookie proxy-authorization].freeze
      # How deep {#scrub_value} looks into nested bodies.
      MAX_DEPTH = 8

      # @param secrets [Array<String, nil>] the strings to remove (empty and nil ignored)
      # @param secret_headers [Array<String>] more header names to mask (e.g. a custom auth header)
      def initialize(secrets, secret_headers: [])
        forms = secrets.compact.reject(&:empty?).flat_map do |secret|
          [secret, ERB::Util.url_encode(secret), URI.encode_www_form_component(secret)]
        end
        @forms = forms.uniq.sort_by { |form| -form.length }
        @secret_headers = (SECRET_HEADERS + secret_headers.map(&:downcase)).uniq
      end

      # @param text [String]
      # @return [String] the text with every secret replaced by "***"
      def scrub(text)
        return text if @forms.empty? || !text.is_a?(String)

        @forms.reduce(text) { |result, form| result.include?(form) ? result.gsub(form, MASK) : result }
      end

      # @param value [Object] a parsed body: Hash, Array, String or scalar
      # @return [Object] a copy with the secrets removed from every string in it
      def scrub_value(value, depth = 0)
        return value if @forms.empty? || depth > MAX_DEPTH

        case value
        when String then scrub(value)
        when Hash then value.to_h { |key, item| [scrub(key), scrub_value(item, depth + 1)] }
        when Array then value.map { |item| scrub_value(item, depth + 1) }
        else value
        end
      end

      # @param headers [Hash{String => String}]
      # @return [Hash{String => String}] lower-case names; secret headers masked, secrets scrubbed from the rest
      def headers(headers)
        headers.each_with_object({}) do |(name, value), copy|
          key = name.to_s.downcase
          copy[key] = @secret_headers.include?(key) ? MASK : scrub(value.to_s)
        end
      end
    end
  end
end
