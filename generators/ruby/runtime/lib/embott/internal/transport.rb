# frozen_string_literal: true

require "json"
require "net/http"
require "securerandom"
require "uri"
require "zlib"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Sends requests over kept-alive connections and retries what is worth retrying: connection errors,
    # timeouts, 408, 429 and 5xx (never 409), honouring `Retry-After`, `retry-after-ms` and `x-should-retry`.
    # Every non-GET request carries one Idempotency-Key, reused on every retry.
    class Transport
      # A request before options are applied. `path` is relative to the base URL (or an absolute URL); `query`,
      # `headers` and `cookies` are Hashes by wire name ({OMIT} and nil values are not sent); `query_styles` and
      # `encoding` say how to serialise them (see {Query} and {BodyEncoder}); `body` is {OMIT} when there is none.
      Request = Struct.new(:http_method, :path, :query, :query_styles, :headers, :cookies, :body, :encoding,
                           keyword_init: true)
      # A successful answer: `body` is parsed JSON, text or nil; `info` the {ResponseInfo} callers attach.
      Response = Struct.new(:status, :headers, :body, :request_id, :info, keyword_init: true)
      # Options a single call may override.
      OPTION_KEYS = %i[max_retries timeout idempotency_key extra_headers extra_query].freeze

      # Low-level errors that mean the request got no response (retried).
      CONNECTION_ERRORS = [
        SocketError, SystemCallError, IOError, EOFError, OpenSSL::SSL::SSLError, Net::HTTPBadResponse,
        Net::ProtocolError, Zlib::Error
      ].freeze
      # Low-level timeouts (retried, raised as APITimeoutError).
      TIMEOUT_ERRORS = [Net::OpenTimeout, Net::ReadTimeout, Net::WriteTimeout].freeze
      # Longest request body excerpt logged at debug level.
      BODY_PREVIEW = 1000
      # Request classes by upper-case method, looked up once (others via Net::HTTP.const_get): Net::HTTP's own,
      # with header names capitalised once (see {HeaderNames}).
      METHOD_CLASSES = %w[GET POST PUT PATCH DELETE HEAD OPTIONS].to_h do |name|
        [name, Class.new(Net::HTTP.const_get(name.capitalize, false)) { include HeaderNames }]
      end.freeze
      # An empty Hash for absent optional parts.
      EMPTY = {}.freeze
      # The retry-count header's values for the first attempts (no String built per request).
      RETRY_COUNTS = Array.new(16) { |count| count.to_s.freeze }.freeze

      # @return [URI::HTTP] the base URL every path is relative to
      attr_reader :base_uri

      # @param base_uri [URI::HTTP]
      # @param headers [Hash{String => String}] sent with every request
      # @param errors [ErrorFactory] builds the error of a failed response
      # @param retry_rules [Hash] `statuses:` and `min_server_error:` retried (see {RetryPolicy.retryable_status?})
      # @param request_id_header [String] lower-case name of the response header carrying the request id
      def initialize(base_uri:, headers:, max_retries:, timeout:, open_timeout:, max_retry_after:, redactor:,
                     logger:, errors:, clock:, telemetry_prefix:, retry_rules: {}, request_id_header: "x-request-id")
        @base_uri = base_uri
        @headers = headers
        @max_retries = max_retries
        @timeout = timeout
        @max_retry_after = max_retry_after
        @redactor = redactor
        @logger = logger
        @clock = clock
        @retry_count_header = "#{telemetry_prefix}-retry-count"
        @errors = errors
        @retry_rules = retry_rules
        @request_id_header = request_id_header
        @pool = ConnectionPool.new(base_uri, open_timeout: open_timeout)
        @target = RequestTarget.new(base_uri)
      end

      # Sends `request` and returns the parsed success response, or raises a typed error.
      # @param request [Request]
      # @param options [Hash] per-call options (see OPTION_KEYS)
      # @return [Response]
      def call(request, options = {})
        prepared = prepare(request, options, "application/json")
        with_retries(prepared, options) { |retry_index| attempt_parsed(prepared, retry_index) }
      end

      # Sends `request` as an SSE call on its own connection and yields each body chunk once the response is a
      # success. The connection is closed when the block returns, breaks or raises.
      # @param request [Request]
      # @param options [Hash]
      # @param idle_timeout [Float, nil] longest wait between two chunks (default: the request timeout)
      # @param on_headers [#call, nil] called with the response headers before the first chunk
      # @yieldparam chunk [String]
      # @return [Hash{String => String}] the response headers
      def stream(request, options = {}, idle_timeout: nil, on_headers: nil, &block)
        prepared = prepare(request, options, "text/event-stream")
        idle = idle_timeout || prepared[:timeout]
        with_retries(prepared, options) do |retry_index|
          attempt_stream(prepared, retry_index, idle, on_headers, &block)
        end.headers
      end

      # Closes the idle kept-alive connections.
      # @return [void]
      def close
        @pool.close
      end

      private

      # `uri` is the full URL (for messages); `target` what the request line carries: the path and query of a
      # URL on the base origin, else the parsed URI.
      def prepare(request, options, accept)
        check_options(options) unless options.empty?
        method = request.http_method.to_s.upcase
        query = request.query || EMPTY
        query = query.merge(options[:extra_query]) if options[:extra_query]
        encoded = query.empty? ? "" : Query.encode(query, request.query_styles || EMPTY)
        uri, target = @target.resolve(request.path, encoded)
        headers = @headers.merge("accept" => accept)
        body = encode_body(method, request, headers)
        add_param_headers(request, headers)
        key = options[:idempotency_key] || (RetryPolicy.idempotency_key?(method) ? "idem_#{SecureRandom.uuid}" : nil)
        headers["idempotency-key"] = key if key
        headers.merge!(downcase_keys(options[:extra_headers])) if options[:extra_headers]
        headers["host"] ||= @target.host if target.is_a?(String)
        headers.compact!
        timeout = positive(:timeout, options.fetch(:timeout, @timeout))
        { method: method, uri: uri, target: target, headers: headers, body: body, timeout: timeout,
          idempotency_key: key }
      end

      def check_options(options)
        unknown = options.keys - OPTION_KEYS
        return if unknown.empty?

        raise ArgumentError, "unknown request option(s): #{unknown.join(", ")} (accepted: #{OPTION_KEYS.join(", ")})"
      end

      # GET and HEAD never send a body, even when the spec declares one.
      def encode_body(method, request, headers)
        return nil if method == "GET" || method == "HEAD" || request.body.nil? || request.body.equal?(OMIT)

        bytes, content_type = BodyEncoder.encode(request.body, request.encoding)
        headers["content-type"] = content_type
        bytes
      end

      def add_param_headers(request, headers)
        request.headers&.each do |name, value|
          headers[name.to_s.downcase] = value.is_a?(String) ? value : Query.header(value) unless Query.omitted?(value)
        end
        cookie = request.cookies.nil? || request.cookies.empty? ? nil : Query.cookie(request.cookies)
        headers["cookie"] = cookie if cookie
      end

      def with_retries(prepared, options)
        max_retries = options.fetch(:max_retries, @max_retries)
        unless max_retries.is_a?(Integer) && max_retries >= 0
          raise ArgumentError,
                "max_retries must be a non-negative Integer, got #{max_retries.inspect}"
        end

        retry_index = 0
        loop do
          outcome = yield retry_index
          return outcome[:response] if outcome[:ok]
          raise failure(prepared, outcome, retry_index) if !outcome[:retryable] || retry_index >= max_retries

          delay = RetryPolicy.delay(retry_index: retry_index, headers: outcome[:headers],
                                    max_retry_after: @max_retry_after, random: @clock.rand, now: @clock.now)
          raise failure(prepared, outcome, retry_index, over_cap: true) if delay.nil?

          log(:info) do
            "Retrying #{prepared[:method]} #{prepared[:uri]} in #{(delay * 1000).round} ms (#{describe(outcome)})"
          end
          @clock.sleep(delay)
          retry_index += 1
        end
      end

      def attempt_parsed(prepared, retry_index)
        started = @clock.now
        request = net_request(prepared, retry_index)
        response = @pool.with(prepared[:timeout]) { |http| http.request(request) }
        outcome_for(prepared, response, started) { parse_success(response) }
      rescue *TIMEOUT_ERRORS, *CONNECTION_ERRORS => e
        connection_outcome(prepared, e)
      end

      def attempt_stream(prepared, retry_index, idle, on_headers, &)
        started = @clock.now
        http = @pool.dedicated(prepared[:timeout])
        outcome = nil
        http.request(net_request(prepared, retry_index)) do |response|
          outcome = outcome_for(prepared, response, started) do
            http.read_timeout = idle
            on_headers&.call(response.each_header.to_h)
            read_stream(prepared, response, idle, &)
            nil
          end
        end
        outcome
      rescue *TIMEOUT_ERRORS, *CONNECTION_ERRORS => e
        connection_outcome(prepared, e)
      ensure
        http&.finish if http&.started?
      end

      # Chunks are handed over once the response is a success: a failure now is not retried (events were seen).
      def read_stream(prepared, response, idle, &)
        response.read_body(&)
      rescue *TIMEOUT_ERRORS => e
        message = "No stream data from #{prepared[:uri]} for #{idle} s (#{e.class.name}); the stream was closed."
        raise APITimeoutError.new(scrub(message), idempotency_key: prepared[:idempotency_key])
      rescue *CONNECTION_ERRORS => e
        raise APIConnectionError.new(scrub("The stream from #{origin} broke: #{e.message} (#{e.class.name})."),
                                     idempotency_key: prepared[:idempotency_key])
      end

      def outcome_for(prepared, response, started)
        headers = {}
        response.each_header { |name, value| headers[name] = value }
        status = response.code.to_i
        log(:debug) do
          elapsed = ((@clock.now - started) * 1000).round
          "#{prepared[:method]} #{prepared[:uri]} -> #{status} (#{elapsed} ms, request #{headers[@request_id_header]})"
        end
        if status.between?(200, 299)
          body = yield
          return { ok: true,
                   response: Response.new(status: status, headers: headers, body: body,
                                          request_id: headers[@request_id_header]) }
        end

        body = parse_error_body(response.body)
        retryable = RetryPolicy.retryable_status?(status, headers, **@retry_rules)
        { ok: false, retryable: retryable, status: status, headers: headers, body: body }
      end

      def connection_outcome(prepared, error)
        timeout = TIMEOUT_ERRORS.any? { |klass| error.is_a?(klass) }
        { ok: false, retryable: true, exception: timeout ? :timeout : :connection, cause: error, prepared: prepared }
      end

      def failure(prepared, outcome, retries, over_cap: false)
        return connection_error(prepared, outcome, retries) if outcome[:exception]

        wait = RetryPolicy.server_wait(outcome[:headers], @clock.now)
        error = @errors.from_response(
          status: outcome[:status], headers: outcome[:headers], body: outcome[:body], retries: retries,
          server_wait: wait, over_cap: over_cap ? @max_retry_after : nil, idempotency_key: prepared[:idempotency_key]
        )
        log(:debug) { "Request failed: #{error.message}" }
        error
      end

      def connection_error(prepared, outcome, retries)
        cause = outcome[:cause]
        noun = retries == 1 ? "retry" : "retries"
        after = retries.positive? ? " after #{retries} #{noun}" : ""
        if outcome[:exception] == :timeout
          message = "#{prepared[:method]} #{prepared[:uri]} timed out#{after} " \
                    "(#{cause.class.name}, timeout #{prepared[:timeout]} s)."
          return APITimeoutError.new(scrub(message), idempotency_key: prepared[:idempotency_key])
        end
        message = "Could not reach #{origin}#{after}: #{cause.message} (#{cause.class.name}). " \
                  "Check the base URL and your network."
        APIConnectionError.new(scrub(message), idempotency_key: prepared[:idempotency_key])
      end

      def net_request(prepared, retry_index)
        klass = METHOD_CLASSES[prepared[:method]] || Net::HTTP.const_get(prepared[:method].capitalize, false)
        # The prepared headers are this call's own copy: each attempt sets its count there (Net::HTTP copies them).
        headers = prepared[:headers]
        headers[@retry_count_header] = RETRY_COUNTS[retry_index] || retry_index.to_s
        request = BodyEncoder.net_request(klass, prepared[:target], headers, prepared[:body])
        log(:debug) do
          headers = @redactor.headers(request.each_header.to_h)
          "#{prepared[:method]} #{prepared[:uri]} #{headers} #{preview(prepared[:body])}".rstrip
        end
        request
      rescue NameError
        raise ArgumentError, "unsupported HTTP method #{prepared[:method]}"
      end

      def parse_success(response)
        text = response.body.to_s
        return nil if text.empty? || [204, 205].include?(response.code.to_i)
        return text unless json?(response["content-type"])

        JSON.parse(text)
      rescue JSON::ParserError => e
        request_id = response[@request_id_header]
        detail = e.message[0, 200]
        raise Error, scrub("The API answered #{response.code} with invalid JSON (request #{request_id}): #{detail}")
      end

      def parse_error_body(text)
        return nil if text.nil? || text.empty?

        JSON.parse(text)
      rescue JSON::ParserError
        text
      end

      def json?(content_type)
        return true if content_type == "application/json"

        media = content_type.to_s.split(";").first.to_s.strip.downcase
        media == "application/json" || media.end_with?("+json")
      end

      def origin
        "#{@base_uri.host}:#{@base_uri.port}"
      end

      def positive(name, value)
        unless value.is_a?(Numeric) && value.positive?
          raise ArgumentError,
                "#{name} must be a positive number of seconds, got #{value.inspect}"
        end

        value
      end

      def downcase_keys(hash)
        hash.to_h { |name, value| [name.to_s.downcase, value&.to_s] }
      end

      def describe(outcome)
        outcome[:exception] ? outcome[:cause].class.name : "HTTP #{outcome[:status]}"
      end

      def preview(body)
        return "" if body.nil?
        return "[#{body.bytesize} bytes]" unless body.encoding == Encoding::UTF_8 && body.valid_encoding?

        text = scrub(body)
        text.length > BODY_PREVIEW ? "#{text[0, BODY_PREVIEW]}... (#{text.length} chars)" : text
      end

      def scrub(text)
        @redactor.scrub(text)
      end

      # Yields (to build the message) only when a logger is set: no Proc is made per request otherwise.
      def log(level)
        return unless @logger

        @logger.public_send(level) { scrub(yield) }
      end
    end
  end
end
