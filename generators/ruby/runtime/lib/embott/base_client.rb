# frozen_string_literal: true

require "uri"

module Embott
  # Base of the generated client: configuration (checked at construction), authentication, and the three
  # kinds of call generated services make: {#request}, {#request_page} and {#request_stream}.
  class BaseClient
    # Default number of retries after the first attempt.
    DEFAULT_MAX_RETRIES = 2
    # Default seconds per read (and between two stream events).
    DEFAULT_TIMEOUT = 60.0
    # Default seconds to open a connection.
    DEFAULT_OPEN_TIMEOUT = 10.0
    # A server-sent wait above this many seconds makes the SDK give up at once instead of sleeping.
    DEFAULT_MAX_RETRY_AFTER = 60.0
    # The parts of a request generated services pass.
    REQUEST_PARTS = %i[query query_styles headers cookies body encoding].freeze
    # What a request may be given: its parts and the operation's `security`.
    ACCEPTED_PARAMS = [*REQUEST_PARTS, :security].freeze

    # @return [URI::HTTP] the API's base URL
    attr_reader :base_url
    # @return [Integer]
    attr_reader :max_retries
    # @return [Float]
    attr_reader :timeout

    # @api private
    # @param config [Hash] what the generated client knows about its API: `sdk_name`, `version`, `client_name`,
    #   `base_url_env`, `webhook_secret_env`, `default_base_url` (with `{variable}`s), `server_variables`
    #   (name => { default:, enum: }), `credentials` (option => { kind: :bearer | :basic | :header | :query |
    #   :cookie, name:, env: }), `security` (the alternatives of options operations send by default),
    #   `error_envelope` (field => key path), `request_id_header`, `retry` ({ statuses:, min_server_error: }),
    #   `webhook_scheme`
    # @param credentials [Hash{Symbol => String, nil}] the credential options passed (nil: read its env variable)
    def initialize(config, credentials: {}, base_url: nil, max_retries: DEFAULT_MAX_RETRIES, timeout: DEFAULT_TIMEOUT,
                   open_timeout: DEFAULT_OPEN_TIMEOUT, max_retry_after: DEFAULT_MAX_RETRY_AFTER, logger: nil,
                   default_headers: {}, webhook_secret: nil, server_variables: {}, clock: Internal::Clock.new)
      @config = config
      @credentials = Internal::Credentials.new(config[:credentials] || {}, credentials,
                                               client_name: config[:client_name])
      @credentials.require_any!(security)
      @webhook_secret = webhook_secret || env(config[:webhook_secret_env])
      @base_url = resolve_base_url(base_url, server_variables)
      @max_retries = check_count(:max_retries, max_retries)
      @timeout = check_seconds(:timeout, timeout)
      check_seconds(:open_timeout, open_timeout)
      check_seconds(:max_retry_after, max_retry_after)
      @redactor = Internal::Redactor.new([*@credentials.secrets, @webhook_secret],
                                         secret_headers: @credentials.header_names)
      @errors = error_factory
      @transport = Internal::Transport.new(
        base_uri: @base_url, headers: base_headers(default_headers), max_retries: @max_retries, timeout: @timeout,
        open_timeout: open_timeout, max_retry_after: max_retry_after, redactor: @redactor, logger: logger,
        errors: @errors, clock: clock, telemetry_prefix: "x-#{config[:sdk_name]}",
        retry_rules: config[:retry] || {}, request_id_header: request_id_header
      )
    end

    # @api private
    # Sends a call and converts the response body to `model`. `params` are the request's parts: `query`,
    # `query_styles`, `headers`, `cookies`, `body`, `encoding` (see {Internal::Transport::Request}), and
    # `security`: the operation's alternatives of credential options when not the API's (`[]`: none sent).
    # @return [Model, Object]
    def request(method, path, model: nil, options: {}, **params)
      alternatives = params.delete(:security) || security
      response = @transport.call(authorize(build_request(method, path, params), alternatives), options)
      result = Model.coerce(response.body, model)
      return result unless result.is_a?(Model)

      result.attach_response(Internal::LazyResponseInfo.new(response, @redactor, request_id_header))
    end

    # @api private
    # Sends a list call and returns its first {Page}.
    # @return [Page]
    def request_page(method, path, pagination:, item:, options: {}, **params)
      options = options.dup
      extra_query = options.delete(:extra_query) || {}
      alternatives = params.delete(:security) || security
      request = build_request(method, path, params.merge(query: (params[:query] || {}).merge(extra_query)))
      # Credentials go on every page's request, a `Link` URL's included.
      loader = lambda do |next_request|
        response = @transport.call(authorize(next_request, alternatives), options)
        response.info = response_info(response)
        response
      end
      Page.new(loader: loader, request: request, response: loader.call(request), descriptor: pagination, item: item,
               base_uri: @base_url)
    end

    # @api private
    # Sends an SSE call now. With a block, yields each event and returns the final one (if the stream has a final
    # kind); without, returns the {Stream} once its response headers arrived.
    # @return [Stream, Model, nil]
    def request_stream(method, path, stream:, event:, options: {}, **params, &block)
      options = options.dup
      idle = options.delete(:idle_timeout)
      check_seconds(:idle_timeout, idle) if idle
      request = authorize(build_request(method, path, params), params.delete(:security) || security)
      open = lambda do |on_headers, &chunk|
        @transport.stream(request, options, idle_timeout: idle, on_headers: on_headers, &chunk)
      end
      result = Stream.new(open: open, descriptor: stream, event: event, errors: @errors).start
      return result unless block

      last = nil
      result.each do |item|
        last = item
        block.call(item)
      end
      last
    end

    # Closes the kept-alive connections (they are reopened on the next call).
    # @return [void]
    def close
      @transport.close
    end

    # @return [String] the client without its secrets
    def inspect
      held = @credentials.held
      secrets = (@config[:credentials] || {}).keys.map do |option|
        "#{option}=#{held.include?(option) ? "[redacted]" : "nil"}"
      end
      "#<#{self.class.name} base_url=#{@base_url} #{[*secrets, "max_retries=#{@max_retries}"].join(" ")}>"
    end
    alias to_s inspect

    # @api private
    # @return [String, nil] the webhook signing secret from the options or its environment variable
    attr_reader :webhook_secret

    # @api private
    # @return [Hash] the API's webhook signature scheme
    def webhook_scheme
      @config[:webhook_scheme]
    end

    private

    def response_info(response)
      ResponseInfo.from(response.status, @redactor.headers(response.headers), request_id_header)
    end

    # The API's default security: the alternatives of credential options an operation sends.
    def security
      @config[:security] || []
    end

    def build_request(method, path, params)
      unknown = params.each_key.reject { |part| ACCEPTED_PARAMS.include?(part) }
      raise ArgumentError, "unknown request part(s): #{unknown.join(", ")}" if unknown.any?

      request = Internal::Transport::Request.new(http_method: method, path: path, body: OMIT)
      params.each { |part, value| request[part] = value unless part == :security }
      request
    end

    # A copy of the request with the credentials of the first alternative the client holds (the same parts when
    # none are needed); raises before sending when none can be satisfied.
    def authorize(request, alternatives)
      auth = @credentials.place(alternatives) { "#{request.http_method.to_s.upcase} #{request.path}" }
      placed = request.dup
      placed.query = with_credentials(request.query, auth.query)
      placed.headers = with_credentials(request.headers, auth.headers)
      placed.cookies = with_credentials(request.cookies, auth.cookies)
      placed
    end

    # The part's pairs and the credentials' (these win), without a copy when one side is empty.
    def with_credentials(part, credentials)
      return part if credentials.empty?
      return credentials if part.nil? || part.empty?

      part.merge(credentials)
    end

    def error_factory
      api_key_env = @config.dig(:credentials, :api_key, :env)
      Internal::ErrorFactory.new(@redactor, api_key_env, envelope: @config[:error_envelope],
                                                         request_id_header: request_id_header)
    end

    def request_id_header
      @config[:request_id_header] || "x-request-id"
    end

    def base_headers(default_headers)
      unless default_headers.is_a?(Hash)
        raise ArgumentError,
              "default_headers must be a Hash, got #{default_headers.class}"
      end

      headers = { "user-agent" => "#{@config[:sdk_name]}-ruby/#{@config[:version]} ruby/#{RUBY_VERSION}" }
      default_headers.each { |name, value| headers[name.to_s.downcase] = value.to_s }
      headers
    end

    def resolve_base_url(given, variables)
      text = given || env(@config[:base_url_env]) || expand_server(variables)
      uri = URI.parse(text.to_s.chomp("/"))
      unless uri.is_a?(URI::HTTP) && uri.host && !uri.host.empty?
        raise ArgumentError,
              "base_url must be an absolute http(s) URL such as \"#{@config[:default_base_url]}\", got #{text.inspect}"
      end

      uri
    rescue URI::InvalidURIError
      raise ArgumentError, "base_url is not a valid URL: #{text.inspect}"
    end

    def expand_server(values)
      declared = @config[:server_variables] || {}
      unknown = values.keys.map(&:to_sym) - declared.keys
      if unknown.any?
        raise ArgumentError,
              "unknown server variable(s) #{unknown.join(", ")} (accepted: #{declared.keys.join(", ")})"
      end

      declared.reduce(@config[:default_base_url].to_s) do |url, (name, spec)|
        value = (values[name] || values[name.to_s] || spec[:default]).to_s
        if spec[:enum] && !spec[:enum].include?(value)
          raise ArgumentError, "#{name} must be one of #{spec[:enum].join(", ")}, got #{value.inspect}"
        end

        url.gsub("{#{name}}", value)
      end
    end

    def env(name)
      value = name && ENV.fetch(name, nil)
      value.nil? || value.empty? ? nil : value
    end

    def check_count(name, value)
      unless value.is_a?(Integer) && value >= 0
        raise ArgumentError,
              "#{name} must be a non-negative Integer, got #{value.inspect}"
      end

      value
    end

    def check_seconds(name, value)
      unless value.is_a?(Numeric) && value.positive?
        raise ArgumentError,
              "#{name} must be a positive number of seconds, got #{value.inspect}"
      end

      value.to_f
    end
  end
end
