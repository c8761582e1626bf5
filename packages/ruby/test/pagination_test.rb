# frozen_string_literal: true

require_relative "test_helper"

# Lists across pages of the mock.
class PaginationTest < Minitest::Test
  include MockHelpers

  def test_auto_paging_each_walks_every_page
    api = client
    all = api.bots.list(limit: 100).data.map(&:id)
    assert_operator all.length, :>, 2
    paged = []
    api.bots.list(limit: 2).auto_paging_each { |bot| paged << bot.id }
    assert_equal all, paged
    assert_operator MOCK.requests(operation_id: "listBots").length, :>=, (all.length / 2.0).ceil + 1
  end

  def test_pages_by_hand
    api = client
    page = api.bots.list(limit: 2)
    assert_equal 2, page.data.length
    assert page.next_page?
    second = page.next_page
    refute_equal page.data.map(&:id), second.data.map(&:id)
    last = page
    last = last.next_page while last.next_page?
    assert_nil last.next_page
    assert_equal page.each_page.sum { |each| each.data.length }, api.bots.list(limit: 100).data.length
  end

  def test_lazy_enumerator_stops_early
    api = client
    first_three = api.bots.list(limit: 2).auto_paging_each.lazy.map(&:name).first(3)
    assert_equal 3, first_three.length
    assert_equal 2, MOCK.requests(operation_id: "listBots").length
  end

  def test_filters_are_kept_on_every_page
    api = client
    bot_id = api.bots.list.data.first.id
    MOCK.requests # warm
    leads = api.leads.list(bot_id: bot_id, limit: 1).auto_paging_each.to_a
    assert(leads.all? { |lead| lead.bot_id == bot_id })
    queries = MOCK.requests(operation_id: "listLeads").map { |entry| entry["query"] }
    assert(queries.all? { |query| query["bot_id"] == bot_id })
  end

  def test_enumerable_helpers_on_items
    conversations = client.conversations.list(limit: 3).auto_paging_each
    assert_kind_of Enumerator, conversations
    open = conversations.lazy.select { |conversation| conversation.status == "open" }.first(2)
    assert(open.all? { |conversation| conversation.status == "open" })
  end
end
