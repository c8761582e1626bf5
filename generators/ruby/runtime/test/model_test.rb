# frozen_string_literal: true

require_relative "test_helper"

class ModelTest < Minitest::Test
  class Message < Embott::Model
    def content
      read_attribute("content")
    end
  end

  class Reply < Embott::Model
    def message
      read_attribute("message", Message)
    end

    def history
      read_attribute("history", [Message])
    end
  end

  class Started < Embott::Model; end

  def test_readers_nested_models_and_unknown_fields
    reply = Reply.new("message" => { "content" => "Hi", "mood" => "new" }, "history" => [{ "content" => "a" }],
                      "extra" => 1)
    assert_equal "Hi", reply.message.content
    assert_instance_of Message, reply.message
    assert_equal "new", reply.message["mood"]
    assert_equal "a", reply.history.first.content
    assert_equal 1, reply[:extra]
    assert reply.key?("extra")
    assert_equal({ message: { content: "Hi", mood: "new" }, history: [{ content: "a" }], extra: 1 }, reply.to_h)
    assert_equal reply, Reply.new(reply.to_h)
    assert_equal JSON.parse(reply.to_json), JSON.parse(JSON.generate(reply.to_h))
  end

  def test_inspect_is_short_and_masks_secrets
    model = Embott::Model.new("id" => "wh_1", "secret" => "whsec_abc", "url" => "https://#{"x" * 100}", "a" => 1,
                              "b" => 2)
    text = model.inspect
    refute_includes text, "whsec_abc"
    assert_includes text, 'secret="[redacted]"'
    assert_operator text.length, :<, 160
    assert_includes text, "..."
  end

  def test_union_picks_by_discriminator_and_keeps_unknown_variants
    union = Embott::Union.new("type", { "message.started" => :Started, "message.delta" => Started },
                              namespace: ModelTest)
    assert_instance_of Started, union.build({ "type" => "message.delta" })
    assert_instance_of Started, union.build({ "type" => "message.started" })
    unknown = union.build({ "type" => "message.future", "x" => 1 })
    assert_instance_of Embott::Model, unknown
    assert_equal 1, unknown["x"]
    assert_equal "text", union.build("text")
  end

  def test_pattern_matching
    case Embott::Model.new("status" => "active")
    in { status: "active" } then pass
    else flunk
    end
  end
end
