# frozen_string_literal: true

require "base64"
require "json"
require_relative "test_helper"
require_relative "support/webhook_receiver"

# Webhook verification through the client: the shared vectors and real signed deliveries from the mock.
class WebhooksTest < Minitest::Test
  include MockHelpers

  VECTORS = JSON.parse(File.read(File.expand_path("../../../testdata/webhook-signatures.json", __dir__)))["cases"]

  def setup
    super
    @receiver = WebhookReceiver.new
  end

  def teardown
    @receiver.close
    super
  end

  def test_every_shared_vector_through_the_signature_module
    VECTORS.each do |vector|
      body = vector["body_encoding"] == "base64" ? Base64.strict_decode64(vector["body"]) : vector["body"]
      outcome = begin
        scheme = vector["scheme"].transform_keys(&:to_sym)
        Embott::WebhookSignature.verify(body, vector["header"], vector["secret"],
                                        scheme: scheme, tolerance: vector["tolerance"], now: vector["now"])
        "valid"
      rescue Embott::InvalidWebhookSignatureError => e
        e.code
      end
      assert_equal vector["expect"], outcome, vector["name"]
    end
  end

  def test_the_embott_vectors_through_client_webhooks
    api = client
    embott = VECTORS.select do |vector|
      vector["scheme"]["header"] == "Embott-Signature" && vector["scheme"]["encoding"] == "hex"
    end
    embott.each do |vector|
      next if vector["body_encoding"] == "base64"

      verify = lambda {
        api.webhooks.verify(vector["body"], vector["header"], vector["secret"], tolerance: vector["tolerance"],
                                                                                now: vector["now"])
      }
      if vector["expect"] == "valid"
        assert verify.call, vector["name"]
      else
        error = assert_raises(Embott::InvalidWebhookSignatureError, vector["name"]) { verify.call }
        assert_equal vector["expect"], error.code, vector["name"]
      end
    end
  end

  def test_a_signed_delivery_from_the_mock_is_verified_and_unwrapped
    subscription = MOCK.subscribe(@receiver.url, ["lead.captured"])
    client.conversations.send_message(conversation_id: "conv_abc123", role: "user",
                                      content: "Mail me at ruby@example.com")
    delivery = @receiver.next_delivery
    api = client(webhook_secret: subscription["secret"])
    assert api.webhooks.verify(delivery.body, delivery.headers)
    event = api.webhooks.unwrap(delivery.body, delivery.headers["embott-signature"])
    assert_instance_of Embott::Models::LeadCapturedEvent, event
    assert_equal "lead.captured", event.type
    assert_equal "ruby@example.com", event.data.email
    tampered = delivery.body.sub("ruby@", "evil@")
    error = assert_raises(Embott::InvalidWebhookSignatureError) { api.webhooks.verify(tampered, delivery.headers) }
    assert_equal "signature_mismatch", error.code
    wrong = assert_raises(Embott::InvalidWebhookSignatureError) do
      api.webhooks.verify(delivery.body, delivery.headers, "whsec_wrong")
    end
    assert_equal "signature_mismatch", wrong.code
  end

  def test_rotated_secrets_sign_twice_and_both_verify
    subscription = MOCK.subscribe(@receiver.url, ["order.attributed"])
    rotated = MOCK.rotate_secret(subscription["id"])
    MOCK.emit("order.attributed")
    delivery = @receiver.next_delivery
    assert_equal 2, delivery.headers["embott-signature"].scan("v1=").length
    api = client
    assert api.webhooks.verify(delivery.body, delivery.headers, rotated["secret"])
    assert api.webhooks.verify(delivery.body, delivery.headers, subscription["secret"])
    assert_instance_of Embott::Models::OrderAttributedEvent,
                       api.webhooks.unwrap(delivery.body, delivery.headers, rotated["secret"])
  end

  def test_generate_test_header_round_trips_and_stale_headers_fail
    api = client(webhook_secret: "whsec_local_test")
    payload = { "id" => "evt_1", "object" => "event", "type" => "bot.deployed", "data" => { "id" => "bot_1" } }
    body = JSON.generate(payload)
    header = api.webhooks.generate_test_header(body)
    assert_instance_of Embott::Models::BotDeployedEvent, api.webhooks.unwrap(body, header)
    old = api.webhooks.generate_test_header(body, timestamp: Time.now.to_i - 301)
    assert_equal "timestamp_too_old", assert_raises(Embott::InvalidWebhookSignatureError) {
                                        api.webhooks.verify(body, old)
                                      }.code
    unknown = JSON.generate(payload.merge("type" => "robot.dreamed"))
    event = api.webhooks.unwrap(unknown, api.webhooks.generate_test_header(unknown))
    assert_instance_of Embott::Model, event
    assert_equal "robot.dreamed", event["type"]
    assert_equal({ id: "bot_1" }, event.to_h[:data])
  end

  def test_a_tolerance_or_now_that_is_not_a_finite_number_is_an_argument_error
    api = client(webhook_secret: "whsec_local_test")
    header = api.webhooks.generate_test_header("{}")
    [{ tolerance: Float::NAN }, { tolerance: Float::INFINITY }, { tolerance: "300" }, { now: Float::NAN },
     { now: "now" }].each do |options|
      assert_raises(ArgumentError) { api.webhooks.verify("{}", header, **options) }
      assert_raises(ArgumentError) { api.webhooks.unwrap("{}", "t=1,v1=00", **options) }
    end
  end

  def test_bad_headers_are_typed_errors
    api = client(webhook_secret: "whsec_local_test")
    [nil, "", "garbage", "t=abc,v1=00", { "Embott-Signature" => 5 }, [nil]].each do |header|
      assert_raises(Embott::InvalidWebhookSignatureError) { api.webhooks.verify("{}", header) }
    end
  end
end
