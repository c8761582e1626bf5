# frozen_string_literal: true

require_relative "test_helper"

# The transport's request classes write the same header lines as Net::HTTP's own, names capitalised once.
class HeaderNamesTest < Minitest::Test
  HEADERS = { "x-embott-retry-count" => "1", "user-agent" => "embott-ruby/0", "authorization" => "Bearer k",
              "content-md5" => "x", "WWW-authenticate" => "y" }.freeze

  def test_header_lines_are_the_same_as_net_http_writes
    Embott::Internal::Transport::METHOD_CLASSES.each do |name, klass|
      plain = Net::HTTP.const_get(name.capitalize, false).new("/v1/x", HEADERS)
      ours = klass.new("/v1/x", HEADERS)
      assert_kind_of plain.class, ours
      2.times { assert_equal plain.each_capitalized.to_a, ours.each_capitalized.to_a }
      assert_equal [plain.method, plain.path], [ours.method, ours.path]
    end
    assert_equal "X-Embott-Retry-Count", Embott::Internal::HeaderNames::CAPITALISED["x-embott-retry-count"]
  end
end
