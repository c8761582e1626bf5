# frozen_string_literal: true

# The checks `ruby -wc` makes (parse with warnings on), for many files in one process: prints each file that has a
# syntax error or a warning, and exits 1 if any does.
$VERBOSE = true
warnings = []
Warning.singleton_class.define_method(:warn) { |message, **| warnings << message }

files = ARGV.flat_map { |dir| Dir[File.join(dir, "**", "*.rb")] }
bad = files.filter_map do |file|
  warnings.clear
  RubyVM::InstructionSequence.compile_file(file)
  "#{file}: #{warnings.join.strip}" unless warnings.empty?
rescue SyntaxError => e
  "#{file}: #{e.message}"
end
puts "#{files.length} files, #{bad.length} with errors or warnings"
puts bad
exit(bad.empty? && !files.empty? ? 0 : 1)
