# frozen_string_literal: true

# Speed and size figures of the gem, each printed beside its floor or goal in the same run:
#   requests/s through the gem vs raw Net::HTTP on the same kept-alive connection (goal >= 0.9x),
#   webhook verifications/s at 1 KiB and 16 KiB vs a bare OpenSSL HMAC,
#   RSS growth while auto-paginating 100,000 items (goal < 20 MB).
# The local server runs in a forked process. Usage: ruby packages/ruby/bench/bench.rb [requests]
$LOAD_PATH.unshift(File.expand_path("../lib", __dir__))
require "embott"
require "json"
require "net/http"
require "openssl"
require "socket"

REQUESTS = Integer(ARGV.fetch(0, "3000"))
PAGE_SIZE = 100
TOTAL_ITEMS = 100_000
BOT = JSON.generate({ id: "bot_1", object: "bot", name: "Bench", status: "active", channels: ["web"] })

# A minimal keep-alive HTTP/1.1 server: /v1/bots/<id> answers a bot, /v1/items a cursor page of 100 items.
# One thread serves every connection (IO.select), so neither side's connection gets a thread of its own that the
# OS schedules differently from the other's.
def serve(server)
  buffers = {}
  loop do
    ready, = IO.select([server, *buffers.keys])
    ready.each do |io|
      next buffers[server.accept] = +"" if io == server

      begin
        buffers[io] << io.read_nonblock(65_536)
        answer(io, buffers[io])
      rescue IO::WaitReadable
        next
      rescue IOError, SystemCallError
        buffers.delete(io)
        io.close
      end
    end
  end
end

# Answers every complete request in `buffer` (GETs: no body).
def answer(client, buffer)
  while (ending = buffer.index("\r\n\r\n"))
    target = buffer[0, ending].split(" ", 3)[1]
    buffer.slice!(0, ending + 4)
    body = target.start_with?("/v1/items") ? page(target) : BOT
    client.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: #{body.bytesize}\r\n\r\n#{body}")
  end
end

def page(target)
  start = target[/cursor=(\d+)/, 1].to_i
  last = [start + PAGE_SIZE, TOTAL_ITEMS].min
  items = (start...last).map { |n| { id: "item_#{n}", object: "item", name: "Item #{n}" } }
  more = start + PAGE_SIZE < TOTAL_ITEMS
  JSON.generate({ object: "list", data: items, has_more: more, next_cursor: more ? (start + PAGE_SIZE).to_s : nil })
end

def rate(count, &)
  started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  count.times(&)
  count / (Process.clock_gettime(Process::CLOCK_MONOTONIC) - started)
end

# Requests/s and client CPU microseconds per call for `count` calls.
def measure(count, &)
  cpu = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
  per_second = rate(count, &)
  { rate: per_second, cpu_us: (Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) - cpu) / count * 1e6 }
end

def rss_mb
  File.read("/proc/self/status")[/VmRSS:\s+(\d+)/, 1].to_i / 1024.0
end

server = TCPServer.new("127.0.0.1", 0)
port = server.addr[1]
pid = fork { serve(server) }
server.close
base_url = "http://127.0.0.1:#{port}/v1"

begin
  client = Embott::Client.new(api_key: "sk_live_bench_0001", base_url: base_url, max_retries: 0)
  raw = Net::HTTP.start("127.0.0.1", port)
  headers = { "authorization" => "Bearer sk_live_bench_0001", "accept" => "application/json" }
  200.times { raw.request(Net::HTTP::Get.new("/v1/bots/bot_1", headers)).body && client.bots.get(bot_id: "bot_1") }
  # Short interleaved rounds (alternating which side goes first), so a busy machine slows both sides alike; the
  # medians of the per-round rates and of the per-round ratios are reported, robust to a stall in one round.
  # Client CPU time per request (the server is another process) shows the SDK's own cost without the noise.
  rounds = 30
  per_round = [REQUESTS / rounds, 1].max
  raw_once = proc { JSON.parse(raw.request(Net::HTTP::Get.new("/v1/bots/bot_1", headers)).body) }
  gem_once = proc { client.bots.get(bot_id: "bot_1").name }
  samples = Array.new(rounds) do |round|
    if round.even?
      raw_sample = measure(per_round, &raw_once)
      [raw_sample, measure(per_round, &gem_once)]
    else
      gem_sample = measure(per_round, &gem_once)
      [measure(per_round, &raw_once), gem_sample]
    end
  end
  median = ->(values) { values.sort[values.length / 2] }
  raw_rate, gem_rate = [0, 1].map { |side| median.call(samples.map { |pair| pair[side][:rate] }) }
  raw_cpu, gem_cpu = [0, 1].map { |side| median.call(samples.map { |pair| pair[side][:cpu_us] }) }
  ratio = median.call(samples.map { |raw_s, gem_s| gem_s[:rate] / raw_s[:rate] })
  puts "requests/s (GET, kept-alive, same server, #{per_round} per side in each of #{rounds} interleaved rounds, " \
       "medians)"
  puts "  raw Net::HTTP + JSON.parse  #{raw_rate.round.to_s.rjust(8)}   client CPU #{raw_cpu.round} us/request"
  puts "  embott gem                  #{gem_rate.round.to_s.rjust(8)}   client CPU #{gem_cpu.round} us/request   " \
       "#{ratio.round(2)}x of raw (median of per-round ratios; goal >= 0.90x)"

  scheme = client.webhook_scheme
  secret = "whsec_bench_secret"
  puts "\nwebhook verifications/s"
  [1024, 16 * 1024].each do |size|
    body = JSON.generate({ id: "evt_1", type: "lead.captured", data: { note: "x" * (size - 60) } })[0, size]
    header = Embott::WebhookSignature.generate_test_header(body, secret, scheme: scheme)
    timestamp = header[/t=(\d+)/, 1]
    floor = rate(20_000) { OpenSSL::HMAC.hexdigest("SHA256", secret, "#{timestamp}.#{body}") }
    verified = rate(20_000) { client.webhooks.verify(body, header, secret) }
    puts "  #{body.bytesize.to_s.rjust(5)} B: OpenSSL HMAC floor #{floor.round.to_s.rjust(9)}   " \
         "embott verify #{verified.round.to_s.rjust(9)}   (#{(verified / floor).round(2)}x)"
  end

  GC.start
  before = rss_mb
  count = 0
  peak = before
  client.request_page(:get, "/items", query: { "limit" => PAGE_SIZE }, item: Embott::Model,
                                      pagination: { style: "cursor", items: "data", cursor_param: "cursor",
                                                    next_cursor: "next_cursor", has_more: "has_more",
                                                    limit_param: "limit" }).auto_paging_each do |_item|
    count += 1
    peak = [peak, rss_mb].max if (count % 10_000).zero?
  end
  puts "\nauto-paginating #{count} items (#{TOTAL_ITEMS / PAGE_SIZE} pages)"
  growth = (peak - before).round(1)
  puts "  RSS before #{before.round(1)} MB, peak #{peak.round(1)} MB: growth #{growth} MB (goal < 20 MB)"
ensure
  Process.kill("TERM", pid)
  Process.wait(pid)
end
