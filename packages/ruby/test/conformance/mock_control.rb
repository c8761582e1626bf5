# frozen_string_literal: true

require "json"
require "net/http"
require "uri"

module Conformance
  # The mock's /__mock control endpoints and the canned server, over plain HTTP (no SDK involved).
  class MockControl
    attr_reader :mock_url, :canned_url

    def initialize(mock_url, canned_url)
      @mock_url = mock_url
      @canned_url = canned_url
    end

    # URLs set by scripts/conformance/serve.mjs.
    def self.from_env
      mock = ENV.fetch("EMBOTT_MOCK_URL", "")
      canned = ENV.fetch("CONFORMANCE_CANNED_URL", "")
      if mock.empty? || canned.empty?
        raise "EMBOTT_MOCK_URL and CONFORMANCE_CANNED_URL are not set: " \
              "run through `node scripts/conformance/serve.mjs -- ...`"
      end
      new(mock, canned)
    end

    # @return [Array(Integer, Object)] status and decoded body
    def send_request(method, url, body = nil)
      uri = URI(url)
      request = Net::HTTPGenericRequest.new(method, !body.nil?, true, uri.request_uri)
      unless body.nil?
        request["content-type"] = "application/json"
        request.body = JSON.generate(body)
      end
      response = Net::HTTP.start(uri.host, uri.port, read_timeout: 10) { |http| http.request(request) }
      text = response.body.to_s
      [response.code.to_i, text.empty? ? nil : JSON.parse(text)]
    end

    def control(method, path, body = nil)
      status, answer = send_request(method, mock_url + path, body)
      raise "#{method} #{path} answered #{status}: #{JSON.generate(answer)}" if status >= 300

      answer
    end

    # Reset, then config, keys, faults and the canned answer, in the schema's order.
    def apply(scenario)
      control("POST", "/__mock/reset")
      setup = scenario["setup"] || {}
      control("POST", "/__mock/config", setup["config"]) if setup.key?("config")
      (setup["keys"] || []).each { |key| control("POST", "/__mock/keys", key) }
      (setup["faults"] || []).each { |fault| control("POST", "/__mock/faults", fault) }
      return unless setup.key?("canned")

      status, answer = send_request("POST", "#{canned_url}/__canned", setup["canned"])
      raise "the canned server refused the response: #{answer}" unless status == 200
    end

    # The distinct Idempotency-Keys the mock logged for an operation since the reset.
    def idempotency_keys(operation_id)
      log = control("GET", "/__mock/requests?operation_id=#{URI.encode_www_form_component(operation_id)}")["data"]
      log.map { |entry| entry["idempotency_key"] }.compact.reject(&:empty?).uniq
    end

    # Request-log problems since the reset: count per operation, distinct idempotency keys.
    def check_requests(expected)
      expected.flat_map do |want|
        id = want["operation_id"]
        log = control("GET", "/__mock/requests?operation_id=#{URI.encode_www_form_component(id)}")["data"]
        problems = []
        unless log.length == want["count"]
          problems << "#{id}: the mock received #{log.length} requests, expected #{want["count"]}"
        end
        if want.key?("idempotency_keys")
          keys = log.map { |entry| entry["idempotency_key"] }.compact.reject(&:empty?).uniq
          unless keys.length == want["idempotency_keys"]
            problems << "#{id}: #{keys.length} distinct Idempotency-Keys, expected #{want["idempotency_keys"]}"
          end
        end
        problems
      end
    end
  end
end
