# frozen_string_literal: true

# Calls generated SDK methods described as JSON on stdin: { lib, module, base_url, calls: [{ path, method, args }] }.
# `path` is the chain of service readers from the client, `args` the keyword arguments; `{ "$bytes": b64 }`
# becomes a binary String and `{ "$file": { base64, filename, contentType } }` a FilePart. Prints one line per
# call: "ok" or the error.
require "base64"
require "json"

input = JSON.parse($stdin.read)
$LOAD_PATH.unshift(File.join(input["dir"], "lib"))
require input["lib"]
sdk = Object.const_get(input["module"])

convert = lambda do |value|
  case value
  when Hash
    if value.key?("$bytes") then Base64.strict_decode64(value["$bytes"])
    elsif value.key?("$file")
      file = value["$file"]
      sdk::FilePart.new(Base64.strict_decode64(file["base64"]), filename: file["filename"], content_type: file["contentType"])
    else value.transform_values { |item| convert.call(item) }
    end
  when Array then value.map { |item| convert.call(item) }
  else value
  end
end

client = sdk::Client.new(base_url: input["base_url"], max_retries: 0)
input["calls"].each do |call|
  service = call["path"].reduce(client) { |target, reader| target.public_send(reader) }
  args = call["args"].to_h { |key, value| [key.to_sym, convert.call(value)] }
  service.public_send(call["method"], **args)
  puts "ok"
rescue StandardError => e
  puts "#{e.class}: #{e.message}"
end
