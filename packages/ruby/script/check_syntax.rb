# frozen_string_literal: true

# `ruby -wc` on every Ruby file under the given folders; fails when any file has a syntax error or a warning.
require "open3"

files = ARGV.flat_map { |dir| Dir[File.join(dir, "**", "*.rb")] + Dir[File.join(dir, "*.gemspec")] }.uniq.sort
abort "no Ruby files under #{ARGV.join(", ")}" if files.empty?

bad = files.filter_map do |file|
  output, status = Open3.capture2e("ruby", "-wc", file)
  clean = status.success? && output.strip == "Syntax OK"
  "#{file}: #{output.strip}" unless clean
end
puts "ruby -wc: #{files.length} files, #{bad.length} with errors or warnings"
puts bad
exit(bad.empty? ? 0 : 1)
