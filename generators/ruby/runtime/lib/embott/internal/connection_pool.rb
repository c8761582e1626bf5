# frozen_string_literal: true

require "net/http"
require "openssl"

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Kept-alive Net::HTTP connections to one origin, one per concurrent caller (Net::HTTP is not thread-safe).
    # A connection that raised is closed, never reused half-read.
    class ConnectionPool
      # Idle connections kept for reuse.
      MAX_IDLE = 8

      # @param uri [URI::HTTP] the origin
      # @param open_timeout [Float] seconds to connect
      def initialize(uri, open_timeout:)
        @uri = uri
        @open_timeout = open_timeout
        @idle = []
        @lock = Mutex.new
      end

      # Yields a started connection with `read_timeout` set, and returns it to the pool afterwards.
      # @param read_timeout [Float] seconds per read and write
      # @yieldparam http [Net::HTTP]
      def with(read_timeout)
        http = checkout
        http.read_timeout = read_timeout
        http.write_timeout = read_timeout
        returned = false
        result = yield http
        returned = true
        result
      ensure
        returned ? checkin(http) : discard(http)
      end

      # A new started connection that is not pooled (for a stream, which the caller closes).
      # @param read_timeout [Float]
      # @return [Net::HTTP]
      def dedicated(read_timeout)
        http = build
        http.read_timeout = read_timeout
        http.write_timeout = read_timeout
        http.start
      end

      # Closes every idle connection.
      # @return [void]
      def close
        connections = @lock.synchronize { @idle.slice!(0..) }
        connections.each { |http| discard(http) }
      end

      private

      def checkout
        @lock.synchronize { @idle.pop } || build.start
      end

      def checkin(http)
        return discard(http) unless http.started?

        extra = @lock.synchronize do
          @idle.push(http)
          @idle.length > MAX_IDLE ? @idle.shift : nil
        end
        discard(extra) if extra
      end

      def discard(http)
        http.finish if http&.started?
      rescue IOError
        nil
      end

      def build
        http = Net::HTTP.new(@uri.host, @uri.port, nil)
        http.use_ssl = @uri.scheme == "https"
        http.open_timeout = @open_timeout
        http.keep_alive_timeout = 4
        http.max_retries = 0 # the transport retries, with backoff and an Idempotency-Key
        http
      end
    end
  end
end
