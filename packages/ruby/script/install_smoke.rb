# frozen_string_literal: true

# Builds the gem, installs it with `gem install --local` into a fresh GEM_HOME, and runs the README's first
# snippet (the issue's seed snippet, verbatim) with that GEM_HOME against the mock server.
require "fileutils"
require "open3"
require "tmpdir"
require_relative "../test/support/mock_server"

GEM_DIR = File.expand_path("..", __dir__)
SNIPPET = <<~RUBY
  require "embott"

  client = Embott::Client.new(api_key: ENV["EMBOTT_API_KEY"])
  reply = client.conversations.send_message(
    conversation_id: "conv_abc123",
    role: "user",
    content: "Do you ship internationally?"
  )
  puts reply.message.content
RUBY

def run!(env, *command, chdir:)
  output, status = Open3.capture2e(env, *command, chdir: chdir)
  puts "$ #{command.join(" ")}\n#{output}"
  abort "failed: #{command.join(" ")}" unless status.success?
  output
end

Dir.mktmpdir("embott-gem-") do |tmp|
  gem_file = File.join(tmp, "embott.gem")
  run!({}, "gem", "build", "embott.gemspec", "--output", gem_file, chdir: GEM_DIR)
  home = File.join(tmp, "gems")
  clean = { "GEM_HOME" => home, "GEM_PATH" => home, "RUBYOPT" => nil, "RUBYLIB" => nil, "BUNDLE_GEMFILE" => nil }
  run!(clean, "gem", "install", "--local", "--no-document", gem_file, chdir: tmp)
  mock = MockServer.start
  begin
    env = clean.merge("EMBOTT_API_KEY" => MockServer::ADMIN_KEY, "EMBOTT_BASE_URL" => mock.base_url)
    output = run!(env, "ruby", "-w", "-e", SNIPPET, chdir: tmp)
    abort "the snippet did not print the bot's reply" unless output.match?(/ship/i)
    loaded = run!(env, "ruby", "-e", 'require "embott"; puts $LOADED_FEATURES.grep(/embott\.rb/)', chdir: tmp)
    abort "embott was not loaded from the fresh GEM_HOME" unless loaded.include?(home)
  ensure
    mock.stop
  end
end
puts "gem build + install + seed snippet: ok"
