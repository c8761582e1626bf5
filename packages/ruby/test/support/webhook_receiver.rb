# frozen_string_literal: true

require "socket"
require "timeout"

# A tiny HTTP endpoint on 127.0.0.1 (port 0) that records each delivery's raw headers and body and answers 200.
class WebhookReceiver
  Delivery = Struct.new(:headers, :body, keyword_init: true)

  def initialize
    @server = TCPServer.new("127.0.0.1", 0)
    @deliveries = Queue.new
    @thread = Thread.new { loop { serve(@server.accept) } }
  end

  def url
    "http://127.0.0.1:#{@server.addr[1]}/hooks"
  end

  # @return [Delivery] the next delivery, waiting up to `timeout` seconds
  def next_delivery(timeout: 10)
    Timeout.timeout(timeout) { @deliveries.pop }
  end

  def close
    @thread.kill
    @server.close
  end

  private

  def serve(socket)
    socket.gets # request line
    headers = {}
    while (line = socket.gets) && line != "\r\n"
      name, value = line.split(":", 2)
      headers[name.downcase] = value.strip
    end
    body = socket.read(headers.fetch("content-length", "0").to_i)
    @deliveries << Delivery.new(headers: headers, body: body)
    socket.write("HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
  rescue IOError, SystemCallError
    nil
  ensure
    socket.close
  end
end
