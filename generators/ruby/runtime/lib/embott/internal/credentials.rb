# frozen_string_literal: true

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # The secrets a client holds, one per credential option (`api_key`, `auth_email`, ...), and which of them a
    # request sends: the first alternative of its security the client holds every credential of.
    class Credentials
      # Where a request's credentials go: header names (lower-case), query and cookie pairs.
      Placement = Struct.new(:headers, :query, :cookies, keyword_init: true)
      # Bytes a credential may hold: printable ASCII, no spaces (a stray newline or quote is a typo).
      PRINTABLE = /\A[\x21-\x7e]+\z/
      # Basic credentials are `user:password`; the password may contain spaces.
      PRINTABLE_BASIC = /\A[\x20-\x7e]+\z/

      # @param schemes [Hash{Symbol => Hash}] option => { kind: :bearer|:basic|:header|:query|:cookie, name:, env: }
      # @param given [Hash{Symbol => String, nil}] the values passed to the client
      # @param client_name [String] the client class, named in messages
      def initialize(schemes, given, client_name:)
        @schemes = schemes
        @client_name = client_name
        unknown = given.keys - schemes.keys
        raise ArgumentError, "unknown credential option(s): #{unknown.join(", ")}" if unknown.any?

        @values = schemes.each_with_object({}) do |(option, scheme), values|
          value = given[option]
          value = read_env(scheme[:env]) if value.nil?
          values[option] = check(option, scheme, value) unless value.nil? || value.to_s.strip.empty?
        end
        # The held values never change: each alternatives' placement is worked out once (frozen).
        @placements = {}
        @lock = Mutex.new
      end

      # @return [Array<String>] every value held, for the redactor
      def secrets
        @values.values
      end

      # @return [Array<Symbol>] the options the client holds a value for
      def held
        @values.keys
      end

      # @return [Array<String>] the header names credentials are sent under, masked in copies and logs
      def header_names
        @schemes.values.filter_map { |scheme| scheme[:name].downcase if scheme[:kind] == :header }
      end

      # Raises when the alternatives need credentials and the client holds none of them.
      # @param alternatives [Array<Array<Symbol>>] the API's security (each: options sent together)
      # @raise [MissingCredentialsError]
      def require_any!(alternatives)
        return if alternatives.empty? || choose(alternatives)

        raise MissingCredentialsError, missing_message(alternatives)
      end

      # The credentials a request sends (a frozen Placement, the same object for the same alternatives).
      # @param alternatives [Array<Array<Symbol>>] the operation's security (else the API's)
      # @yieldreturn [String] the request, e.g. "GET /partner/reports", named in the error (asked only then)
      # @return [Placement]
      # @raise [MissingCredentialsError] before sending, when no alternative can be satisfied
      def place(alternatives)
        placement = @placements.fetch(alternatives) do
          key = alternatives.map { |options| options.dup.freeze }.freeze
          @lock.synchronize { @placements[key] = build(alternatives) }
        end
        placement or raise MissingCredentialsError,
                           "#{yield} needs credentials: pass #{describe(alternatives)} to #{@client_name}.new."
      end

      private

      # nil when no alternative can be satisfied.
      def build(alternatives)
        chosen = choose(alternatives) or return nil

        placement = Placement.new(headers: {}, query: {}, cookies: {})
        chosen.each { |option| put(placement, @schemes.fetch(option), @values.fetch(option)) }
        placement.each(&:freeze)
        placement.freeze
      end

      # The first non-empty alternative held in full; else [] when none is needed or anonymous is allowed.
      def choose(alternatives)
        full = alternatives.find { |options| !options.empty? && options.all? { |option| @values.key?(option) } }
        full || (alternatives.empty? || alternatives.any?(&:empty?) ? [] : nil)
      end

      def put(placement, scheme, value)
        case scheme[:kind]
        when :bearer then placement.headers["authorization"] = "Bearer #{value}"
        when :basic
          pair = value.include?(":") ? value : "#{value}:"
          placement.headers["authorization"] = "Basic #{[pair].pack("m0")}"
        when :header then placement.headers[scheme[:name].downcase] = value
        when :query then placement.query[scheme[:name]] = value
        when :cookie then placement.cookies[scheme[:name]] = value
        end
      end

      def missing_message(alternatives)
        envs = alternatives.flatten.uniq.filter_map { |option| @schemes.dig(option, :env) }
        if alternatives == [[:api_key]]
          where = envs.empty? ? "" : " or set the #{envs.first} environment variable"
          return "Missing API key: pass api_key: to #{@client_name}.new#{where}."
        end

        where = envs.empty? ? "" : " (or set #{envs.join(", ")})"
        "Missing credentials: pass #{describe(alternatives)} to #{@client_name}.new#{where}."
      end

      # `{ auth_email:, auth_key: } or { api_key: }`
      def describe(alternatives)
        alternatives.reject(&:empty?).map { |options| "{ #{options.map { |option| "#{option}:" }.join(", ")} }" }
                    .join(" or ")
      end

      def check(option, scheme, value)
        pattern = scheme[:kind] == :basic ? PRINTABLE_BASIC : PRINTABLE
        return value if value.is_a?(String) && value.ascii_only? && value.match?(pattern)

        what = option == :api_key ? "The API key" : "The #{option} credential"
        raise ArgumentError, "#{what} must be a String of printable ASCII" \
                             "#{scheme[:kind] == :basic ? "" : " without spaces"} " \
                             "(check for a stray newline or quote); it was not used."
      end

      def read_env(name)
        value = name && ENV.fetch(name, nil)
        value.nil? || value.empty? ? nil : value
      end
    end
  end
end
