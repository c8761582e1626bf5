# frozen_string_literal: true

require_relative "test_helper"

class SSEParserTest < Minitest::Test
  def parse(*chunks)
    parser = Embott::Internal::SSEParser.new
    events = []
    chunks.each { |chunk| parser.feed(chunk) { |event| events << event } }
    [events, parser]
  end

  def test_fields_comments_and_multi_line_data
    events, parser = parse(": comment\nevent: update\nid: 7\nretry: 1500\ndata: line one\ndata:line two\n\n")
    assert_equal 1, events.length
    assert_equal "update", events[0].event
    assert_equal "line one\nline two", events[0].data
    assert_equal "7", events[0].id
    assert_equal 1500, events[0].retry
    refute parser.partial?
  end

  def test_default_event_name_and_bom
    events, = parse("\xEF\xBB\xBFdata: x\n\n".b)
    assert_equal "message", events[0].event
    assert_equal "x", events[0].data
  end

  def test_every_line_ending_even_split_between_chunks
    events, = parse("data: a\r", "\n\r", "\ndata: b\r\rdata: c\n", "\n")
    assert_equal %w[a b c], events.map(&:data)
  end

  def test_byte_by_byte
    text = "event: e\ndata: {\"name\":\"Zoë\"}\n\n".b
    events, = parse(*text.chars)
    assert_equal "{\"name\":\"Zoë\"}", events[0].data
    assert_equal Encoding::UTF_8, events[0].data.encoding
  end

  def test_events_without_data_are_not_dispatched_and_partial_is_reported
    events, parser = parse("event: ping\n\n", "data: half")
    assert_empty events
    assert parser.partial?
  end
end
