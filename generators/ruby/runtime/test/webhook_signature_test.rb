# frozen_string_literal: true

require "base64"
require_relative "test_helper"

class WebhookSignatureTest < Minitest::Test
  VECTORS = File.expand_path("../../../../testdata/webhook-signatures.json", __dir__)
  SCHEME = { header: "Embott-Signature", scheme: "timestamped", encoding: "hex", tolerance: 300 }.freeze
  SECRET = "whsec_test_secret"
  NOW = 1_798_761_600

  def self.vectors
    JSON.parse(File.read(VECTORS))["cases"]
  end

  def verify(payload, header, **options)
    Embott::WebhookSignature.verify(payload, header, SECRET, scheme: SCHEME, now: NOW, **options)
  end

  def code_of
    yield
    "valid"
  rescue Embott::InvalidWebhookSignatureError => e
    e.code
  end

  vectors.each do |vector|
    define_method("test_vector_#{vector["name"]}") do
      body = vector["body_encoding"] == "base64" ? Base64.strict_decode64(vector["body"]) : vector["body"]
      scheme = vector["scheme"].transform_keys(&:to_sym)
      result = code_of do
        Embott::WebhookSignature.verify(body, vector["header"], vector["secret"],
                                        scheme: scheme, tolerance: vector["tolerance"], now: vector["now"])
      end
      assert_equal vector["expect"], result
    end
  end

  def test_vectors_are_all_present
    assert_operator self.class.vectors.length, :>=, 30
  end

  def test_round_trip_and_header_forms
    body = '{"id":"evt_1","type":"lead.captured"}'
    header = Embott::WebhookSignature.generate_test_header(body, SECRET, scheme: SCHEME, timestamp: NOW)
    assert verify(body, header)
    assert verify(body, { "embott-signature" => header })
    assert verify(body, { "HTTP_EMBOTT_SIGNATURE" => header })
    assert verify(body, [header])
    assert_equal "missing_header", (code_of { verify(body, { "other" => header }) })
    assert_equal "malformed_header", (code_of { verify(body, { "Embott-Signature" => 42 }) })
    assert_equal "malformed_header", (code_of { verify(body, [42]) })
  end

  def test_several_v1_entries_for_rotation
    body = "{}"
    sign = ->(secret) { Embott::WebhookSignature.generate_test_header(body, secret, scheme: SCHEME, timestamp: NOW) }
    new_sig = sign.call("whsec_new")[/v1=(\h+)/, 1]
    old_sig = sign.call(SECRET)[/v1=(\h+)/, 1]
    assert verify(body, "t=#{NOW},v1=#{new_sig},v1=#{old_sig}")
  end

  def test_leading_zero_timestamp_is_signed_as_received
    body = "{}"
    digest = OpenSSL::HMAC.hexdigest("SHA256", SECRET, "0#{NOW}.#{body}")
    assert verify(body, "t=0#{NOW},v1=#{digest}")
    wrong = OpenSSL::HMAC.hexdigest("SHA256", SECRET, "#{NOW}.#{body}")
    assert_equal "signature_mismatch", (code_of { verify(body, "t=0#{NOW},v1=#{wrong}") })
  end

  def test_bad_clock_inputs_never_disable_the_window
    header = Embott::WebhookSignature.generate_test_header("{}", SECRET, scheme: SCHEME, timestamp: NOW)
    assert_raises(ArgumentError) { verify("{}", header, now: Float::NAN) }
    assert_raises(ArgumentError) { verify("{}", header, tolerance: -1) }
    assert_raises(ArgumentError) { verify("{}", header, tolerance: Float::NAN) }
    assert_raises(ArgumentError) { verify("{}", header, tolerance: Float::INFINITY) }
    assert_raises(ArgumentError) { verify("{}", header, now: -Float::INFINITY) }
    assert_raises(ArgumentError) { verify("{}", header, tolerance: "300") }
    assert_raises(ArgumentError) { verify("{}", header, now: "1798761600") }
    assert_equal "timestamp_too_old", (code_of { verify("{}", header, now: Time.at(NOW + 301)) })
  end

  def test_a_bad_clock_argument_is_an_argument_error_before_the_signature_is_checked
    bad = "t=#{NOW},v1=#{"0" * 64}"
    assert_raises(ArgumentError) { verify("{}", bad, tolerance: Float::NAN) }
    assert_raises(ArgumentError) { verify("{}", "garbage", now: Float::INFINITY) }
    plain = { header: "X-Sig", scheme: "plain", encoding: "hex" }
    assert_raises(ArgumentError) do
      Embott::WebhookSignature.verify("{}", "0" * 64, SECRET, scheme: plain, tolerance: Float::NAN)
    end
  end

  def test_parsed_bodies_and_reserialised_json_get_a_hint
    header = Embott::WebhookSignature.generate_test_header('{"a":1}', SECRET, scheme: SCHEME, timestamp: NOW)
    error = assert_raises(Embott::InvalidWebhookSignatureError) { verify({ "a" => 1 }, header) }
    assert_match(/raw request body/, error.message)
    error = assert_raises(Embott::InvalidWebhookSignatureError) { verify('{ "a": 1 }', header) }
    assert_equal "signature_mismatch", error.code
    assert_match(/re-serialised/, error.hint)
  end

  def test_unwrap_needs_a_json_object
    %w[null 42 [] nope].each do |body|
      header = Embott::WebhookSignature.generate_test_header(body, SECRET, scheme: SCHEME, timestamp: NOW)
      error = assert_raises(Embott::Error) do
        Embott::WebhookSignature.unwrap(body, header, SECRET, scheme: SCHEME, now: NOW)
      end
      assert_match(/not a JSON event object/, error.message)
    end
    body = '{"type":"lead.captured"}'
    header = Embott::WebhookSignature.generate_test_header(body, SECRET, scheme: SCHEME, timestamp: NOW)
    assert_equal "lead.captured",
                 Embott::WebhookSignature.unwrap(body, header, SECRET, scheme: SCHEME, now: NOW)["type"]
  end

  def test_fuzzed_headers_never_crash_or_pass
    random = Random.new(42)
    alphabet = ["t", "=", ",", "v1", "v0", " ", "1798761600", "ab", "\u00e9", "\x00", ";", "==", "-1"]
    2000.times do
      header = Array.new(random.rand(8)) { alphabet.sample(random: random) }.join
      result = code_of { verify("{}", header) }
      refute_equal "valid", result, header
    end
  end

  def test_empty_secret_is_an_argument_error
    assert_raises(ArgumentError) { Embott::WebhookSignature.verify("{}", "t=1,v1=a", "", scheme: SCHEME) }
  end
end
