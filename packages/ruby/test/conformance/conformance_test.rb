# frozen_string_literal: true

# The Ruby conformance runner: every scenario of testdata/conformance through the real SDK over HTTP.
# Run by scripts/conformance/matrix.mjs through serve.mjs (which starts the mock); per-scenario results go to
# $CONFORMANCE_RESULTS for the matrix.

require "json"
require "minitest/autorun"
require "embott"
require_relative "runner"

# Conformance runner of the Ruby SDK (testdata/conformance).
module Conformance
  REPO_ROOT = File.expand_path("../../../..", __dir__)
  RESULTS = {} # rubocop:disable Style/MutableConstant -- filled by the tests, written after the run

  # One test per scenario file, named after its id.
  class ConformanceTest < Minitest::Test
    Dir[File.join(REPO_ROOT, "testdata/conformance/scenarios/*.json")].each do |file|
      scenario = JSON.parse(File.read(file))
      define_method("test_#{scenario["id"].tr("-", "_")}") do
        problems = begin
          Runner.new(MockControl.from_env, REPO_ROOT).run(scenario)
        rescue StandardError, ScriptError => e
          ["runner error: #{e.class}: #{e.message}"]
        end
        RESULTS[scenario["id"]] = { "status" => problems.empty? ? "passed" : "failed", "problems" => problems }
        assert_equal [], problems
      end
    end
  end

  Minitest.after_run do
    target = ENV.fetch("CONFORMANCE_RESULTS", "")
    File.write(target, "#{JSON.pretty_generate({ "language" => "ruby", "results" => RESULTS })}\n") unless target.empty?
  end
end
