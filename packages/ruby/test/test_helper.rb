# frozen_string_literal: true

$LOAD_PATH.unshift(File.expand_path("../lib", __dir__))
require "minitest/autorun"
require "embott"
require_relative "support/mock_server"

# One real mock server for the whole run (stopped when the run ends).
MOCK = MockServer.start
Minitest.after_run { MOCK.stop }

# Helpers for tests against the mock: a fresh mock state per test and a client on it.
module MockHelpers
  def setup
    super
    MOCK.reset
  end

  # A client on the mock; `sleeps` records the retry waits instead of sleeping them when `fast: true`.
  def client(api_key: MockServer::ADMIN_KEY, fast: false, **options)
    @clock = fast ? RecordingClock.new : Embott::Internal::Clock.new
    Embott::Client.new(api_key: api_key, base_url: MOCK.base_url, **options).tap do |api|
      api.instance_variable_get(:@transport).instance_variable_set(:@clock, @clock) if fast
    end
  end
end

# A real clock that records the waits it is asked for and does not sleep them.
class RecordingClock < Embott::Internal::Clock
  attr_reader :sleeps

  def initialize
    super
    @sleeps = []
  end

  def sleep(seconds)
    @sleeps << seconds
  end
end
