# frozen_string_literal: true

require_relative "test_helper"

class PaginationTest < Minitest::Test
  include ServerHelpers

  class Item < Embott::Model
    def id
      read_attribute("id")
    end
  end

  CURSOR = { style: "cursor", items: "data", cursor_param: "cursor", next_cursor: "next_cursor", has_more: "has_more",
             limit_param: "limit" }.freeze
  ITEMS = (1..7).map { |n| { "id" => "item_#{n}" } }.freeze

  def serve_cursor(items = ITEMS)
    serve do |request|
      start = request[:query]["cursor"].to_i
      limit = (request[:query]["limit"] || 3).to_i
      page = items[start, limit] || []
      more = start + limit < items.length
      json(200, { "data" => page, "has_more" => more, "next_cursor" => more ? (start + limit).to_s : nil })
    end
  end

  def list(api = client, query: { "limit" => 3 }, descriptor: CURSOR, options: {})
    api.request_page(:get, "/items", query: query, pagination: descriptor, item: Item, options: options)
  end

  def test_cursor_pages_and_auto_paging_each_with_filters_carried_over
    serve_cursor
    page = list(query: { "limit" => 3, "status" => "open" })
    assert_equal %w[item_1 item_2 item_3], page.data.map(&:id)
    assert page.next_page?
    ids = []
    page.auto_paging_each { |item| ids << item.id }
    assert_equal ITEMS.map { |item| item["id"] }, ids
    queries = @server.received.map { |request| request[:query] }
    assert_equal [{ "limit" => "3", "status" => "open" }, { "limit" => "3", "status" => "open", "cursor" => "3" },
                  { "limit" => "3", "status" => "open", "cursor" => "6" }], queries
  end

  STRIPE = { style: "cursor", items: "data", cursor_param: "starting_after", item_cursor: "id", has_more: "has_more",
             limit_param: "limit" }.freeze

  # Stripe-style: the next cursor is the last item's `id`, sent as `starting_after`; `has_more: false` stops.
  def serve_stripe(items = ITEMS, has_more: nil)
    serve do |request|
      after = request[:query]["starting_after"]
      start = after ? items.index { |item| item["id"] == after } + 1 : 0
      limit = (request[:query]["limit"] || 3).to_i
      page = items[start, limit] || []
      more = has_more.nil? ? start + limit < items.length : has_more
      json(200, { "object" => "list", "data" => page, "has_more" => more })
    end
  end

  def test_item_cursor_sends_the_last_items_id_and_stops_on_has_more_false
    serve_stripe
    page = list(query: { "limit" => 3, "status" => "open" }, descriptor: STRIPE)
    assert page.next_page?
    ids = page.auto_paging_each.map(&:id)
    assert_equal ITEMS.map { |item| item["id"] }, ids
    queries = @server.received.map { |request| request[:query] }
    assert_equal [{ "limit" => "3", "status" => "open" },
                  { "limit" => "3", "status" => "open", "starting_after" => "item_3" },
                  { "limit" => "3", "status" => "open", "starting_after" => "item_6" }], queries
  end

  def test_item_cursor_has_more_false_stops_even_on_a_full_page
    serve_stripe(has_more: false)
    page = list(descriptor: STRIPE)
    assert_equal 3, page.count
    refute page.next_page?
    assert_equal 3, page.auto_paging_each.count
    assert_equal 1, @server.received.length
  end

  def test_item_cursor_repeating_the_same_last_item_is_a_cycle_error
    serve { json(200, { "data" => [{ "id" => "same" }], "has_more" => true }) }
    assert_raises(Embott::PaginationCycleError) { list(descriptor: STRIPE).auto_paging_each.to_a }
  end

  def test_next_page_is_nil_on_the_last_page
    serve_cursor
    page = list(query: { "limit" => 10 })
    refute page.next_page?
    assert_nil page.next_page
    assert_equal 7, page.count
  end

  def test_lazy_enumerator_loads_only_the_pages_it_needs
    serve_cursor
    first = list.auto_paging_each.lazy.map(&:id).first(4)
    assert_equal %w[item_1 item_2 item_3 item_4], first
    assert_equal 2, @server.received.length
  end

  def test_extra_query_is_kept_on_later_pages
    serve_cursor
    list(options: { extra_query: { "expand" => "x" } }).auto_paging_each.to_a
    assert(@server.received.all? { |request| request[:query]["expand"] == "x" })
  end

  def test_cursor_cycle_is_a_typed_error
    serve do |request|
      next_cursor = request[:query]["cursor"] == "B" ? "A" : "B"
      json(200,
           { "data" => [{ "id" => request[:query]["cursor"] || "first" }], "has_more" => true,
             "next_cursor" => next_cursor })
    end
    error = assert_raises(Embott::PaginationCycleError) { list(query: {}).auto_paging_each.to_a }
    assert_match(/already loaded/, error.message)
    assert_equal 3, @server.received.length
  end

  def test_loading_the_same_next_page_twice_is_not_a_cycle
    serve_cursor
    page = list
    assert_equal page.next_page.data.map(&:id), page.next_page.data.map(&:id)
  end

  def test_offset_style
    serve do |request|
      offset = request[:query]["offset"].to_i
      json(200, { "items" => ITEMS[offset, 3], "total" => ITEMS.length })
    end
    descriptor = { style: "offset", items: "items", offset_param: "offset", total: "total", limit_param: "limit" }
    assert_equal 7, list(descriptor: descriptor).auto_paging_each.count
    assert_equal(["", "3", "6"], @server.received.map { |request| request[:query]["offset"].to_s })
  end

  def test_page_style_with_a_zero_based_start_and_total_pages
    serve do |request|
      number = request[:query]["page"].to_i
      json(200, { "results" => ITEMS[number * 3, 3], "meta" => { "pages" => 3 } })
    end
    descriptor = { style: "page", items: "results", page_param: "page", total_pages: "meta.pages", start_page: 0 }
    assert_equal 7, list(descriptor: descriptor, query: {}).auto_paging_each.count
    assert_equal([nil, "1", "2"], @server.received.map { |request| request[:query]["page"] })
  end

  def test_a_page_number_not_sent_at_first_goes_after_the_calls_own_params
    serve { |request| json(200, { "results" => request[:query]["page"] ? [] : ITEMS[0, 1] }) }
    descriptor = { style: "page", items: "results", page_param: "page", limit_param: "per_page" }
    list(descriptor: descriptor, query: { "page" => Embott::OMIT, "per_page" => 1 }).auto_paging_each.to_a
    assert_equal(%w[per_page=1 per_page=1&page=2], @server.received.map { |request| request[:raw_query] })
  end

  def test_page_style_without_totals_stops_on_a_short_page
    serve do |request|
      number = (request[:query]["page"] || 1).to_i
      json(200, ITEMS[(number - 1) * 3, 3])
    end
    descriptor = { style: "page", page_param: "page", limit_param: "limit" }
    assert_equal 7, list(descriptor: descriptor).auto_paging_each.count
    assert_equal 3, @server.received.length
  end

  def test_link_style_follows_the_link_header_to_the_same_origin_only
    serve do |request|
      number = (request[:query]["p"] || 1).to_i
      link = number < 3 ? "<#{@server.url}/v1/items?p=#{number + 1}>; rel=\"next\"" : nil
      json(200, { "data" => ITEMS[(number - 1) * 3, 3] }, link ? { "link" => link } : {})
    end
    assert_equal 7, list(descriptor: { style: "link" }, query: {}).auto_paging_each.count
    @server.close
    serve { json(200, { "data" => ITEMS }, "link" => "<https://evil.example/steal>; rel=\"next\"") }
    error = assert_raises(Embott::Error) { list(descriptor: { style: "link" }, query: {}).next_page }
    assert_match(/another origin/, error.message)
  end

  def test_link_header_parsing
    header = '<https://a/x?p=1>; rel="prev", <https://a/x?p=3>; rel="next last"'
    assert_equal "https://a/x?p=3", Embott::Internal::PageStyles.parse_link(header)
    assert_nil Embott::Internal::PageStyles.parse_link('<https://a/x>; rel="prev"')
  end

  def test_a_non_list_body_is_a_clear_error
    serve { json(200, { "data" => "nope" }) }
    error = assert_raises(Embott::Error) { list }
    assert_match(/Expected an array at "data"/, error.message)
  end
end
