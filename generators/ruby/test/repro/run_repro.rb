# frozen_string_literal: true

# Runs the testdata/repro cases of one generated SDK, described as JSON on stdin:
#   { dir, lib, module, base_url, recorder, cases: [{ path, method, args, credentials, env, mode, replies }] }
# `path` is the chain of service readers, `args` and `credentials` keyword arguments, `env` the variables set
# while the client is built. For each case it scripts the recorder's replies, builds the client, calls and prints
# one JSON line: { requests, result | items | resultBase64 } or { requests, error: { at, class, ... } }.
require "base64"
require "json"
require "net/http"

input = JSON.parse($stdin.read)
$LOAD_PATH.unshift(File.join(input["dir"], "lib"))
require input["lib"]
sdk = Object.const_get(input["module"])
recorder = URI(input["recorder"])

http = lambda do |request|
  Net::HTTP.start(recorder.host, recorder.port) { |connection| JSON.parse(connection.request(request).body) }
end
script = lambda do |replies|
  request = Net::HTTP::Put.new("/__script", "content-type" => "application/json")
  request.body = JSON.generate(replies)
  http.call(request)
end
recorded = -> { http.call(Net::HTTP::Get.new("/__recorded")) }

# Builds the client with `env` set only meanwhile (and every other variable of these SDKs unset).
build = lambda do |credentials, env|
  saved = ENV.to_h
  ENV.delete_if { |name, _| name.start_with?("#{input["prefix"]}_") }
  env.each { |name, value| ENV[name] = value }
  sdk::Client.new(base_url: input["base_url"], max_retries: 0, **credentials)
ensure
  ENV.replace(saved)
end

# Models and hashes as JSON values by wire name.
dump = ->(value) { JSON.parse(JSON.generate(value.is_a?(sdk::Model) ? value.to_h : value)) }

describe_error = lambda do |error, at|
  fields = { "at" => at, "class" => error.class.name, "message" => error.message,
             "missingCredentials" => error.is_a?(sdk::MissingCredentialsError),
             "conflict" => error.is_a?(sdk::ConflictError) }
  if error.is_a?(sdk::APIError)
    fields.merge!("status" => error.status, "code" => error.code, "param" => error.param,
                  "requestId" => error.request_id, "errorMessage" => error.error_message)
  end
  fields
end

input["cases"].each do |item|
  script.call(item["replies"])
  outcome = {}
  begin
    credentials = item["credentials"].to_h { |name, value| [name.to_sym, value] }
    client = build.call(credentials, item["env"])
  rescue StandardError => e
    outcome["error"] = describe_error.call(e, "construct")
  end
  if client
    begin
      service = item["path"].reduce(client) { |target, reader| target.public_send(reader) }
      args = item["args"].to_h { |key, value| [key.to_sym, value] }
      case item["mode"]
      when "iterate" then outcome["items"] = service.public_send(item["method"], **args).auto_paging_each.map(&dump)
      when "stream"
        items = []
        service.public_send(item["method"], **args) { |event| items << dump.call(event) }
        outcome["items"] = items
      when "bytes" then outcome["resultBase64"] = Base64.strict_encode64(service.public_send(item["method"], **args))
      else outcome["result"] = dump.call(service.public_send(item["method"], **args))
      end
    rescue StandardError => e
      outcome["error"] = describe_error.call(e, "call")
    end
  end
  outcome["requests"] = recorded.call
  puts JSON.generate(outcome)
end
