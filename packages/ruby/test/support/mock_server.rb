# frozen_string_literal: true

require "json"
require "net/http"
require "uri"

# The real @embott/mock HTTP server as a child process (port 0), with its control endpoints (`/__mock/*`).
# It stops when this process exits: its stdin is a pipe and it exits when the pipe closes.
class MockServer
  ROOT = File.expand_path("../../../..", __dir__)
  BIN = File.join(ROOT, "packages", "mock", "bin", "embott-mock.mjs")
  ADMIN_KEY = "sk_live_admin_0001"
  READ_KEY = "pk_test_default_0001"

  attr_reader :url

  # Starts the mock with a high rate limit and fast webhook retries.
  def self.start(*args)
    new(args)
  end

  def initialize(args)
    @io = IO.popen(["node", BIN, "--port", "0", "--rate-limit", "100000", "--webhook-time-scale", "0.0001", *args],
                   "r+", chdir: ROOT)
    line = @io.gets or raise "the mock server did not start (node #{BIN})"
    @url = line.strip
    @control = Net::HTTP.new(URI(@url).host, URI(@url).port)
    @control.start
  end

  # @return [String] the API base URL
  def base_url
    "#{@url}/v1"
  end

  def stop
    @control.finish if @control.started?
    @io.close
  rescue IOError
    nil
  end

  def reset
    control(:post, "/__mock/reset")
  end

  # @param fault [Hash] e.g. { method: "POST", path: "/bots", status: 503, retry_after: 0, times: 2 }
  def fault(fault)
    control(:post, "/__mock/faults", fault)
  end

  def requests(**filter)
    control(:get, "/__mock/requests?#{URI.encode_www_form(filter)}")["data"]
  end

  def subscribe(url, events)
    control(:post, "/__mock/webhooks", { url: url, events: events })
  end

  def rotate_secret(id)
    control(:post, "/__mock/webhooks/#{id}/rotate-secret", {})
  end

  def emit(type, data = nil)
    control(:post, "/__mock/events", data ? { type: type, data: data } : { type: type })
  end

  def deliveries
    control(:get, "/__mock/deliveries")["data"]
  end

  def config(settings)
    control(:post, "/__mock/config", settings)
  end

  def control(method, path, body = nil)
    request = Net::HTTP.const_get(method.to_s.capitalize).new(path, "content-type" => "application/json")
    request.body = JSON.generate(body) if body
    response = @control.request(request)
    return JSON.parse(response.body) if response.code.start_with?("2")

    raise "mock control #{method.upcase} #{path} failed: #{response.code} #{response.body}"
  end
end
