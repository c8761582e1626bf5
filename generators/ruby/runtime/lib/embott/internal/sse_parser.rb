# frozen_string_literal: true

module Embott
  # Implementation details of the runtime; not part of the public API.
  # @api private
  module Internal
    # Incremental Server-Sent Events parser (WHATWG rules): feed it chunks as they arrive, it yields each
    # complete event. Handles CRLF/CR/LF line ends split across chunks, comments, multi-line data and a BOM.
    class SSEParser
      # A UTF-8 byte order mark, dropped from the start of the stream.
      BOM = "\xEF\xBB\xBF".b
      # One dispatched event: `event` defaults to "message"; `data` lines joined with "\n".
      Event = Struct.new(:event, :data, :id, :retry, keyword_init: true)

      def initialize
        @buffer = String.new(encoding: Encoding::BINARY)
        @first_chunk = true
        @pending_cr = false
        reset_event
      end

      # @param chunk [String] bytes as received
      # @yieldparam event [Event]
      # @return [void]
      def feed(chunk)
        text = chunk.b
        text = text.delete_prefix(BOM) if @first_chunk
        @first_chunk = false
        # A CR that ended the previous chunk already closed its line: drop the LF that completes the CRLF.
        text = text.delete_prefix("\n") if @pending_cr
        @buffer << text
        @pending_cr = text.end_with?("\r")
        while (terminator = @buffer.match(/\r\n|\r|\n/))
          line = @buffer.slice!(0, terminator.end(0))[0, terminator.begin(0)].force_encoding(Encoding::UTF_8)
          event = process(line)
          yield event if event
        end
      end

      # True when bytes arrived that did not complete an event: the stream was cut mid-event.
      # @return [Boolean]
      def partial?
        !@buffer.empty? || !@data.empty? || @has_field
      end

      private

      def process(line)
        return dispatch if line.empty?
        return nil if line.start_with?(":")

        field, value = line.split(":", 2)
        value = value&.delete_prefix(" ") || ""
        @has_field = true
        case field
        when "event" then @event = value
        when "data" then @data << value
        when "id" then @id = value unless value.include?("\0")
        when "retry" then @retry = Integer(value, 10) if value.match?(/\A\d+\z/)
        end
        nil
      end

      def dispatch
        event = if @data.empty?
                  nil
                else
                  Event.new(event: @event || "message", data: @data.join("\n"), id: @id,
                            retry: @retry)
                end
        reset_event
        event
      end

      def reset_event
        @event = nil
        @data = []
        @id = nil
        @retry = nil
        @has_field = false
      end
    end
  end
end
