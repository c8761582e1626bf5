# frozen_string_literal: true

require_relative "lib/embott/version"

Gem::Specification.new do |spec|
  spec.name = "embott"
  spec.version = Embott::VERSION
  spec.authors = ["Embott"]
  spec.summary = "Official Ruby SDK for the Embott chatbot API"
  spec.description = "Typed client for the Embott API (bots, conversations, messages, handoff, leads, products, " \
                     "analytics, webhooks): retries with backoff and idempotency keys, auto-pagination, " \
                     "SSE streaming and webhook signature verification. Standard library only."
  spec.homepage = "https://github.com/embott/embott-sdks"
  spec.license = "MIT"
  spec.required_ruby_version = ">= 3.1"
  spec.metadata = {
    "source_code_uri" => "https://github.com/embott/embott-sdks/tree/main/packages/ruby",
    "documentation_uri" => "https://github.com/embott/embott-sdks/blob/main/packages/ruby/api.md",
    "rubygems_mfa_required" => "true"
  }
  spec.files = Dir["lib/**/*.rb"] + %w[README.md api.md LICENSE]
  spec.require_paths = ["lib"]
end
