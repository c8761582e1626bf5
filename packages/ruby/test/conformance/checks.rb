# frozen_string_literal: true

require "json"

module Conformance
  # Language-neutral expectation checks (testdata/conformance): each returns the list of what did not hold.
  module Checks
    MISSING = Object.new.freeze

    module_function

    # The value at a dotted wire path (`messages.0.role`), or MISSING.
    def lookup(value, path)
      path.split(".").each do |segment|
        if value.is_a?(Array) && segment.match?(/\A\d+\z/) && segment.to_i < value.length
          value = value[segment.to_i]
        elsif value.is_a?(Hash) && value.key?(segment)
          value = value[segment]
        else
          return MISSING
        end
      end
      value
    end

    def show(value)
      value.equal?(MISSING) ? "(missing)" : JSON.generate(value, quirks_mode: true)
    end

    # JSON equality: 1 equals 1.0, objects ignore key order.
    def same?(left, right)
      return left == right if left.is_a?(Numeric) && right.is_a?(Numeric)

      if left.is_a?(Hash) && right.is_a?(Hash)
        return left.keys.sort == right.keys.sort && left.all? do |k, v|
                 same?(v, right[k])
               end
      end
      if left.is_a?(Array) && right.is_a?(Array)
        return left.length == right.length && left.zip(right).all? do |a, b|
                 same?(a, b)
               end
      end

      left.instance_of?(right.class) && left == right
    end

    # Replaces `{{name.path}}` with saved values (a whole-string reference keeps the value's type).
    def substitute(value, saved)
      case value
      when String
        whole = value.match(/\A\{\{([^}]+)\}\}\z/)
        return resolve(whole[1], saved) if whole

        value.gsub(/\{\{([^}]+)\}\}/) { resolve(Regexp.last_match(1), saved).to_s }
      when Array then value.map { |item| substitute(item, saved) }
      when Hash then value.transform_values { |item| substitute(item, saved) }
      else value
      end
    end

    def resolve(ref, saved)
      name, rest = ref.split(".", 2)
      raise KeyError, "{{#{ref}}}: nothing saved as \"#{name}\"" unless saved.key?(name)

      found = rest ? lookup(saved[name], rest) : saved[name]
      raise KeyError, "{{#{ref}}}: no such field in the saved value" if found.equal?(MISSING)

      found
    end

    def match(subject, spec, label)
      problems = []
      (spec["equals"] || {}).each do |path, expected|
        actual = lookup(subject, path)
        next if !actual.equal?(MISSING) && same?(actual, expected)

        problems << "#{label}.#{path} = #{show(actual)}, expected #{show(expected)}"
      end
      (spec["matches"] || {}).each do |path, pattern|
        actual = lookup(subject, path)
        unless actual.is_a?(String) && actual.match?(Regexp.new(pattern))
          problems << "#{label}.#{path} = #{show(actual)}, expected to match /#{pattern}/"
        end
      end
      (spec["present"] || []).each do |path|
        problems << "#{label}.#{path} is missing" if lookup(subject, path).equal?(MISSING)
      end
      (spec["length"] || {}).each do |path, length|
        actual = lookup(subject, path)
        next if actual.is_a?(Array) && actual.length == length

        have = actual.is_a?(Array) ? actual.length : show(actual)
        problems << "#{label}.#{path} has #{have} items, expected #{length}"
      end
      problems
    end

    def matches_all?(item, fields)
      fields.all? { |path, expected| same?(lookup(item, path), expected) }
    end

    def items(found, expect)
      problems = []
      if expect.key?("count") && found.length != expect["count"]
        problems << "got #{found.length} items, expected #{expect["count"]}"
      end
      if expect.key?("unique")
        values = found.map { |item| show(lookup(item, expect["unique"])) }
        repeated = values.tally.select { |_, count| count > 1 }.keys
        problems << "items repeat #{expect["unique"]}: #{repeated.join(", ")}" unless repeated.empty?
      end
      if expect.key?("all")
        off = found.reject { |item| matches_all?(item, expect["all"]) }
        problems << "#{off.length} items do not have #{show(expect["all"])}" unless off.empty?
      end
      (expect["where"] || []).each do |where|
        count = found.count { |item| matches_all?(item, where["match"]) }
        unless count == where["count"]
          problems << "#{count} items have #{show(where["match"])}, expected #{where["count"]}"
        end
      end
      problems
    end

    def events(found, expect)
      types = found.map { |event| lookup(event, "type") }
      problems = []
      unless types.first == expect["first"]
        problems << "first event is #{show(types.first)}, expected #{expect["first"]}"
      end
      problems << "last event is #{show(types.last)}, expected #{expect["last"]}" unless types.last == expect["last"]
      if expect.key?("count_min") && found.length < expect["count_min"]
        problems << "got #{found.length} events, expected at least #{expect["count_min"]}"
      end
      middle = found[1...-1] || []
      if expect.key?("middle")
        off = (types[1...-1] || []).reject { |type| type == expect["middle"] }.map { |type| show(type) }
        unless off.empty?
          problems << "events between first and last: #{off.join(", ")} (expected only #{expect["middle"]})"
        end
      end
      if expect.key?("text")
        text = middle.map { |event| lookup(event, expect["text"]["field"]).to_s }.join
        want = lookup(found.last, expect["text"]["equals_path"])
        unless text == want
          problems << "deltas give #{show(text)} but the final #{expect["text"]["equals_path"]} is #{show(want)}"
        end
      end
      problems.concat(match(found.last, expect["final"], "final event")) if expect.key?("final")
      problems
    end
  end
end
