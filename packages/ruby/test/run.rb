# frozen_string_literal: true

# Runs every test of the gem (test/**/*_test.rb, except test/conformance, which has its own runner). With
# MINITEST_COUNTS_FILE set, minitest's closing line ("N runs, N assertions, N failures, N errors, N skips")
# is also written to that file for `npm test`'s counts.
require "minitest"

# Minitest's plugin hook for the counts file.
module Minitest
  # Writes the closing line to a file once the run is over.
  class CountsFileReporter < StatisticsReporter
    def report
      super
      File.write(ENV.fetch("MINITEST_COUNTS_FILE"),
                 "#{count} runs, #{assertions} assertions, #{failures} failures, #{errors} errors, #{skips} skips\n")
    end
  end

  def self.plugin_counts_file_init(options)
    reporter << CountsFileReporter.new(options[:io], options) if ENV["MINITEST_COUNTS_FILE"]
  end
end
Minitest.extensions << "counts_file"

root = File.expand_path(ARGV.fetch(0, __dir__))
Dir[File.join(root, "**", "*_test.rb")].each do |file|
  require file unless file.start_with?(File.join(root, "conformance", ""))
end
