# frozen_string_literal: true

# `yard stats` on the gem's lib/: fails unless every public class, module, constant and method is documented.
require "open3"

Dir.chdir(File.expand_path("..", __dir__)) do
  output, status = Open3.capture2e("yard", "stats", "--list-undoc", "--no-save", "--no-output", "lib")
  puts output
  warnings = output.lines.grep(/\[warn\]/)
  documented = output[/([\d.]+)% documented/, 1]
  exit(status.success? && documented == "100.00" && warnings.empty? ? 0 : 1)
end
