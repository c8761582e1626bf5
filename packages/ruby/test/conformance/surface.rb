# frozen_string_literal: true

# Prints the SDK's public surface as JSON, { "<resource>": ["<method>", ...] }, for the parity check: the client's
# public readers returning an Embott::Resource, and the public methods their classes define below it.
require "json"
require "embott"

client = Embott::Client.new(api_key: "sk_live_parity_0001", base_url: "http://127.0.0.1:9/v1")
surface = {}
client.public_methods(false).sort.each do |name|
  next unless client.method(name).arity.zero?

  resource = client.public_send(name)
  next unless resource.is_a?(Embott::Resource)

  methods = resource.class.ancestors.take_while { |ancestor| ancestor != Embott::Resource }
                    .flat_map { |ancestor| ancestor.public_instance_methods(false) }.uniq.map(&:to_s).sort
  surface[name.to_s] = methods
end
puts JSON.pretty_generate(surface)
