# frozen_string_literal: true

require "json"

module Embott
  # A Server-Sent Events response, read as it arrives. The request is sent when the stream method is called (an
  # error status or a refused connection raises there); iterate the events once with {#each} (it is Enumerable, so
  # `lazy`, `first`, `find` work). The connection is closed when the loop ends, breaks or raises, or by {#close}
  # when the events are not wanted. Iterate it on the thread that called the method.
  #
  # @example
  #   client.conversations.stream_message(conversation_id: id, content: "Hi") { |event| print event["delta"] }
  #   stream = client.conversations.stream_message(conversation_id: id, content: "Hi") # sent here
  #   stream.each { |event| ... }
  class Stream
    include Enumerable

    # @return [Hash{String => String}, nil] the response headers, once the response has arrived
    attr_reader :headers

    # @api private
    # @param open [#call] called with a headers callback; sends the request and yields body chunks
    # @param descriptor [Hash] `discriminator` (default "type"), `final` (the event that ends the stream),
    #   `error_event` (default "error"), `parse` ("json" or "text")
    # @param event [Class, Union, nil] what each JSON event becomes
    # @param errors [Internal::ErrorFactory]
    def initialize(open:, descriptor:, event:, errors:)
      @open = open
      @descriptor = { discriminator: "type", error_event: "error", parse: "json" }.merge(descriptor.compact)
      @event = event
      @errors = errors
      @consumed = false
      @reader = nil
    end

    # @api private
    # Sends the request and waits for the response headers; the body is read as the events are iterated.
    # @return [self]
    # @raise [APIError, APIConnectionError] when the response is an error (after retries) or never arrives
    def start
      @reader ||= Fiber.new do
        catch(:close) do
          on_headers = lambda do |headers|
            @headers = headers
            throw :close if Fiber.yield(:headers) == :close
          end
          @open.call(on_headers) { |chunk| throw :close if Fiber.yield(chunk) == :close }
        end
        :done
      end
      @reader.resume if @headers.nil?
      self
    end

    # Closes the connection without reading the remaining events.
    # @return [nil]
    def close
      @consumed = true
      @reader.resume(:close) if @reader&.alive?
      nil
    end

    # Yields each event: a model (JSON streams) or the data string (text streams). `[DONE]` is skipped.
    # @yieldparam event [Model, String]
    # @return [Enumerator, nil]
    # @raise [APIError] for an error event; [APITimeoutError] when no data arrives within the idle timeout;
    #   [StreamTruncatedError] when the stream ends before its final event
    def each(&block)
      return enum_for(:each) unless block
      raise Error, "This stream has already been consumed; a stream can be iterated once." if @consumed

      start
      @consumed = true
      parser = Internal::SSEParser.new
      @finished = false
      while (chunk = @reader.resume) != :done
        parser.feed(chunk) { |sse| deliver(sse, &block) }
      end
      check_complete(parser)
      nil
    ensure
      close if block && @reader&.alive?
    end

    # Consumes the stream and returns its final event (e.g. "message.completed").
    # @return [Model]
    def final_message
      final = @descriptor[:final] or raise Error, "This stream has no final event kind; iterate it instead."
      last = nil
      each { |event| last = event if kind_of_event(event) == final }
      last
    end

    # @return [String]
    def inspect
      "#<#{self.class.name} consumed=#{@consumed}>"
    end

    private

    def deliver(sse)
      if sse.data == "[DONE]"
        @finished = true
        return
      end
      event = parse(sse)
      @finished = true if @descriptor[:final] && kind_of_event(event) == @descriptor[:final]
      yield event
    end

    def parse(sse)
      if @descriptor[:parse] == "text"
        if sse.event == @descriptor[:error_event]
          raise @errors.from_stream_event(json_or_text(sse.data),
                                          @headers || {})
        end

        return sse.data
      end
      payload = parse_json(sse)
      kind = @descriptor[:discriminator]
      payload[kind] ||= sse.event if payload.is_a?(Hash) && sse.event != "message"
      error_event = @descriptor[:error_event]
      error = sse.event == error_event || (payload.is_a?(Hash) && payload[kind] == error_event)
      raise @errors.from_stream_event(payload, @headers || {}) if error

      Model.coerce(payload, @event)
    end

    def parse_json(sse)
      JSON.parse(sse.data)
    rescue JSON::ParserError => e
      raise Error, "Could not parse the data of a \"#{sse.event}\" stream event as JSON: #{e.message[0, 200]}"
    end

    def json_or_text(data)
      JSON.parse(data)
    rescue JSON::ParserError
      { "error" => { "type" => "error", "message" => data } }
    end

    def kind_of_event(event)
      event.respond_to?(:[]) && !event.is_a?(String) ? event[@descriptor[:discriminator]] : nil
    end

    def check_complete(parser)
      return if @finished
      return unless @descriptor[:final] || parser.partial?

      expected = @descriptor[:final] ? "its \"#{@descriptor[:final]}\" event" : "the end of its last event"
      raise StreamTruncatedError, "The stream closed before #{expected}: the answer is incomplete. Retry the request."
    end
  end
end
