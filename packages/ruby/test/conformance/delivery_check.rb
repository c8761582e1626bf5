# frozen_string_literal: true

require "socket"

module Conformance
  # A signed delivery from the mock to a TCPServer on 127.0.0.1:0, verified and unwrapped with the SDK.
  class DeliveryCheck
    def initialize(mock, client)
      @mock = mock
      @client = client
    end

    def run(spec)
      server = TCPServer.new("127.0.0.1", 0)
      begin
        subscription = @mock.control("POST", "/__mock/webhooks",
                                     { "url" => "http://127.0.0.1:#{server.addr[1]}/hook", "events" => spec["events"] })
        secrets = [subscription["secret"]]
        if spec["rotate_secret"]
          rotated = @mock.control("POST", "/__mock/webhooks/#{subscription["id"]}/rotate-secret", {})
          secrets.unshift(rotated["secret"])
        end
        @mock.control("POST", "/__mock/events", spec["trigger"])
        return ["no delivery reached the local receiver within 5 s"] unless server.wait_readable(5)

        headers, body = receive(server.accept)
      ensure
        server.close
      end
      check(spec, headers, body, secrets)
    end

    private

    # The request's headers and body; answers 200.
    def receive(socket)
      socket.gets # request line
      headers = {}
      while (line = socket.gets) && line != "\r\n"
        name, value = line.split(":", 2)
        headers[name.strip.downcase] = value.to_s.strip
      end
      body = socket.read(headers.fetch("content-length", "0").to_i).to_s
      socket.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      [headers, body]
    ensure
      socket.close
    end

    def check(spec, headers, body, secrets)
      problems = []
      signature = headers.fetch("embott-signature", "")
      entries = signature.split(",").count { |part| part.strip.start_with?("v1=") }
      unless entries == secrets.length
        problems << "the delivery carries #{entries} v1= entries, expected #{secrets.length}"
      end
      secrets.each do |secret|
        verdict = Runner.verify(@client, body, signature, secret)
        problems << "the delivery does not verify with #{secret[0, 10]}...: #{verdict}" unless verdict == "valid"
        event = Runner.wire(@client.webhooks.unwrap(body, headers, secret))
        type = Checks.lookup(event, "type")
        unless type == spec["expect_type"]
          problems << "unwrapped event type #{Checks.show(type)}, expected #{spec["expect_type"]}"
        end
      end
      verdict = Runner.verify(@client, "#{body} ", signature, secrets.first)
      problems << "a tampered body gave #{verdict}, expected signature_mismatch" unless verdict == "signature_mismatch"
      problems
    end
  end
end
