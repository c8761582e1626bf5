# frozen_string_literal: true

require "uri"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Where a request goes: its full URL (for messages) and the target its request line carries. A plain relative
    # path is appended to the base URL as a string; anything else (an absolute URL, unusual characters) goes
    # through URI.parse. The query is escaped as URI#query= escapes it, so both ways send the same bytes.
    class RequestTarget
      # A relative path made only of RFC 3986 path characters.
      PLAIN_PATH = %r{\A(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%\h\h)*\z}
      # What URI::Generic#query= percent-encodes.
      QUERY_UNSAFE = /(?!%\h\h|[!$-&(-;=?-_a-~])./n

      # @return [String, nil] the Host header a request to a plain path sends (as Net::HTTP derives it from a URI)
      attr_reader :host

      # @param base_uri [URI::HTTP]
      def initialize(base_uri)
        @base_url = base_uri.to_s.chomp("/")
        @base_path = base_uri.path.chomp("/")
        @plain_base = base_uri.query.nil? && base_uri.fragment.nil?
        port = base_uri.port == base_uri.default_port ? "" : ":#{base_uri.port}"
        @host = "#{base_uri.hostname}#{port}"
      end

      # @param path [String] relative to the base URL, or an absolute URL
      # @param encoded_query [String] the encoded query (see {Query.encode}), "" for none
      # @return [Array(String, String)] full URL and request target (path and query) for a plain path
      # @return [Array(String, URI::HTTP)] full URL and parsed URI otherwise
      def resolve(path, encoded_query)
        return parsed(path, encoded_query) unless @plain_base && path.match?(PLAIN_PATH)

        relative = path.delete_prefix("/")
        relative = "#{relative}?#{encoded_query.gsub(QUERY_UNSAFE) { |char| format("%%%02X", char.ord) }}" \
          unless encoded_query.empty?
        ["#{@base_url}/#{relative}", "#{@base_path}/#{relative}"]
      end

      private

      def parsed(path, encoded_query)
        url = path.match?(%r{\Ahttps?://}i) ? path : "#{@base_url}/#{path.delete_prefix("/")}"
        uri = URI.parse(url)
        unless encoded_query.empty?
          uri.query = [uri.query, encoded_query].reject { |part| part.nil? || part.empty? }.join("&")
        end
        [uri.to_s, uri]
      end
    end
  end
end
