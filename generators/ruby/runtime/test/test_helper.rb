# frozen_string_literal: true

require "json"
require "logger"
require "minitest/autorun"
require "socket"
require "stringio"
require_relative "../lib/embott/runtime"

# A clock that records sleeps instead of sleeping.
class FakeClock
  attr_reader :sleeps
  attr_accessor :random, :time

  def initialize(random: 0.5, time: Time.utc(2027, 1, 1))
    @random = random
    @time = time
    @sleeps = []
  end

  def now
    @time
  end

  def sleep(seconds)
    @sleeps << seconds
  end

  def rand
    @random
  end
end

# A client over the runtime, configured like a generated one.
class TestClient < Embott::BaseClient
  CONFIG = {
    sdk_name: "embott", version: "0.0.0-test", client_name: "TestClient",
    base_url_env: "EMBOTT_TEST_BASE_URL", default_base_url: "https://api.example.test/v1",
    credentials: { api_key: { kind: :bearer, env: "EMBOTT_TEST_API_KEY" } }, security: [%i[api_key]],
    error_envelope: {
      message: %w[error message], type: %w[error type], code: %w[error code], param: %w[error param],
      request_id: %w[error request_id]
    },
    request_id_header: "x-request-id", retry: { statuses: [408, 429], min_server_error: 500 },
    webhook_scheme: { header: "Embott-Signature", scheme: "timestamped", encoding: "hex", tolerance: 300 }
  }.freeze

  def initialize(api_key: nil, **options)
    super(CONFIG, credentials: { api_key: api_key }, **options)
  end
end

# A scripted HTTP/1.1 server on 127.0.0.1, port 0, with keep-alive. The handler gets a request Hash
# (method, path, query, headers, body) and returns one of:
#   { status:, headers:, body: }          a response with Content-Length
#   { drop: true }                          closes the connection without answering
#   { status:, headers:, chunks:, delay:, finish: } a chunked response written piece by piece
class ScriptedServer
  attr_reader :requests, :connections, :closed

  def initialize(&handler)
    @handler = handler
    @server = TCPServer.new("127.0.0.1", 0)
    @requests = Queue.new
    @connections = 0
    @closed = 0
    @thread = Thread.new { accept_loop }
  end

  def url
    "http://127.0.0.1:#{@server.addr[1]}"
  end

  def received
    list = []
    list << @requests.pop until @requests.empty?
    list.each { |request| @requests << request }
    list
  end

  def close
    @server.close
    @thread.kill
  end

  private

  def accept_loop
    loop do
      socket = @server.accept
      @connections += 1
      Thread.new(socket) { |client| serve(client) }
    end
  rescue IOError
    nil
  end

  def serve(socket)
    while (request = read_request(socket))
      @requests << request
      answer = @handler.call(request)
      break unless respond(socket, answer)
    end
  rescue IOError, SystemCallError
    nil
  ensure
    socket.close unless socket.closed?
    @closed += 1
  end

  def read_request(socket)
    line = socket.gets or return nil
    method, target = line.split
    headers = {}
    while (header = socket.gets) && header != "\r\n"
      name, value = header.split(":", 2)
      headers[name.downcase] = value.strip
    end
    body = headers["content-length"] ? socket.read(headers["content-length"].to_i) : nil
    path, query = target.split("?", 2)
    { method: method, path: path, query: URI.decode_www_form(query || "").to_h, raw_query: query, headers: headers,
      body: body }
  end

  def respond(socket, answer)
    return false if answer[:drop]

    sleep answer[:wait] if answer[:wait]
    headers = { "content-type" => "application/json" }.merge(answer[:headers] || {})
    status = answer.fetch(:status, 200)
    return respond_chunked(socket, status, headers, answer) if answer[:chunks]

    body = answer[:body].is_a?(String) ? answer[:body] : JSON.generate(answer[:body] || {})
    head = headers.merge("content-length" => body.bytesize.to_s).map { |name, value| "#{name}: #{value}\r\n" }.join
    socket.write("HTTP/1.1 #{status} X\r\n#{head}\r\n#{body}")
    true
  end

  def respond_chunked(socket, status, headers, answer)
    head = headers.merge("transfer-encoding" => "chunked").map { |name, value| "#{name}: #{value}\r\n" }.join
    socket.write("HTTP/1.1 #{status} X\r\n#{head}\r\n")
    answer[:chunks].each do |chunk|
      sleep answer[:delay] if answer[:delay]
      socket.write("#{chunk.bytesize.to_s(16)}\r\n#{chunk}\r\n")
    end
    sleep answer[:stall] if answer[:stall]
    return false if answer[:finish] == false # cut mid-body: no terminating chunk

    socket.write("0\r\n\r\n")
    true
  end
end

module ServerHelpers
  API_KEY = "sk_live_secretkey_0001"

  def serve(&)
    @server = ScriptedServer.new(&)
  end

  def client(**options)
    TestClient.new(api_key: API_KEY, base_url: "#{@server.url}/v1", clock: (@clock ||= FakeClock.new), **options)
  end

  def json(status, body, headers = {})
    { status: status, body: body, headers: headers }
  end

  def teardown
    @server&.close
    super
  end
end
